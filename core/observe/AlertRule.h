// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace perimeter::observe {

// One rule of the config's "alerts" object. The same rule shape applies to both tiers; the
// scope selects which finished requests feed it (docs/operations.md "Alerts").
struct AlertRule {
    enum class Metric {
        ErrorRate,           // failed requests / requests in scope; fires above threshold
        LatencyPercentile,   // latency_pNN_ms of requests in scope; fires above threshold (ms)
        Availability,        // routed / (routed + failed); fires below threshold
        Spend,               // sum of cost_amount; fires at threshold × budget
        ResidencyRejections, // residency_violation rejections in the window; fires at threshold
    };
    QString name;
    Metric metric = Metric::ErrorRate;
    QString metricName;        // as configured, e.g. "latency_p95_ms"
    double percentile = 0.95;  // LatencyPercentile only
    QString scopeTier = QStringLiteral("any"); // "any" | "onprem" | "cloud"
    QString scopeEndpoint;     // "" = any endpoint
    int windowSeconds = 300;
    double threshold = 0.0;
    std::optional<double> budget; // Spend only (currency of the cost model)
    int forSeconds = 0;        // the condition must hold this long before the rule fires
    int resolveSeconds = 0;    // and must be clear this long before it resolves
    qint64 minRequests = 1;    // rate metrics only: fewer requests in the window never fire

    // True when the metric value breaks the rule.
    bool breached(double value) const;
    double effectiveThreshold() const { return metric == Metric::Spend ? threshold * budget.value_or(0.0) : threshold; }

    bool operator==(const AlertRule &) const = default;
};

struct AlertWebhookSettings {
    QUrl url;                  // "" = no webhook
    QString credential;        // sent as "Authorization: Bearer <secret>"; "" = none
    int timeoutMs = 10'000;
    int maxAttempts = 5;
    int backoffInitialMs = 500; // doubled per attempt (with jitter), at most 30 s

    bool operator==(const AlertWebhookSettings &) const = default;
};

struct AlertSettings {
    QList<AlertRule> rules;
    int evaluateIntervalMs = 1000;
    AlertWebhookSettings webhook;

    bool operator==(const AlertSettings &) const = default;
};

} // namespace perimeter::observe
