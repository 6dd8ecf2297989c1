// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QDateTime>
#include <QStringList>
#include <optional>

namespace perimeter::report {

// Which records a query, a report or an export covers. Every list means "any of these";
// an empty list means "any value"; "" in a list matches records without a value (never
// classified, never reached a tier, no team).
struct AuditFilter {
    std::optional<QDateTime> from; // inclusive
    std::optional<QDateTime> to;   // exclusive
    QStringList tiers;             // "onprem", "cloud", "" (never reached a tier)
    QStringList teams;
    QStringList callers;
    QStringList models;            // the served model, else the requested one
    QStringList sensitivities;
    QStringList decisions;         // routed | rejected | failed
    QStringList endpoints;         // endpoint ids
    QStringList reasons;

    bool hasValueFilters() const
    {
        return !tiers.isEmpty() || !teams.isEmpty() || !callers.isEmpty() || !models.isEmpty() || !sensitivities.isEmpty()
            || !decisions.isEmpty() || !endpoints.isEmpty() || !reasons.isEmpty();
    }
};

// What a breakdown groups by.
enum class Dimension { Tier, Model, Team, Caller, Sensitivity, Decision, Endpoint, EndpointPath, Reason };

QString dimensionName(Dimension dimension);               // "tier", "model", ..., "endpoint_path"
std::optional<Dimension> dimensionFromName(const QString &name);
const QStringList &dimensionNames();

} // namespace perimeter::report
