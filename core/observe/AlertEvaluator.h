// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AlertEvent.h"
#include "AlertRule.h"
#include "AlertWindow.h"
#include "AuditRecord.h"
#include <QObject>
#include <QTimer>
#include <functional>
#include <vector>

namespace perimeter::observe {

class MetricsRegistry;

// Evaluates the config's alert rules in-process, for both tiers with one rule shape.
//
// The record finalizer calls record() once per request (O(rules), each O(1): one bucket of
// the rule's AlertWindow); a timer calls evaluate(), which reads every window and moves each
// rule through ok → pending (breached, waiting for_seconds) → firing → resolving (clear,
// waiting resolve_seconds) → ok. Transitions are emitted as alertEvent(); the gateway sends
// them to the operator log, the audit database, the webhook and the console.
//
// Lives on the gateway thread; not thread-safe. The clock is injectable for tests
// (milliseconds since the epoch).
class AlertEvaluator : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    AlertEvaluator(AlertSettings settings, MetricsRegistry *metrics, Clock clock = {}, QObject *parent = nullptr);
    ~AlertEvaluator() override;

    // Starts the evaluation timer (settings.evaluateIntervalMs).
    void start();
    void stop();
    // New rules (config reload): windows and states start afresh; firing rules that disappear
    // or change are resolved first so that nothing stays firing forever downstream.
    void setSettings(AlertSettings settings);
    const AlertSettings &settings() const { return m_settings; }

    void record(const AuditRecord &record);
    // Public for tests with a fake clock; the timer calls it.
    void evaluate();

    bool isFiring(const QString &rule) const;
    // The rule's metric over its window now; NaN without enough data.
    double currentValue(const QString &rule) const;

Q_SIGNALS:
    void alertEvent(const perimeter::observe::AlertEvent &event);

private:
    struct RuleState {
        AlertRule rule;
        AlertWindow window;
        bool firing = false;
        qint64 breachSinceMs = -1;
        qint64 clearSinceMs = -1;
    };
    static bool inScope(const AlertRule &rule, const AuditRecord &record);
    double valueOf(const RuleState &state, const AlertWindow::Totals &totals) const;
    void emitEvent(RuleState &state, AlertEvent::State newState, double value, qint64 requests, qint64 nowMs);
    void buildStates();

    AlertSettings m_settings;
    MetricsRegistry *m_metrics = nullptr;
    Clock m_clock;
    std::vector<RuleState> m_states;
    QTimer m_timer;
};

} // namespace perimeter::observe
