// SPDX-License-Identifier: Apache-2.0
#include "AlertEvaluator.h"
#include "MetricsRegistry.h"
#include <QDateTime>
#include <cmath>
#include <limits>

namespace perimeter::observe {

namespace {
constexpr double kNoData = std::numeric_limits<double>::quiet_NaN();

QString formatValue(const AlertRule &rule, double value)
{
    switch (rule.metric) {
    case AlertRule::Metric::ErrorRate:
    case AlertRule::Metric::Availability:
        return QString::number(value, 'f', 4);
    case AlertRule::Metric::LatencyPercentile:
        return QString::number(value, 'f', 0) + QStringLiteral(" ms");
    case AlertRule::Metric::Spend:
        return QString::number(value, 'f', 4);
    case AlertRule::Metric::ResidencyRejections:
        return QString::number(value, 'f', 0);
    }
    return QString::number(value);
}

QString comparison(const AlertRule &rule)
{
    switch (rule.metric) {
    case AlertRule::Metric::Availability:
        return QStringLiteral("<");
    case AlertRule::Metric::Spend:
    case AlertRule::Metric::ResidencyRejections:
        return QStringLiteral(">=");
    default:
        return QStringLiteral(">");
    }
}
} // namespace

AlertEvaluator::AlertEvaluator(AlertSettings settings, MetricsRegistry *metrics, Clock clock, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_metrics(metrics), m_clock(std::move(clock))
{
    qRegisterMetaType<perimeter::observe::AlertEvent>();
    if (!m_clock)
        m_clock = []() { return QDateTime::currentMSecsSinceEpoch(); };
    m_timer.setInterval(m_settings.evaluateIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AlertEvaluator::evaluate);
    buildStates();
}

AlertEvaluator::~AlertEvaluator() = default;

void AlertEvaluator::buildStates()
{
    m_states.clear();
    m_states.reserve(size_t(m_settings.rules.size()));
    for (const auto &rule : m_settings.rules) {
        m_states.push_back(RuleState{rule, AlertWindow(rule.windowSeconds)});
        if (m_metrics)
            m_metrics->setAlertFiring(rule.name, false);
    }
}

void AlertEvaluator::start()
{
    if (!m_states.empty())
        m_timer.start();
}

void AlertEvaluator::stop()
{
    m_timer.stop();
}

void AlertEvaluator::setSettings(AlertSettings settings)
{
    const qint64 now = m_clock();
    for (auto &state : m_states) {
        if (state.firing)
            emitEvent(state, AlertEvent::State::Resolved, kNoData, 0, now);
    }
    m_settings = std::move(settings);
    m_timer.setInterval(m_settings.evaluateIntervalMs);
    buildStates();
    if (m_states.empty())
        m_timer.stop();
    else if (!m_timer.isActive())
        m_timer.start();
}

bool AlertEvaluator::inScope(const AlertRule &rule, const AuditRecord &r)
{
    if (rule.scopeTier != QLatin1String("any") && r.tier != rule.scopeTier)
        return false;
    return rule.scopeEndpoint.isEmpty() || r.endpointId == rule.scopeEndpoint;
}

void AlertEvaluator::record(const AuditRecord &r)
{
    if (m_states.empty())
        return;
    const qint64 now = m_clock();
    const bool routed = r.decision == QLatin1String("routed");
    const bool failed = r.decision == QLatin1String("failed");
    const bool residency = r.reason == QLatin1String("residency_violation");
    // Latency of requests the gateway refused by itself says nothing about the tiers.
    const bool hasLatency = routed || failed;
    for (auto &state : m_states) {
        if (inScope(state.rule, r))
            state.window.add(now, routed, failed, residency, hasLatency, r.latencyMs, r.costAmount);
    }
}

double AlertEvaluator::valueOf(const RuleState &state, const AlertWindow::Totals &t) const
{
    const AlertRule &rule = state.rule;
    switch (rule.metric) {
    case AlertRule::Metric::ErrorRate:
        return t.requests >= rule.minRequests && t.requests > 0 ? double(t.failed) / double(t.requests) : kNoData;
    case AlertRule::Metric::Availability: {
        const qint64 attempted = t.routed + t.failed;
        return attempted >= rule.minRequests && attempted > 0 ? double(t.routed) / double(attempted) : kNoData;
    }
    case AlertRule::Metric::LatencyPercentile:
        return t.latencySamples >= rule.minRequests && t.latencySamples > 0 ? AlertWindow::percentile(t, rule.percentile) : kNoData;
    case AlertRule::Metric::Spend:
        return t.spend;
    case AlertRule::Metric::ResidencyRejections:
        return double(t.residencyRejections);
    }
    return kNoData;
}

void AlertEvaluator::evaluate()
{
    const qint64 now = m_clock();
    for (auto &state : m_states) {
        const auto totals = state.window.totals(now);
        const double value = valueOf(state, totals);
        // No data is not a breach: a quiet endpoint is not an erroring one.
        const bool breached = !std::isnan(value) && state.rule.breached(value);
        if (!state.firing) {
            state.clearSinceMs = -1;
            if (!breached) {
                state.breachSinceMs = -1;
                continue;
            }
            if (state.breachSinceMs < 0)
                state.breachSinceMs = now;
            if (now - state.breachSinceMs >= qint64(state.rule.forSeconds) * 1000)
                emitEvent(state, AlertEvent::State::Firing, value, totals.requests, now);
        } else {
            state.breachSinceMs = -1;
            if (breached) {
                state.clearSinceMs = -1;
                continue;
            }
            if (state.clearSinceMs < 0)
                state.clearSinceMs = now;
            if (now - state.clearSinceMs >= qint64(state.rule.resolveSeconds) * 1000)
                emitEvent(state, AlertEvent::State::Resolved, value, totals.requests, now);
        }
    }
}

void AlertEvaluator::emitEvent(RuleState &state, AlertEvent::State newState, double value, qint64 requests, qint64 nowMs)
{
    state.firing = newState == AlertEvent::State::Firing;
    state.breachSinceMs = -1;
    state.clearSinceMs = -1;
    const AlertRule &rule = state.rule;
    AlertEvent e;
    e.ts = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    e.rule = rule.name;
    e.metric = rule.metricName;
    e.state = newState;
    e.value = std::isnan(value) ? 0.0 : value;
    e.threshold = rule.effectiveThreshold();
    e.scopeTier = rule.scopeTier;
    e.scopeEndpoint = rule.scopeEndpoint;
    e.windowSeconds = rule.windowSeconds;
    e.requests = requests;
    const QString scope = rule.scopeTier + (rule.scopeEndpoint.isEmpty() ? QString() : QLatin1Char('/') + rule.scopeEndpoint);
    if (state.firing)
        e.message = QStringLiteral("%1 firing: %2 %3 %4 %5 over %6 s (scope %7)")
                        .arg(rule.name, rule.metricName, formatValue(rule, value), comparison(rule), formatValue(rule, e.threshold))
                        .arg(rule.windowSeconds)
                        .arg(scope);
    else
        e.message = std::isnan(value) ? QStringLiteral("%1 resolved: no data in the window (scope %2)").arg(rule.name, scope)
                                      : QStringLiteral("%1 resolved: %2 %3 over %4 s (scope %5)")
                                            .arg(rule.name, rule.metricName, formatValue(rule, value))
                                            .arg(rule.windowSeconds)
                                            .arg(scope);
    if (m_metrics)
        m_metrics->setAlertFiring(rule.name, state.firing);
    Q_EMIT alertEvent(e);
}

bool AlertEvaluator::isFiring(const QString &rule) const
{
    for (const auto &s : m_states) {
        if (s.rule.name == rule)
            return s.firing;
    }
    return false;
}

double AlertEvaluator::currentValue(const QString &rule) const
{
    for (const auto &s : m_states) {
        if (s.rule.name == rule)
            return valueOf(s, s.window.totals(m_clock()));
    }
    return kNoData;
}

} // namespace perimeter::observe
