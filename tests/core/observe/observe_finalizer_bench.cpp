// SPDX-License-Identifier: Apache-2.0
// What the record finalizer pays per request for sinks and alerts (not a CTest test):
// observe-finalizer-bench [records]
#include "observe/AlertEvaluator.h"
#include "observe/RemoteSink.h"
#include "observe/SinkRecordFormat.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>

using namespace perimeter::observe;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 200000;
    AuditRecord r;
    r.requestId = QStringLiteral("req_0123456789abcdef0123456789abcdef");
    r.ts = QDateTime::currentDateTimeUtc();
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = r.modelServed = QStringLiteral("llama-70b");
    r.tier = QStringLiteral("onprem");
    r.endpointId = QStringLiteral("gpu-1");
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("confidential");
    r.findingTypes = {{QStringLiteral("CREDIT_CARD"), 1}};
    r.status = 200;
    r.latencyMs = 120;

    QElapsedTimer t;
    t.start();
    qsizetype bytes = 0;
    for (int i = 0; i < n; ++i)
        bytes += SinkRecordFormat::toJsonLine(r, true).size();
    const double formatNs = double(t.nsecsElapsed()) / n;

    t.restart();
    for (int i = 0; i < n; ++i)
        bytes -= SinkRecordFormat::extract(r, true).requestId.size() - r.requestId.size(); // keep the call
    const double extractNs = double(t.nsecsElapsed()) / n;

    // The gateway thread's whole share per request and sink: before, the line was formatted
    // there (toJsonLine + append(line)); now it hands the fields over (extract + append).
    QTemporaryDir dir;
    auto makeSink = [&dir, n](const QString &id) {
        SinkSettings s;
        s.id = id;
        s.url = QUrl(QStringLiteral("http://127.0.0.1:1/ingest")); // nothing listens: the worker spools
        s.spoolDir = dir.filePath(id);
        s.queueCapacity = n + 1;
        s.batchSize = 1000000; // measure the hand-over alone, not spooling on the worker
        s.flushMs = 3600000;
        return std::move(RemoteSink::create(s, {}, nullptr)).value();
    };
    auto lineSink = makeSink(QStringLiteral("bench-line"));
    t.restart();
    for (int i = 0; i < n; ++i)
        lineSink->append(SinkRecordFormat::toJsonLine(r, true));
    const double formatOnGatewayNs = double(t.nsecsElapsed()) / n;
    // The first pass also pays for the heap growing by n queued records (page faults); a live
    // worker drains the queue, so the second pass, on memory the first one returned to the
    // allocator, is the steady state.
    auto recordSink = makeSink(QStringLiteral("bench-record-cold"));
    t.restart();
    for (int i = 0; i < n; ++i)
        recordSink->append(SinkRecordFormat::extract(r, true));
    const double handOverColdNs = double(t.nsecsElapsed()) / n;
    recordSink.reset();
    recordSink = makeSink(QStringLiteral("bench-record"));
    t.restart();
    for (int i = 0; i < n; ++i)
        recordSink->append(SinkRecordFormat::extract(r, true));
    const double handOverNs = double(t.nsecsElapsed()) / n;
    // What the worker then pays per record (off the gateway thread).
    QElapsedTimer drain;
    drain.start();
    lineSink.reset();
    const double drainLineNs = double(drain.nsecsElapsed()) / n;
    drain.restart();
    recordSink.reset();
    const double drainRecordNs = double(drain.nsecsElapsed()) / n;

    AlertSettings settings;
    for (const char *metric : {"error_rate", "latency_p95_ms", "availability", "spend", "residency_rejections"}) {
        AlertRule rule;
        rule.name = QString::fromLatin1(metric);
        rule.metricName = rule.name;
        rule.windowSeconds = 600;
        rule.threshold = 0.5;
        settings.rules.append(rule);
    }
    settings.rules[1].metric = AlertRule::Metric::LatencyPercentile;
    settings.rules[2].metric = AlertRule::Metric::Availability;
    settings.rules[3].metric = AlertRule::Metric::Spend;
    settings.rules[3].budget = 100;
    settings.rules[4].metric = AlertRule::Metric::ResidencyRejections;
    qint64 now = 1'780'000'000'000;
    AlertEvaluator evaluator(settings, nullptr, [&now]() { return now; });
    t.restart();
    for (int i = 0; i < n; ++i) {
        if (i % 1000 == 0)
            now += 1000; // spread over the window's buckets
        evaluator.record(r);
    }
    const double recordNs = double(t.nsecsElapsed()) / n;
    t.restart();
    for (int i = 0; i < 1000; ++i)
        evaluator.evaluate();
    const double evaluateUs = double(t.nsecsElapsed()) / 1000 / 1000;

    std::printf("records: %d (sink line %lld bytes)\n", n, static_cast<long long>(bytes / n));
    std::printf("SinkRecordFormat::toJsonLine: %.0f ns/record\n", formatNs);
    std::printf("SinkRecordFormat::extract:    %.0f ns/record\n", extractNs);
    std::printf("gateway thread, before (toJsonLine + append(line)): %.0f ns/record\n", formatOnGatewayNs);
    std::printf("gateway thread, after (extract + append(record)):   %.0f ns/record (first pass, heap growing: %.0f)\n", handOverNs,
                handOverColdNs);
    std::printf("worker shutdown spill, preformatted lines: %.0f ns/record; records formatted there: %.0f ns/record\n",
                drainLineNs, drainRecordNs);
    std::printf("AlertEvaluator::record (5 rules): %.0f ns/record\n", recordNs);
    std::printf("AlertEvaluator::evaluate (5 rules x 600 buckets): %.1f us\n", evaluateUs);
    return 0;
}
