// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include "MetricFamily.h"
#include <QByteArray>
#include <QStringView>

namespace perimeter::observe {

// The gateway's Prometheus metrics, one registry for both tiers (served as GET /metrics).
//
// Thread-safe; every update takes one family's mutex and, for a label set seen before,
// allocates nothing, so the gateway calls it inline on its event-loop thread. Durations are
// exported in seconds (Prometheus base units; promtool rejects "_ms" names); the audit record
// keeps milliseconds. Label values that do not apply (a request rejected before routing has
// no tier, endpoint or served model) are empty, which Prometheus treats as the label being
// absent; so every series that has a tier carries tier="onprem" or tier="cloud".
class MetricsRegistry {
public:
    MetricsRegistry();

    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // From the record finalizer, once per request, with the record given to the audit store.
    void recordRequest(const AuditRecord &record);
    void setInFlight(int requests);
    // One pipeline stage of one request (stage names as the pipeline reports them, e.g.
    // "authenticate", "classify", "policy", "route", "forward").
    void recordStageNs(QStringView stage, qint64 ns);
    // From the health checker: tier is "onprem" or "cloud".
    void setEndpointHealth(QStringView endpointId, QStringView tier, bool up);
    // Running totals from SqliteAuditStore::droppedCount() / writeFailureCount(); call on
    // scrape or on a timer.
    void setAuditCounters(quint64 dropped, quint64 writeFailures);
    // A fire/resolve state per alert rule, for the alert evaluator.
    void setAlertFiring(QStringView rule, bool firing);
    // Remote sinks (RemoteSink): records by outcome (delivered, spooled, dropped_spool_full,
    // dropped_queue_full) and the size of each sink's on-disk spool; thread-safe like the rest.
    void recordSinkRecords(QStringView sink, QStringView outcome, double records);
    void setSinkSpoolBytes(QStringView sink, qint64 bytes);

    // Text exposition format 0.0.4 (Content-Type: text/plain; version=0.0.4; charset=utf-8).
    QByteArray renderPrometheus() const;
    static QByteArray contentType() { return QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"); }

    // For tests and the console.
    const MetricFamily &requests() const { return m_requests; }
    const MetricFamily &requestDuration() const { return m_requestDuration; }
    const MetricFamily &stageDuration() const { return m_stageDuration; }
    const MetricFamily &tokens() const { return m_tokens; }
    const MetricFamily &cost() const { return m_cost; }

private:
    MetricFamily m_requests;
    MetricFamily m_errors;
    MetricFamily m_requestDuration;
    MetricFamily m_ttft;
    MetricFamily m_upstreamDuration;
    MetricFamily m_tokens;
    MetricFamily m_cost;
    MetricFamily m_counterfactual;
    MetricFamily m_inFlight;
    MetricFamily m_stageDuration;
    MetricFamily m_endpointUp;
    MetricFamily m_auditDropped;
    MetricFamily m_auditWriteFailures;
    MetricFamily m_alertFiring;
    MetricFamily m_sinkRecords;
    MetricFamily m_sinkSpoolBytes;
};

} // namespace perimeter::observe
