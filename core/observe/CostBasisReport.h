// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

namespace perimeter::observe {

class AuditStore;
class CostModel;

// The on-prem volume basis of every blended rate as of now, for reports: measures the volume
// on the trail (blocking) when measured_volume is enabled, then CostModel::describeBasis().
class CostBasisReport {
public:
    static QStringList lines(const CostModel &costs, const AuditStore &store);
};

} // namespace perimeter::observe
