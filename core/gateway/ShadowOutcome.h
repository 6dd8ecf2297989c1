// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace perimeter::gateway {

// What the shadow policy would have decided for one request, from the same classification
// and the same endpoint state as the active decision, and where the two differ.
struct ShadowOutcome {
    QString policyVersion;
    Sensitivity level = Sensitivity::Restricted;
    QList<Tier> permittedTiers;
    QString tiersSource;          // "" = the policy's levels; else the override that applied
    QString decision;             // routed | rejected
    QString reason;               // ok | residency_violation | model_not_found | no_capacity | ...
    QString endpointId;           // when routed
    std::optional<Tier> tier;
    QStringList differences;      // kinds: level, tiers, decision, reason, tier (empty = agrees)
};

} // namespace perimeter::gateway
