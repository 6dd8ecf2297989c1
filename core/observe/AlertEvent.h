// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace perimeter::observe {

// A rule that started or stopped firing. Carries only the rule, the measured value and the
// scope: never anything of a request.
struct AlertEvent {
    enum class State { Firing, Resolved };
    QDateTime ts;              // UTC, from the evaluator's clock
    QString rule;
    QString metric;            // as configured, e.g. "latency_p95_ms"
    State state = State::Firing;
    double value = 0.0;        // the metric over the window when the state changed
    double threshold = 0.0;    // effective threshold (for spend: threshold × budget)
    QString scopeTier;         // "any" | "onprem" | "cloud"
    QString scopeEndpoint;     // "" = any
    int windowSeconds = 0;
    qint64 requests = 0;       // requests in scope in the window
    QString message;           // one line for people: "cloud-errors firing: error_rate 0.2 > 0.05 ..."

    QString stateName() const { return state == State::Firing ? QStringLiteral("firing") : QStringLiteral("resolved"); }
    // The webhook body and the operator log fields.
    QJsonObject toJson() const;
};

} // namespace perimeter::observe

Q_DECLARE_METATYPE(perimeter::observe::AlertEvent)
