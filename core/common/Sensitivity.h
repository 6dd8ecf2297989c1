// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "NoGuiGuard.h"
#include <QString>
#include <optional>

namespace perimeter {

// Ordered: a higher value is more sensitive. The order is part of the contract
// (public < internal < confidential < restricted).
enum class Sensitivity { Public = 0, Internal = 1, Confidential = 2, Restricted = 3 };

QString sensitivityName(Sensitivity level);
std::optional<Sensitivity> parseSensitivity(const QString &name);
inline Sensitivity maxSensitivity(Sensitivity a, Sensitivity b) { return a < b ? b : a; }

enum class Tier { OnPrem, Cloud };

QString tierName(Tier tier);
std::optional<Tier> parseTier(const QString &name);

} // namespace perimeter
