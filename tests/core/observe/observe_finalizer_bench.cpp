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

    QTemporaryDir dir;
    SinkSettings s;
    s.id = QStringLiteral("bench");
    s.url = QUrl(QStringLiteral("http://127.0.0.1:1/ingest")); // nothing listens: the worker spools
    s.spoolDir = dir.filePath(QStringLiteral("spool"));
    s.queueCapacity = n + 1;
    s.batchSize = 1000000; // measure append alone, not spooling on the worker
    s.flushMs = 3600000;
    auto sink = RemoteSink::create(s, {}, nullptr);
    const QByteArray line = SinkRecordFormat::toJsonLine(r, true);
    t.restart();
    for (int i = 0; i < n; ++i)
        sink.value()->append(line);
    const double appendNs = double(t.nsecsElapsed()) / n;

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
    std::printf("RemoteSink::append:           %.0f ns/record\n", appendNs);
    std::printf("AlertEvaluator::record (5 rules): %.0f ns/record\n", recordNs);
    std::printf("AlertEvaluator::evaluate (5 rules x 600 buckets): %.1f us\n", evaluateUs);
    return 0;
}
