// SPDX-License-Identifier: Apache-2.0
#include "observe/MetricsRegistry.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <thread>

using namespace perimeter::observe;

namespace {

AuditRecord routed(const QString &tier, const QString &endpoint, const QString &model)
{
    AuditRecord r;
    r.requestId = QStringLiteral("req");
    r.tier = tier;
    r.endpointId = endpoint;
    r.modelRequested = model;
    r.modelServed = model;
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("internal");
    r.status = 200;
    r.tokensIn = 100;
    r.tokensOut = 40;
    r.latencyMs = 120;
    r.upstreamMs = 100;
    r.ttftMs = 30;
    r.streamed = true;
    r.costAmount = 0.5;
    r.costBasis = tier == QLatin1String("cloud") ? QStringLiteral("list_price") : QStringLiteral("blended_rate");
    r.costCounterfactual = 0.75;
    return r;
}

AuditRecord rejected()
{
    AuditRecord r;
    r.requestId = QStringLiteral("rej");
    r.modelRequested = QStringLiteral("gpt-4o");
    r.decision = QStringLiteral("rejected");
    r.reason = QStringLiteral("residency_violation");
    r.sensitivity = QStringLiteral("restricted");
    r.status = 403;
    r.latencyMs = 2;
    return r;
}

QStringList lines(const QByteArray &text)
{
    return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void fill(MetricsRegistry &m)
{
    m.recordRequest(routed(QStringLiteral("onprem"), QStringLiteral("gpu-1"), QStringLiteral("llama-70b")));
    m.recordRequest(routed(QStringLiteral("onprem"), QStringLiteral("gpu-1"), QStringLiteral("llama-70b")));
    m.recordRequest(routed(QStringLiteral("cloud"), QStringLiteral("openai"), QStringLiteral("gpt-4o")));
    m.recordRequest(rejected());
    AuditRecord failed = routed(QStringLiteral("cloud"), QStringLiteral("openai"), QStringLiteral("gpt-4o"));
    failed.decision = QStringLiteral("failed");
    failed.reason = QStringLiteral("upstream_timeout");
    failed.status = 504;
    failed.ttftMs = -1;
    failed.costBasis.clear();
    failed.costCounterfactual.reset();
    m.recordRequest(failed);
    m.setInFlight(3);
    m.recordStageNs(u"classify", 250000);
    m.recordStageNs(u"policy", 4000);
    m.setEndpointHealth(u"gpu-1", u"onprem", true);
    m.setEndpointHealth(u"openai", u"cloud", false);
    m.setAuditCounters(2, 1);
    m.setAlertFiring(u"error_rate", true);
}

} // namespace

class tst_MetricsRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void countersAndLabels();
    void histogramsAreCumulativeInSeconds();
    void gaugesAndAuditCounters();
    void rejectedRequestHasNoTierLabel();
    void unknownModelsDoNotMintSeries_data();
    void unknownModelsDoNotMintSeries();
    void labelValuesAreEscaped();
    void helpIsEscaped();
    void seriesLimitOverflows();
    void formatValue_data();
    void formatValue();
    void concurrentUpdatesAreCounted();
    void promtoolAcceptsTheOutput();
};

void tst_MetricsRegistry::countersAndLabels()
{
    MetricsRegistry m;
    fill(m);
    const QStringList out = lines(m.renderPrometheus());
    QVERIFY(out.contains(QStringLiteral("# TYPE perimeter_requests_total counter")));
    QVERIFY(out.contains(QStringLiteral(
        "perimeter_requests_total{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\",decision=\"routed\",sensitivity=\"internal\",status_class=\"2xx\"} 2")));
    QVERIFY(out.contains(QStringLiteral(
        "perimeter_request_errors_total{tier=\"cloud\",endpoint=\"openai\",model=\"gpt-4o\",reason=\"upstream_timeout\",status_class=\"5xx\"} 1")));
    QVERIFY(out.contains(QStringLiteral("perimeter_tokens_total{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\",direction=\"in\"} 200")));
    QVERIFY(out.contains(QStringLiteral("perimeter_tokens_total{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\",direction=\"out\"} 80")));
    QVERIFY(out.contains(QStringLiteral(
        "perimeter_cost_total{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\",currency=\"USD\",basis=\"blended_rate\"} 1")));
    QVERIFY(out.contains(QStringLiteral(
        "perimeter_cost_counterfactual_total{tier=\"cloud\",endpoint=\"openai\",model=\"gpt-4o\",currency=\"USD\"} 0.75")));
    QCOMPARE(m.requests().value({u"onprem", u"gpu-1", u"llama-70b", u"routed", u"internal", u"2xx"}), 2.0);
}

void tst_MetricsRegistry::histogramsAreCumulativeInSeconds()
{
    MetricsRegistry m;
    fill(m);
    const QStringList out = lines(m.renderPrometheus());
    const QString prefix = QStringLiteral("perimeter_request_duration_seconds_bucket{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\",le=");
    // 120 ms twice: not in the 0.1 s bucket, in the 0.25 s bucket and every one above.
    QVERIFY(out.contains(prefix + QStringLiteral("\"0.1\"} 0")));
    QVERIFY(out.contains(prefix + QStringLiteral("\"0.25\"} 2")));
    QVERIFY(out.contains(prefix + QStringLiteral("\"+Inf\"} 2")));
    QVERIFY(out.contains(QStringLiteral("perimeter_request_duration_seconds_sum{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\"} 0.24")));
    QVERIFY(out.contains(QStringLiteral("perimeter_request_duration_seconds_count{tier=\"onprem\",endpoint=\"gpu-1\",model=\"llama-70b\"} 2")));
    // The failed request had no first token: only the two on-prem and one cloud stream count.
    QVERIFY(out.contains(QStringLiteral("perimeter_time_to_first_token_seconds_count{tier=\"cloud\",endpoint=\"openai\",model=\"gpt-4o\"} 1")));
    QVERIFY(out.contains(QStringLiteral("perimeter_stage_duration_seconds_bucket{stage=\"classify\",le=\"0.00025\"} 1")));
    QVERIFY(out.contains(QStringLiteral("perimeter_stage_duration_seconds_bucket{stage=\"classify\",le=\"0.0001\"} 0")));
    QVERIFY(out.contains(QStringLiteral("perimeter_upstream_duration_seconds_count{tier=\"cloud\",endpoint=\"openai\"} 2")));
}

void tst_MetricsRegistry::gaugesAndAuditCounters()
{
    MetricsRegistry m;
    // Unlabelled families exist before their first update, so dashboards see 0, not "no data".
    QVERIFY(lines(m.renderPrometheus()).contains(QStringLiteral("perimeter_requests_in_flight 0")));
    fill(m);
    const QStringList out = lines(m.renderPrometheus());
    QVERIFY(out.contains(QStringLiteral("perimeter_requests_in_flight 3")));
    QVERIFY(out.contains(QStringLiteral("perimeter_endpoint_up{endpoint=\"gpu-1\",tier=\"onprem\"} 1")));
    QVERIFY(out.contains(QStringLiteral("perimeter_endpoint_up{endpoint=\"openai\",tier=\"cloud\"} 0")));
    QVERIFY(out.contains(QStringLiteral("perimeter_audit_records_dropped_total 2")));
    QVERIFY(out.contains(QStringLiteral("perimeter_audit_write_failures_total 1")));
    QVERIFY(out.contains(QStringLiteral("perimeter_alert_firing{rule=\"error_rate\"} 1")));
    m.setInFlight(0);
    QVERIFY(lines(m.renderPrometheus()).contains(QStringLiteral("perimeter_requests_in_flight 0")));
}

void tst_MetricsRegistry::rejectedRequestHasNoTierLabel()
{
    MetricsRegistry m;
    m.recordRequest(rejected());
    const QStringList out = lines(m.renderPrometheus());
    QVERIFY(out.contains(QStringLiteral(
        "perimeter_requests_total{tier=\"\",endpoint=\"\",model=\"gpt-4o\",decision=\"rejected\",sensitivity=\"restricted\",status_class=\"4xx\"} 1")));
    for (const QString &line : out) {
        if (line.contains(QLatin1String("tier=\"")))
            QVERIFY2(line.contains(QLatin1String("tier=\"\"")) || line.contains(QLatin1String("tier=\"onprem\""))
                         || line.contains(QLatin1String("tier=\"cloud\"")),
                     qPrintable(line));
    }
}

void tst_MetricsRegistry::unknownModelsDoNotMintSeries_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("model not found") << 404;
    QTest::newRow("invalid request") << 400;
    QTest::newRow("too large") << 413;
}

void tst_MetricsRegistry::unknownModelsDoNotMintSeries()
{
    QFETCH(int, status);
    MetricsRegistry m;
    for (int i = 0; i < 50; ++i) {
        AuditRecord r = rejected();
        r.status = status;
        r.modelRequested = QStringLiteral("made-up-%1").arg(i);
        m.recordRequest(r);
    }
    QCOMPARE(m.requests().seriesCount(), 1);
    QVERIFY(!m.renderPrometheus().contains("made-up"));
}

void tst_MetricsRegistry::labelValuesAreEscaped()
{
    MetricsRegistry m;
    m.setEndpointHealth(QStringLiteral("a\"b\\c\nd"), u"onprem", true);
    const QByteArray out = m.renderPrometheus();
    QVERIFY(out.contains("perimeter_endpoint_up{endpoint=\"a\\\"b\\\\c\\nd\",tier=\"onprem\"} 1\n"));
    QCOMPARE(MetricFamily::escapeLabelValue(u"plain"), QByteArray("plain"));
    QCOMPARE(MetricFamily::escapeLabelValue(QStringLiteral("\u00e9")), QByteArray("\xc3\xa9"));
}

void tst_MetricsRegistry::helpIsEscaped()
{
    MetricFamily f("x_total", "line one\nback\\slash \"quoted\"", MetricFamily::Type::Counter, {});
    QByteArray out;
    f.render(out);
    QVERIFY(out.startsWith("# HELP x_total line one\\nback\\\\slash \"quoted\"\n# TYPE x_total counter\nx_total 0\n"));
}

void tst_MetricsRegistry::seriesLimitOverflows()
{
    MetricFamily f("limited_total", "A limited family.", MetricFamily::Type::Counter, {"key"}, {}, 3);
    for (int i = 0; i < 10; ++i)
        f.add({QString::number(i)}, 1);
    QCOMPARE(f.seriesCount(), 3);
    QCOMPARE(f.value({u"overflow"}), 7.0);
    QCOMPARE(f.value({u"0"}), 1.0);
    f.add({u"1"}, 1);
    QCOMPARE(f.value({u"1"}), 2.0);
}

void tst_MetricsRegistry::formatValue_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("negative zero") << -0.0 << QByteArray("0");
    QTest::newRow("integer") << 42.0 << QByteArray("42");
    QTest::newRow("fraction") << 0.1 << QByteArray("0.1");
    QTest::newRow("large count") << 12345678901.0 << QByteArray("12345678901");
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
}

void tst_MetricsRegistry::formatValue()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(MetricFamily::formatValue(value), text);
}

void tst_MetricsRegistry::concurrentUpdatesAreCounted()
{
    MetricsRegistry m;
    const int perThread = 20000;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&m, t] {
            const AuditRecord r = routed(t % 2 ? QStringLiteral("cloud") : QStringLiteral("onprem"), QStringLiteral("e"),
                                         QStringLiteral("m"));
            for (int i = 0; i < perThread; ++i) {
                m.recordRequest(r);
                m.recordStageNs(u"classify", 1000);
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(m.requests().value({u"onprem", u"e", u"m", u"routed", u"internal", u"2xx"}), double(2 * perThread));
    QCOMPARE(m.requests().value({u"cloud", u"e", u"m", u"routed", u"internal", u"2xx"}), double(2 * perThread));
    QCOMPARE(m.stageDuration().value({u"classify"}), double(4 * perThread));
}

void tst_MetricsRegistry::promtoolAcceptsTheOutput()
{
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (promtool.isEmpty())
        QSKIP("promtool is not installed (Debian package 'prometheus')");
    MetricsRegistry m;
    fill(m);
    m.setEndpointHealth(QStringLiteral("odd \"id\"\\x\n"), u"cloud", true);
    QProcess process;
    process.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(process.waitForStarted(10000));
    process.write(m.renderPrometheus());
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, output.constData());
    // Lint findings are printed even when the exit code is 0 in some promtool versions.
    QVERIFY2(output.trimmed().isEmpty(), output.constData());
}

QTEST_GUILESS_MAIN(tst_MetricsRegistry)
#include "tst_metricsregistry.moc"
