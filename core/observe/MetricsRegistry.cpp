// SPDX-License-Identifier: Apache-2.0
#include "MetricsRegistry.h"

namespace perimeter::observe {

namespace {

using Type = MetricFamily::Type;

// Request-level latencies: from a cache hit on a small model to a long streamed answer.
std::vector<double> latencyBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};
}

// Pipeline stages run in microseconds (classification of a large body in milliseconds).
std::vector<double> stageBuckets()
{
    return {0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1};
}

QStringView statusClass(int status)
{
    static const QString classes[] = {QStringLiteral("1xx"), QStringLiteral("2xx"), QStringLiteral("3xx"),
                                      QStringLiteral("4xx"), QStringLiteral("5xx")};
    static const QString none = QStringLiteral("none");
    if (status >= 100 && status < 600)
        return classes[status / 100 - 1];
    return none;
}

// The requested model name comes from the caller; for requests refused because the model or
// the body is bad it is not a known model and would let any caller mint new series.
QStringView modelLabel(const AuditRecord &r)
{
    if (!r.modelServed.isEmpty())
        return r.modelServed;
    if (r.status == 400 || r.status == 404 || r.status == 413 || r.status == 401)
        return {};
    return r.modelRequested;
}

} // namespace

MetricsRegistry::MetricsRegistry()
    : m_requests("perimeter_requests_total", "Requests answered by the gateway, by tier, endpoint, model, decision, sensitivity and HTTP status class.",
                 Type::Counter, {"tier", "endpoint", "model", "decision", "sensitivity", "status_class"}),
      m_errors("perimeter_request_errors_total", "Requests answered with an HTTP error status, by tier, endpoint, model, reason code and status class.",
               Type::Counter, {"tier", "endpoint", "model", "reason", "status_class"}),
      m_requestDuration("perimeter_request_duration_seconds", "Time from receiving a request to its last byte sent, by tier, endpoint and model.",
                        Type::Histogram, {"tier", "endpoint", "model"}, latencyBuckets()),
      m_ttft("perimeter_time_to_first_token_seconds", "Time from receiving a streamed request to its first token, by tier, endpoint and model.",
             Type::Histogram, {"tier", "endpoint", "model"}, latencyBuckets()),
      m_upstreamDuration("perimeter_upstream_duration_seconds", "Time spent waiting on the upstream model endpoint, by tier and endpoint.",
                         Type::Histogram, {"tier", "endpoint"}, latencyBuckets()),
      m_tokens("perimeter_tokens_total", "Tokens processed, by tier, endpoint, model and direction (in = prompt, out = completion).",
               Type::Counter, {"tier", "endpoint", "model", "direction"}),
      m_cost("perimeter_cost_total", "Attributed cost of requests in the given currency, by tier, endpoint, model and cost basis (list_price or blended_rate).",
             Type::Counter, {"tier", "endpoint", "model", "currency", "basis"}),
      m_counterfactual("perimeter_cost_counterfactual_total", "What the same tokens would have cost in the other tier, by the tier that served them.",
                       Type::Counter, {"tier", "endpoint", "model", "currency"}),
      m_inFlight("perimeter_requests_in_flight", "Requests received and not yet answered.", Type::Gauge, {}),
      m_stageDuration("perimeter_stage_duration_seconds", "Time spent in each gateway pipeline stage per request (classify is the data classifier).",
                      Type::Histogram, {"stage"}, stageBuckets()),
      m_endpointUp("perimeter_endpoint_up", "Whether the last health check of an upstream endpoint succeeded (1) or failed (0).",
                   Type::Gauge, {"endpoint", "tier"}),
      m_auditDropped("perimeter_audit_records_dropped_total", "Audit records refused because the audit queue was full.", Type::Counter, {}),
      m_auditWriteFailures("perimeter_audit_write_failures_total", "Audit records accepted but not stored by the audit writer.", Type::Counter, {}),
      m_alertFiring("perimeter_alert_firing", "Whether an alert rule is firing (1) or not (0).", Type::Gauge, {"rule"}),
      m_sinkRecords("perimeter_sink_records_total", "Audit metadata records handled by a remote sink, by sink and outcome (delivered, spooled, dropped_spool_full, dropped_queue_full).",
                    Type::Counter, {"sink", "outcome"}),
      m_sinkSpoolBytes("perimeter_sink_spool_bytes", "Bytes of undelivered batches in a remote sink's on-disk spool.", Type::Gauge, {"sink"})
{
}

void MetricsRegistry::recordRequest(const AuditRecord &r)
{
    const QStringView model = modelLabel(r);
    const QStringView status = statusClass(r.status);
    m_requests.add({r.tier, r.endpointId, model, r.decision, r.sensitivity, status}, 1);
    if (r.status >= 400 || r.status == 0 || r.decision == QLatin1String("failed"))
        m_errors.add({r.tier, r.endpointId, model, r.reason, status}, 1);
    m_requestDuration.observe({r.tier, r.endpointId, model}, double(r.latencyMs) / 1000.0);
    if (r.ttftMs >= 0)
        m_ttft.observe({r.tier, r.endpointId, model}, double(r.ttftMs) / 1000.0);
    if (r.upstreamMs >= 0)
        m_upstreamDuration.observe({r.tier, r.endpointId}, double(r.upstreamMs) / 1000.0);
    if (r.tokensIn > 0 || r.tokensOut > 0) {
        static const QString in = QStringLiteral("in");
        static const QString out = QStringLiteral("out");
        m_tokens.add({r.tier, r.endpointId, model, in}, double(r.tokensIn));
        m_tokens.add({r.tier, r.endpointId, model, out}, double(r.tokensOut));
    }
    if (!r.costBasis.isEmpty())
        m_cost.add({r.tier, r.endpointId, model, r.costCurrency, r.costBasis}, r.costAmount);
    if (r.costCounterfactual)
        m_counterfactual.add({r.tier, r.endpointId, model, r.costCurrency}, *r.costCounterfactual);
}

void MetricsRegistry::setInFlight(int requests)
{
    m_inFlight.set({}, double(requests));
}

void MetricsRegistry::recordStageNs(QStringView stage, qint64 ns)
{
    m_stageDuration.observe({stage}, double(ns) / 1e9);
}

void MetricsRegistry::setEndpointHealth(QStringView endpointId, QStringView tier, bool up)
{
    m_endpointUp.set({endpointId, tier}, up ? 1.0 : 0.0);
}

void MetricsRegistry::setAuditCounters(quint64 dropped, quint64 writeFailures)
{
    m_auditDropped.set({}, double(dropped));
    m_auditWriteFailures.set({}, double(writeFailures));
}

void MetricsRegistry::setAlertFiring(QStringView rule, bool firing)
{
    m_alertFiring.set({rule}, firing ? 1.0 : 0.0);
}

void MetricsRegistry::recordSinkRecords(QStringView sink, QStringView outcome, double records)
{
    m_sinkRecords.add({sink, outcome}, records);
}

void MetricsRegistry::setSinkSpoolBytes(QStringView sink, qint64 bytes)
{
    m_sinkSpoolBytes.set({sink}, double(bytes));
}

QByteArray MetricsRegistry::renderPrometheus() const
{
    QByteArray out;
    out.reserve(16384);
    for (const MetricFamily *f : {&m_requests, &m_errors, &m_requestDuration, &m_ttft, &m_upstreamDuration, &m_tokens,
                                  &m_cost, &m_counterfactual, &m_inFlight, &m_stageDuration, &m_endpointUp,
                                  &m_auditDropped, &m_auditWriteFailures, &m_alertFiring, &m_sinkRecords, &m_sinkSpoolBytes})
        f->render(out);
    return out;
}

} // namespace perimeter::observe
