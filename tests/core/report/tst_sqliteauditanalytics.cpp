// SPDX-License-Identifier: Apache-2.0
#include "observe/SqliteAuditStore.h"
#include "report/LatencyHistogram.h"
#include "report/SqliteAuditAnalytics.h"

#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::report;

namespace {

const QDateTime kT0(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

observe::AuditRecord rec(const QString &id, qint64 minute, const QString &tier, const QString &decision, const QString &team,
                         const QString &level, qint64 latency, double cost, const QString &reason = QString())
{
    observe::AuditRecord r;
    r.requestId = id;
    r.ts = kT0.addSecs(minute * 60);
    r.caller = team + QStringLiteral("-app");
    r.team = team;
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = tier == QLatin1String("cloud") ? QStringLiteral("gpt-4o") : QStringLiteral("llama-70b");
    r.modelServed = tier.isEmpty() ? QString() : r.modelRequested;
    r.tier = tier;
    r.endpointId = tier == QLatin1String("cloud") ? QStringLiteral("openai") : tier.isEmpty() ? QString() : QStringLiteral("gpu-1");
    r.decision = decision;
    r.reason = reason.isEmpty() ? (decision == QLatin1String("routed") ? QStringLiteral("ok") : QStringLiteral("residency_violation")) : reason;
    r.sensitivity = level;
    r.status = decision == QLatin1String("routed") ? 200 : 403;
    r.tokensIn = decision == QLatin1String("routed") ? 100 : 0;
    r.tokensOut = decision == QLatin1String("routed") ? 10 : 0;
    r.latencyMs = latency;
    r.costAmount = cost;
    if (cost > 0)
        r.costCounterfactual = cost * 2;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(perimeter::report::AuditFilter)

class tst_SqliteAuditAnalytics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void histogramBins_data();
    void histogramBins();
    void histogramPercentiles();
    void totals();
    void seriesIsDenseAndBucketed();
    void seriesPercentiles();
    void seriesNeedsAPeriod_data();
    void seriesNeedsAPeriod();
    void breakdown_data();
    void breakdown();
    void filters_data();
    void filters();
    void topRejections();
    void forEachRecordStreamsInOrderAndStops();
    void openRefusesWhatIsNotATrail();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<observe::SqliteAuditStore> m_store;
    std::unique_ptr<SqliteAuditAnalytics> m_analytics;
};

void tst_SqliteAuditAnalytics::initTestCase()
{
    auto store = observe::SqliteAuditStore::open(m_dir.path(), 256);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    // Minute 0..9: 10 on-prem answers with latencies 10..100 ms, 5 cloud answers 200..600 ms,
    // 2 residency rejections, 1 rate limit, 1 failure.
    for (int i = 0; i < 10; ++i)
        QVERIFY(m_store->append(rec(QStringLiteral("on%1").arg(i), i, QStringLiteral("onprem"), QStringLiteral("routed"),
                                    QStringLiteral("risk"), QStringLiteral("confidential"), 10 * (i + 1), 0.001)));
    for (int i = 0; i < 5; ++i)
        QVERIFY(m_store->append(rec(QStringLiteral("cl%1").arg(i), 60 + i, QStringLiteral("cloud"), QStringLiteral("routed"),
                                    QStringLiteral("ops"), QStringLiteral("public"), 200 + 100 * i, 0.01)));
    QVERIFY(m_store->append(rec(QStringLiteral("rj0"), 5, QString(), QStringLiteral("rejected"), QStringLiteral("risk"), QStringLiteral("restricted"), 1, 0)));
    QVERIFY(m_store->append(rec(QStringLiteral("rj1"), 61, QString(), QStringLiteral("rejected"), QStringLiteral("ops"), QStringLiteral("restricted"), 1, 0)));
    QVERIFY(m_store->append(rec(QStringLiteral("rl0"), 62, QString(), QStringLiteral("rejected"), QStringLiteral("ops"), QStringLiteral("public"), 1, 0,
                                QStringLiteral("rate_limited"))));
    QVERIFY(m_store->append(rec(QStringLiteral("fl0"), 63, QStringLiteral("cloud"), QStringLiteral("failed"), QStringLiteral("ops"),
                                QStringLiteral("internal"), 30000, 0, QStringLiteral("upstream_timeout"))));
    QVERIFY(m_store->flush().ok());
    auto analytics = SqliteAuditAnalytics::open(m_store->databasePath());
    QVERIFY2(analytics.ok(), analytics.ok() ? "" : qPrintable(analytics.error().message));
    m_analytics = std::move(analytics).value();
}

void tst_SqliteAuditAnalytics::histogramBins_data()
{
    QTest::addColumn<qint64>("latency");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("linear") << qint64(127);
    QTest::newRow("first log bin") << qint64(128);
    QTest::newRow("seconds") << qint64(1234);
    QTest::newRow("minutes") << qint64(600000);
    QTest::newRow("days") << ((qint64(1) << 30) + 12345);
}

void tst_SqliteAuditAnalytics::histogramBins()
{
    QFETCH(qint64, latency);
    const int bin = LatencyHistogram::binOf(latency);
    QVERIFY(bin >= 0 && bin < LatencyHistogram::kBins);
    QVERIFY(LatencyHistogram::binLow(bin) <= double(latency));
    QVERIFY(double(latency) < LatencyHistogram::binHigh(bin));
    // Bounded relative width: the promise behind "within 0.6 %" (1.6 % at the first log bins).
    if (latency >= LatencyHistogram::kLinear)
        QVERIFY(LatencyHistogram::binHigh(bin) / LatencyHistogram::binLow(bin) < 1.016);
}

void tst_SqliteAuditAnalytics::histogramPercentiles()
{
    LatencyHistogram h;
    QCOMPARE(h.quantile(0.5), -1.0);
    for (int v = 1; v <= 1000; ++v)
        h.add(v);
    QCOMPARE(h.count(), qint64(1000));
    QVERIFY(qAbs(h.quantile(0.50) - 500) <= 500 * 0.01);
    QVERIFY(qAbs(h.quantile(0.95) - 950) <= 950 * 0.01);
    QVERIFY(qAbs(h.quantile(0.99) - 990) <= 990 * 0.01);
    QCOMPARE(h.quantile(0.05), 50.0); // exact below 128 ms
    // Beyond the last octave (~25 days) values share the last bin instead of overflowing.
    QCOMPARE(LatencyHistogram::binOf(qint64(1) << 40), LatencyHistogram::kBins - 1);
    QCOMPARE(LatencyHistogram::binOf(-5), 0);
}

void tst_SqliteAuditAnalytics::totals()
{
    auto t = m_analytics->totals({});
    QVERIFY(t.ok());
    const AuditStats &s = t.value();
    QCOMPARE(s.requests, qint64(19));
    QCOMPARE(s.routed, qint64(15));
    QCOMPARE(s.rejected, qint64(3));
    QCOMPARE(s.failed, qint64(1));
    QCOMPARE(s.errors(), qint64(4));
    QCOMPARE(s.onpremRequests, qint64(10));
    QCOMPARE(s.cloudRequests, qint64(6));
    QCOMPARE(s.tokensIn, qint64(1500));
    QCOMPARE(s.tokensOut, qint64(150));
    QVERIFY(qFuzzyCompare(s.cost.value(QStringLiteral("USD")), 0.06));
    QCOMPARE(s.counterfactualRequests, qint64(15));
    QVERIFY(qFuzzyCompare(s.counterfactual.value(QStringLiteral("USD")), 0.12));
    QCOMPARE(m_analytics->count({}).value(), qint64(19));
}

void tst_SqliteAuditAnalytics::seriesIsDenseAndBucketed()
{
    AuditFilter f;
    f.from = kT0;
    f.to = kT0.addSecs(2 * 3600);
    auto s = m_analytics->series(f, 3600 * 1000);
    QVERIFY(s.ok());
    const TimeSeries &ts = s.value();
    QCOMPARE(ts.bucketCount(), 2);
    QCOMPARE(ts.points.size(), 6);
    QCOMPARE(ts.tiers, (QStringList{QStringLiteral("onprem"), QStringLiteral("cloud"), QString()}));
    QCOMPARE(ts.at(0, 0).bucketStart, kT0);
    QCOMPARE(ts.at(0, 0).stats.requests, qint64(10));
    QCOMPARE(ts.at(0, 1).stats.requests, qint64(0));
    QCOMPARE(ts.at(0, 2).stats.requests, qint64(1));   // rj0
    QCOMPARE(ts.at(0, 2).stats.rejected, qint64(1));
    QCOMPARE(ts.at(1, 0).bucketStart, kT0.addSecs(3600));
    QCOMPARE(ts.at(1, 1).stats.requests, qint64(6));   // 5 answers + 1 failure
    QCOMPARE(ts.at(1, 1).stats.errors(), qint64(1));
    QCOMPARE(ts.at(1, 2).stats.requests, qint64(2));
    QVERIFY(qFuzzyCompare(ts.at(1, 1).stats.cost.value(QStringLiteral("USD")), 0.05));
}

void tst_SqliteAuditAnalytics::seriesPercentiles()
{
    AuditFilter f;
    f.from = kT0;
    f.to = kT0.addSecs(2 * 3600);
    auto s = m_analytics->series(f, 2 * 3600 * 1000);
    QVERIFY(s.ok());
    const AuditStats &onprem = s.value().at(0, 0).stats;
    // Nearest rank over 10..100: p50 = 50, p95 = p99 = 100 (exact: all below 128 ms).
    QCOMPARE(onprem.latencyP50, 50.0);
    QCOMPARE(onprem.latencyP95, 100.0);
    QCOMPARE(onprem.latencyP99, 100.0);
    const AuditStats &cloud = s.value().at(0, 1).stats;
    // 200..600; the 30 s failure is not an answer and does not count.
    QVERIFY(qAbs(cloud.latencyP50 - 400) <= 4);
    QVERIFY(qAbs(cloud.latencyP99 - 600) <= 6);
    QCOMPARE(s.value().at(0, 2).stats.latencyP50, -1.0);
}

void tst_SqliteAuditAnalytics::seriesNeedsAPeriod_data()
{
    QTest::addColumn<bool>("withFrom");
    QTest::addColumn<qint64>("bucketMs");
    QTest::addColumn<QString>("message");
    QTest::newRow("no start") << false << qint64(60000) << "needs a period";
    QTest::newRow("zero bucket") << true << qint64(0) << "must be positive";
    QTest::newRow("too many buckets") << true << qint64(1) << "at most 10000";
}

void tst_SqliteAuditAnalytics::seriesNeedsAPeriod()
{
    QFETCH(bool, withFrom);
    QFETCH(qint64, bucketMs);
    QFETCH(QString, message);
    AuditFilter f;
    if (withFrom)
        f.from = kT0;
    f.to = kT0.addSecs(3600);
    auto s = m_analytics->series(f, bucketMs);
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
}

void tst_SqliteAuditAnalytics::breakdown_data()
{
    QTest::addColumn<QString>("dimension");
    QTest::addColumn<QString>("key");
    QTest::addColumn<qint64>("requests");
    QTest::addColumn<qint64>("errors");
    QTest::newRow("tier onprem") << "tier" << "onprem" << qint64(10) << qint64(0);
    QTest::newRow("tier none") << "tier" << "" << qint64(3) << qint64(3);
    QTest::newRow("model") << "model" << "gpt-4o" << qint64(6) << qint64(1);
    QTest::newRow("team") << "team" << "ops" << qint64(8) << qint64(3);
    QTest::newRow("caller") << "caller" << "risk-app" << qint64(11) << qint64(1);
    QTest::newRow("sensitivity") << "sensitivity" << "restricted" << qint64(2) << qint64(2);
    QTest::newRow("decision") << "decision" << "rejected" << qint64(3) << qint64(3);
    QTest::newRow("endpoint") << "endpoint" << "openai" << qint64(6) << qint64(1);
    QTest::newRow("endpoint path") << "endpoint_path" << "/v1/chat/completions" << qint64(19) << qint64(4);
    QTest::newRow("reason") << "reason" << "residency_violation" << qint64(2) << qint64(2);
}

void tst_SqliteAuditAnalytics::breakdown()
{
    QFETCH(QString, dimension);
    QFETCH(QString, key);
    QFETCH(qint64, requests);
    QFETCH(qint64, errors);
    const auto d = dimensionFromName(dimension);
    QVERIFY(d);
    QCOMPARE(dimensionName(*d), dimension);
    auto rows = m_analytics->breakdown({}, *d);
    QVERIFY(rows.ok());
    qint64 sum = 0;
    const BreakdownRow *found = nullptr;
    for (const BreakdownRow &row : rows.value()) {
        sum += row.stats.requests;
        if (row.key == key)
            found = &row;
    }
    QCOMPARE(sum, qint64(19));
    QVERIFY2(found, qPrintable(key));
    QCOMPARE(found->stats.requests, requests);
    QCOMPARE(found->stats.errors(), errors);
    for (qsizetype i = 1; i < rows.value().size(); ++i)
        QVERIFY(rows.value().at(i - 1).stats.requests >= rows.value().at(i).stats.requests);
}

void tst_SqliteAuditAnalytics::filters_data()
{
    QTest::addColumn<AuditFilter>("filter");
    QTest::addColumn<qint64>("count");
    AuditFilter f;
    QTest::newRow("none") << f << qint64(19);
    f.from = kT0.addSecs(3600);
    QTest::newRow("from") << f << qint64(8);
    f = {};
    f.to = kT0.addSecs(5 * 60);
    QTest::newRow("to (exclusive)") << f << qint64(5);
    f = {};
    f.tiers = {QStringLiteral("cloud"), QString()};
    QTest::newRow("tier cloud or none") << f << qint64(9);
    f = {};
    f.teams = {QStringLiteral("ops")};
    f.sensitivities = {QStringLiteral("public")};
    QTest::newRow("team and level") << f << qint64(6);
    f = {};
    f.models = {QStringLiteral("gpt-4o")};
    QTest::newRow("model served else requested") << f << qint64(6);
    f = {};
    f.callers = {QStringLiteral("risk-app")};
    f.decisions = {QStringLiteral("rejected")};
    QTest::newRow("caller and decision") << f << qint64(1);
    f = {};
    f.endpoints = {QStringLiteral("gpu-1")};
    f.reasons = {QStringLiteral("ok")};
    QTest::newRow("endpoint and reason") << f << qint64(10);
    f = {};
    f.teams = {QStringLiteral("nobody")};
    QTest::newRow("no match") << f << qint64(0);
}

void tst_SqliteAuditAnalytics::filters()
{
    QFETCH(AuditFilter, filter);
    QFETCH(qint64, count);
    QCOMPARE(m_analytics->count(filter).value(), count);
    QCOMPARE(m_analytics->totals(filter).value().requests, count);
    qint64 streamed = 0;
    QVERIFY(m_analytics->forEachRecord(filter, [&streamed](const observe::AuditRecord &) { ++streamed; return true; }).ok());
    QCOMPARE(streamed, count);
}

void tst_SqliteAuditAnalytics::topRejections()
{
    auto rows = m_analytics->topRejections({}, 10);
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), 2);
    QCOMPARE(rows.value().at(0).reason, QStringLiteral("residency_violation"));
    QCOMPARE(rows.value().at(0).count, qint64(2));
    QCOMPARE(rows.value().at(1).reason, QStringLiteral("rate_limited"));
    QCOMPARE(m_analytics->topRejections({}, 1).value().size(), 1);
    AuditFilter risk;
    risk.teams = {QStringLiteral("risk")};
    QCOMPARE(m_analytics->topRejections(risk, -1).value().size(), 1);
}

void tst_SqliteAuditAnalytics::forEachRecordStreamsInOrderAndStops()
{
    QStringList ids;
    QVERIFY(m_analytics->forEachRecord({}, [&ids](const observe::AuditRecord &r) {
        ids << r.requestId;
        if (ids.size() == 1) {
            // Everything the trail holds comes back, chain hashes included.
            if (r.hash.size() != 64 || r.prevHash.size() != 64 || r.tokensIn != 100 || r.upstreamMs != -1)
                ids << QStringLiteral("BAD");
        }
        return ids.size() < 7;
    }).ok());
    QCOMPARE(ids, (QStringList{QStringLiteral("on0"), QStringLiteral("on1"), QStringLiteral("on2"), QStringLiteral("on3"),
                               QStringLiteral("on4"), QStringLiteral("on5"), QStringLiteral("rj0")}));
}

void tst_SqliteAuditAnalytics::openRefusesWhatIsNotATrail()
{
    QVERIFY(!SqliteAuditAnalytics::open(m_dir.filePath(QStringLiteral("missing.db"))).ok());
    QFile junk(m_dir.filePath(QStringLiteral("junk.db")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a database at all, just text that SQLite will refuse");
    junk.close();
    auto opened = SqliteAuditAnalytics::open(junk.fileName());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().code, QStringLiteral("audit_store_error"));
}

QTEST_GUILESS_MAIN(tst_SqliteAuditAnalytics)
#include "tst_sqliteauditanalytics.moc"
