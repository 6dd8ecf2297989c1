// SPDX-License-Identifier: Apache-2.0
#include "observe/CostBasisReport.h"
#include "observe/CostModel.h"
#include "observe/MeasuredVolume.h"
#include "observe/SqliteAuditStore.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter::observe;
using nlohmann::json;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 6, 30), QTime(12, 0), Qt::UTC);

// 13 000 a month (see tst_costmodel): 10 per 1M at the configured 1.3e9 tokens a month.
json clusterRate()
{
    return json{{"hardware_cost", 360000}, {"amortization_months", 36}, {"power_watts", 5000},
                {"price_per_kwh", 0.20}, {"operations_per_month", 2269.5}, {"tokens_per_month", 1.3e9}};
}

CostModel modelWith(json measured, QStringList *problemsOut = nullptr)
{
    json costs{{"builtin_prices", false},
               {"prices", json::array({json{{"model", "gpt-4o"}, {"input_per_1m", 2.5}, {"output_per_1m", 10}}})},
               {"onprem", json{{"default", clusterRate()},
                               {"endpoints", json{{"gpu-9", clusterRate()}, {"gpu-d", json{{"rate_per_1m", 4.0}}}}},
                               {"measured_volume", measured}}}};
    QStringList problems;
    CostModel model = CostModel::fromJson(costs, QStringLiteral("/costs"), problems);
    if (problemsOut)
        *problemsOut = problems;
    else if (!problems.isEmpty())
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
    return model;
}

bool near(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

AuditRecord record(const QString &id, const QDateTime &ts, const QString &tier, const QString &endpoint, qint64 in, qint64 out)
{
    AuditRecord r;
    r.requestId = id;
    r.ts = ts;
    r.tier = tier;
    r.endpointId = endpoint;
    r.decision = tier.isEmpty() ? QStringLiteral("rejected") : QStringLiteral("routed");
    r.status = 200;
    r.tokensIn = in;
    r.tokensOut = out;
    return r;
}

} // namespace

class tst_MeasuredVolume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rateUsesTheMeasuredVolume_data();
    void rateUsesTheMeasuredVolume();
    void computeFromTheTrail_data();
    void computeFromTheTrail();
    void emptyTrailIsInsufficient();
    void settingsAreValidated_data();
    void settingsAreValidated();
    void workerPublishesAVolume();
    void basisSaysWhichVolume_data();
    void basisSaysWhichVolume();
};

void tst_MeasuredVolume::rateUsesTheMeasuredVolume_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<bool>("sufficient");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<double>("expectedPer1M");
    QTest::addColumn<QString>("expectedSource");
    // Total 2.6e9 a month: 13 000 / 2.6e9 × 1e6 = 5; gpu-9 alone 0.65e9: 20.
    QTest::newRow("default rate, cluster volume") << true << true << "gpu-1" << 5.0 << "audit";
    QTest::newRow("endpoint rate, its own volume") << true << true << "gpu-9" << 20.0 << "audit";
    QTest::newRow("direct rate stays") << true << true << "gpu-d" << 4.0 << "direct";
    QTest::newRow("not enough data: configured") << true << false << "gpu-1" << 10.0 << "measured";
    QTest::newRow("option off: configured") << false << true << "gpu-1" << 10.0 << "measured";
}

void tst_MeasuredVolume::rateUsesTheMeasuredVolume()
{
    QFETCH(bool, enabled);
    QFETCH(bool, sufficient);
    QFETCH(QString, endpoint);
    QFETCH(double, expectedPer1M);
    QFETCH(QString, expectedSource);
    const CostModel model = modelWith(json{{"enabled", enabled}});
    MeasuredVolume v;
    v.sufficient = sufficient;
    v.tokensPerMonthByEndpoint = {{QString(), 2.6e9}, {QStringLiteral("gpu-9"), 0.65e9}, {QStringLiteral("gpu-d"), 1e9}};
    const auto rate = model.effectiveRate(endpoint, &v);
    QVERIFY(rate);
    QVERIFY2(near(rate->per1M, expectedPer1M), qPrintable(QString::number(rate->per1M)));
    QCOMPARE(rate->utilizationSource, expectedSource);
    // 1 000 000 on-prem tokens at that rate; a cloud request's counterfactual uses the default.
    const CostResult onprem = model.cost(QStringLiteral("llama"), QStringLiteral("onprem"), endpoint, 600000, 400000, &v);
    QVERIFY(near(onprem.amount, expectedPer1M));
    const CostResult cloud = model.cost(QStringLiteral("gpt-4o"), QStringLiteral("cloud"), QStringLiteral("openai"), 600000, 400000, &v);
    QVERIFY(near(*cloud.counterfactual, enabled && sufficient ? 5.0 : 10.0));
    // Without a measurement the configured figure applies.
    QVERIFY(near(model.cost(QStringLiteral("llama"), QStringLiteral("onprem"), QStringLiteral("gpu-1"), 1000000, 0).amount, 10.0));
}

void tst_MeasuredVolume::computeFromTheTrail_data()
{
    QTest::addColumn<int>("oldestDaysAgo");
    QTest::addColumn<double>("expectedCoveredDays");
    QTest::addColumn<bool>("expectedSufficient");
    // 1 000 000 on-prem tokens in the window (gpu-1 600 000, gpu-2 400 000); cloud ignored.
    QTest::newRow("10 days of data") << 10 << 10.0 << true;
    QTest::newRow("3 days: not enough") << 3 << 3.0 << false;
    QTest::newRow("older than the window") << 60 << 30.0 << true;
}

void tst_MeasuredVolume::computeFromTheTrail()
{
    QFETCH(int, oldestDaysAgo);
    QFETCH(double, expectedCoveredDays);
    QFETCH(bool, expectedSufficient);
    QTemporaryDir dir;
    auto store = SqliteAuditStore::open(dir.path(), 64);
    QVERIFY(store.ok());
    // The oldest record: outside the window when 60 days ago, and then its tokens do not count.
    store.value()->append(record(QStringLiteral("old"), kNow.addDays(-oldestDaysAgo), QStringLiteral("onprem"), QStringLiteral("gpu-1"),
                                 oldestDaysAgo > 30 ? 5000000 : 0, 0));
    store.value()->append(record(QStringLiteral("a"), kNow.addSecs(-3600), QStringLiteral("onprem"), QStringLiteral("gpu-1"), 500000, 100000));
    store.value()->append(record(QStringLiteral("b"), kNow.addSecs(-7200), QStringLiteral("onprem"), QStringLiteral("gpu-2"), 300000, 100000));
    store.value()->append(record(QStringLiteral("c"), kNow.addSecs(-60), QStringLiteral("cloud"), QStringLiteral("openai"), 9000000, 9000000));
    store.value()->append(record(QStringLiteral("d"), kNow.addSecs(-60), QString(), QString(), 0, 0));
    store.value()->append(record(QStringLiteral("future"), kNow.addSecs(60), QStringLiteral("onprem"), QStringLiteral("gpu-1"), 7777777, 0));
    QVERIFY(store.value()->flush().ok());

    MeasuredVolumeSettings settings;
    settings.enabled = true;
    auto v = MeasuredVolume::compute(*store.value(), kNow, settings);
    QVERIFY(v.ok());
    QVERIFY(near(v.value().coveredDays, expectedCoveredDays));
    QCOMPARE(v.value().sufficient, expectedSufficient);
    QCOMPARE(v.value().tokensInWindow, qint64(1000000));
    // tokens / covered seconds × 2 629 800 s.
    const double scale = CostModel::kSecondsPerMonth / (expectedCoveredDays * 86400.0);
    QVERIFY(near(v.value().tokensPerMonthByEndpoint.value(QString()), 1000000 * scale));
    QVERIFY(near(v.value().tokensPerMonthByEndpoint.value(QStringLiteral("gpu-1")), 600000 * scale));
    QVERIFY(near(v.value().tokensPerMonthByEndpoint.value(QStringLiteral("gpu-2")), 400000 * scale));
    QVERIFY(!v.value().tokensPerMonthByEndpoint.contains(QStringLiteral("openai")));

    // 10 days: 3 043 750 tokens a month; 13 000 / 3 043 750 × 1e6 = 4 271.047... per 1M.
    const CostModel model = modelWith(json{{"enabled", true}});
    const auto rate = model.effectiveRate(QStringLiteral("gpu-1"), &v.value());
    if (expectedSufficient)
        QVERIFY(near(rate->per1M, 13000.0 / (1000000 * scale) * 1e6));
    else
        QVERIFY(near(rate->per1M, 10.0));
    if (oldestDaysAgo == 10)
        QVERIFY(near(v.value().tokensPerMonthByEndpoint.value(QString()), 3043750.0));
}

void tst_MeasuredVolume::emptyTrailIsInsufficient()
{
    QTemporaryDir dir;
    auto store = SqliteAuditStore::open(dir.path(), 64);
    auto v = MeasuredVolume::compute(*store.value(), kNow, MeasuredVolumeSettings{true, 30, 0, 60});
    QVERIFY(v.ok());
    QVERIFY(!v.value().sufficient);
    QVERIFY(v.value().tokensPerMonthByEndpoint.isEmpty());
}

void tst_MeasuredVolume::settingsAreValidated_data()
{
    QTest::addColumn<QString>("measured");
    QTest::addColumn<QString>("expectedProblem");
    QTest::newRow("min longer than window") << "{\"window_days\": 10, \"min_days\": 20}" << "/costs/onprem/measured_volume/min_days: cannot be longer";
    QTest::newRow("fractional window") << "{\"window_days\": 10.5}" << "/costs/onprem/measured_volume/window_days: must be a whole number";
    QTest::newRow("unknown key") << "{\"windows\": 3}" << "/costs/onprem/measured_volume/windows: unknown key";
    QTest::newRow("not an object") << "true" << "/costs/onprem/measured_volume: must be an object";
}

void tst_MeasuredVolume::settingsAreValidated()
{
    QFETCH(QString, measured);
    QFETCH(QString, expectedProblem);
    QStringList problems;
    modelWith(json::parse(measured.toStdString()), &problems);
    QVERIFY2(problems.join(QLatin1Char('\n')).contains(expectedProblem), qPrintable(problems.join(QLatin1Char('\n'))));

    problems.clear();
    const CostModel ok = modelWith(json{{"window_days", 14}, {"min_days", 3}, {"recompute_minutes", 5}}, &problems);
    QVERIFY(problems.isEmpty());
    QVERIFY(ok.measuredVolumeSettings().enabled);
    QCOMPARE(ok.measuredVolumeSettings().windowDays, 14);
    QCOMPARE(ok.measuredVolumeSettings().minDays, 3);
    QCOMPARE(ok.measuredVolumeSettings().recomputeMinutes, 5);
}

void tst_MeasuredVolume::workerPublishesAVolume()
{
    QTemporaryDir dir;
    auto store = SqliteAuditStore::open(dir.path(), 64);
    store.value()->append(record(QStringLiteral("a"), QDateTime::currentDateTimeUtc().addDays(-2), QStringLiteral("onprem"),
                                 QStringLiteral("gpu-1"), 1000, 0));
    QVERIFY(store.value()->flush().ok());
    MeasuredVolumeWorker worker(*store.value(), MeasuredVolumeSettings{true, 30, 1, 60});
    QTRY_VERIFY_WITH_TIMEOUT(worker.current() != nullptr, 5000);
    QVERIFY(worker.current()->sufficient);
    QCOMPARE(worker.current()->tokensInWindow, qint64(1000));
}

void tst_MeasuredVolume::basisSaysWhichVolume_data()
{
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("daysOfTrail");
    QTest::addColumn<QString>("expectedDefault");
    QTest::newRow("measured") << true << 10 << "measured from the audit trail: 1000000 on-prem tokens in the last 10.0 day(s)";
    QTest::newRow("too little trail") << true << 3 << "configured (tokens_per_month); the audit trail covers 3.0 of the 7 day(s) needed";
    QTest::newRow("option off") << false << 10 << "10.0000 USD per 1M tokens = 13000.00 USD a month / 1300000000 tokens a month, configured (tokens_per_month)";
}

void tst_MeasuredVolume::basisSaysWhichVolume()
{
    QFETCH(bool, enabled);
    QFETCH(int, daysOfTrail);
    QFETCH(QString, expectedDefault);
    QTemporaryDir dir;
    auto store = SqliteAuditStore::open(dir.path(), 64);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    store.value()->append(record(QStringLiteral("old"), now.addDays(-daysOfTrail), QStringLiteral("onprem"), QStringLiteral("gpu-1"), 0, 0));
    store.value()->append(record(QStringLiteral("a"), now.addSecs(-60), QStringLiteral("onprem"), QStringLiteral("gpu-1"), 700000, 300000));
    QVERIFY(store.value()->flush().ok());
    const CostModel model = modelWith(json{{"enabled", enabled}});
    const QStringList lines = CostBasisReport::lines(model, *store.value());
    QCOMPARE(lines.size(), 3); // default, gpu-9, gpu-d
    QVERIFY2(lines.at(0).startsWith(QLatin1String("default (on-prem cluster): ")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(0).contains(expectedDefault), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(2).contains(QLatin1String("endpoint gpu-d: 4.0000 USD per 1M tokens, given directly")), qPrintable(lines.at(2)));
    // gpu-9 has its own hardware figures but served nothing itself.
    if (enabled && daysOfTrail >= 7)
        QVERIFY2(lines.at(1).contains(QLatin1String("no on-prem tokens measured for this endpoint")), qPrintable(lines.at(1)));
}

QTEST_GUILESS_MAIN(tst_MeasuredVolume)
#include "tst_measuredvolume.moc"
