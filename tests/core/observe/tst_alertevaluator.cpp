// SPDX-License-Identifier: Apache-2.0
// Alert rules with a fake clock: fire/resolve per metric kind, hysteresis, scope, spend from
// CostModel amounts, the webhook (a real loopback receiver) and the alert_events table.
#include "LoopbackHttpReceiver.h"
#include "observe/AlertEvaluator.h"
#include "observe/AlertEventStore.h"
#include "observe/CostModel.h"
#include "observe/MetricsRegistry.h"
#include "observe/SqliteAuditStore.h"
#include "observe/WebhookNotifier.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter::observe;
using perimeter::test::LoopbackHttpReceiver;

namespace {

constexpr qint64 kStart = 1'780'000'000'000; // some time in 2026, in ms

AuditRecord record(const QString &decision, const QString &tier = QStringLiteral("cloud"), qint64 latencyMs = 100,
                   const QString &reason = QStringLiteral("ok"), const QString &endpoint = QStringLiteral("saas"))
{
    AuditRecord r;
    r.decision = decision;
    r.reason = reason;
    r.tier = decision == QLatin1String("rejected") ? QString() : tier;
    r.endpointId = decision == QLatin1String("rejected") ? QString() : endpoint;
    r.latencyMs = latencyMs;
    r.status = decision == QLatin1String("routed") ? 200 : decision == QLatin1String("failed") ? 502 : 403;
    return r;
}

AlertRule rule(const QString &metric, double threshold, int windowSeconds = 60)
{
    AlertRule r;
    r.name = QStringLiteral("rule-") + metric;
    r.metricName = metric;
    if (metric == QLatin1String("error_rate"))
        r.metric = AlertRule::Metric::ErrorRate;
    else if (metric == QLatin1String("availability"))
        r.metric = AlertRule::Metric::Availability;
    else if (metric == QLatin1String("spend"))
        r.metric = AlertRule::Metric::Spend;
    else if (metric == QLatin1String("residency_rejections"))
        r.metric = AlertRule::Metric::ResidencyRejections;
    else {
        r.metric = AlertRule::Metric::LatencyPercentile;
        r.percentile = 0.95;
    }
    r.threshold = threshold;
    r.windowSeconds = windowSeconds;
    return r;
}

struct Feed {
    int routed = 0;
    int failed = 0;
    int residency = 0;
    qint64 latencyMs = 100;
};

void feed(AlertEvaluator &evaluator, const Feed &f, const QString &tier = QStringLiteral("cloud"))
{
    for (int i = 0; i < f.routed; ++i)
        evaluator.record(record(QStringLiteral("routed"), tier, f.latencyMs));
    for (int i = 0; i < f.failed; ++i)
        evaluator.record(record(QStringLiteral("failed"), tier, f.latencyMs, QStringLiteral("upstream_error")));
    for (int i = 0; i < f.residency; ++i)
        evaluator.record(record(QStringLiteral("rejected"), tier, 1, QStringLiteral("residency_violation")));
}

} // namespace

Q_DECLARE_METATYPE(Feed)

class AlertEvaluatorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<AlertEvent>(); }
    void firesAndResolves_data();
    void firesAndResolves();
    void spendAgainstBudgetUsesCostModelAmounts();
    void hysteresisHoldsAndReleases();
    void briefBreachDoesNotFire();
    void sameRuleShapeScopesEachTier_data();
    void sameRuleShapeScopesEachTier();
    void minRequestsKeepsQuietEndpointsQuiet();
    void longWindowsUseCoarserBuckets();
    void webhookReceivesFireAndResolve();
    void eventsAreStoredBesideTheAuditTrail();

private:
    qint64 m_now = kStart;
};

void AlertEvaluatorTest::firesAndResolves_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<Feed>("bad");
    QTest::addColumn<Feed>("good");
    QTest::addColumn<double>("badValue");
    QTest::newRow("error_rate") << QStringLiteral("error_rate") << 0.05 << Feed{15, 5, 0, 100} << Feed{20, 0, 0, 100} << 0.25;
    QTest::newRow("latency_p95_ms") << QStringLiteral("latency_p95_ms") << 500.0 << Feed{20, 0, 0, 1000} << Feed{20, 0, 0, 50} << 1000.0;
    QTest::newRow("availability") << QStringLiteral("availability") << 0.99 << Feed{8, 2, 0, 100} << Feed{50, 0, 0, 100} << 0.8;
    QTest::newRow("residency_rejections") << QStringLiteral("residency_rejections") << 3.0 << Feed{5, 0, 4, 100} << Feed{5, 0, 0, 100}
                                          << 4.0;
}

void AlertEvaluatorTest::firesAndResolves()
{
    QFETCH(QString, metric);
    QFETCH(double, threshold);
    QFETCH(Feed, bad);
    QFETCH(Feed, good);
    QFETCH(double, badValue);
    m_now = kStart;
    MetricsRegistry metrics;
    AlertSettings settings;
    settings.rules = {rule(metric, threshold)};
    AlertEvaluator evaluator(settings, &metrics, [this]() { return m_now; });
    QSignalSpy spy(&evaluator, &AlertEvaluator::alertEvent);
    const QString name = settings.rules[0].name;

    feed(evaluator, good);
    evaluator.evaluate();
    QCOMPARE(spy.count(), 0);

    m_now += 61'000; // the good traffic leaves the window
    feed(evaluator, bad);
    QCOMPARE(evaluator.currentValue(name), badValue);
    evaluator.evaluate();
    QCOMPARE(spy.count(), 1);
    auto fired = spy.at(0).at(0).value<AlertEvent>();
    QCOMPARE(fired.state, AlertEvent::State::Firing);
    QCOMPARE(fired.rule, name);
    QCOMPARE(fired.metric, metric);
    QCOMPARE(fired.value, badValue);
    QCOMPARE(fired.threshold, threshold);
    QCOMPARE(fired.ts.toMSecsSinceEpoch(), m_now);
    QVERIFY(fired.message.contains(QStringLiteral("firing")));
    QVERIFY(evaluator.isFiring(name));
    QVERIFY(metrics.renderPrometheus().contains("perimeter_alert_firing{rule=\"" + name.toUtf8() + "\"} 1"));

    evaluator.evaluate(); // still breached: no second event
    QCOMPARE(spy.count(), 1);

    m_now += 61'000;
    feed(evaluator, good);
    evaluator.evaluate();
    QCOMPARE(spy.count(), 2);
    const auto resolved = spy.at(1).at(0).value<AlertEvent>();
    QCOMPARE(resolved.state, AlertEvent::State::Resolved);
    QVERIFY(!evaluator.isFiring(name));
    QVERIFY(metrics.renderPrometheus().contains("perimeter_alert_firing{rule=\"" + name.toUtf8() + "\"} 0"));
}

void AlertEvaluatorTest::spendAgainstBudgetUsesCostModelAmounts()
{
    m_now = kStart;
    QStringList problems;
    const nlohmann::json costs{{"currency", "USD"},
                               {"builtin_prices", false},
                               {"prices", nlohmann::json::array({nlohmann::json{{"model", "m-cloud"}, {"input_per_1m", 1.0}, {"output_per_1m", 2.0}}})}};
    const CostModel model = CostModel::fromJson(costs, QStringLiteral("/costs"), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    AlertRule spend = rule(QStringLiteral("spend"), 0.8, 3600);
    spend.budget = 1.0; // fire at 80 % of one dollar per hour
    AlertSettings settings;
    settings.rules = {spend};
    AlertEvaluator evaluator(settings, nullptr, [this]() { return m_now; });
    QSignalSpy spy(&evaluator, &AlertEvaluator::alertEvent);

    auto priced = [&]() {
        AuditRecord r = record(QStringLiteral("routed"));
        r.modelServed = QStringLiteral("m-cloud");
        r.tokensIn = 100'000;
        r.tokensOut = 100'000;
        model.apply(r); // 0.1 + 0.2 = 0.30 USD, list price
        return r;
    };
    QCOMPARE(priced().costAmount, 0.3);
    QCOMPARE(priced().costBasis, QStringLiteral("list_price"));
    evaluator.record(priced());
    evaluator.record(priced());
    evaluator.evaluate();
    QCOMPARE(spy.count(), 0); // 0.60 < 0.80
    m_now += 1000;
    evaluator.record(priced());
    evaluator.evaluate();
    QCOMPARE(spy.count(), 1); // 0.90 >= 0.80
    const auto fired = spy.at(0).at(0).value<AlertEvent>();
    QVERIFY(qAbs(fired.value - 0.9) < 1e-9);
    QCOMPARE(fired.threshold, 0.8);
    m_now += 3600'000 + 2000;
    evaluator.evaluate();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<AlertEvent>().state, AlertEvent::State::Resolved);
}

void AlertEvaluatorTest::hysteresisHoldsAndReleases()
{
    m_now = kStart;
    AlertRule r = rule(QStringLiteral("residency_rejections"), 1, 5);
    r.forSeconds = 30;
    r.resolveSeconds = 20;
    AlertSettings settings;
    settings.rules = {r};
    AlertEvaluator evaluator(settings, nullptr, [this]() { return m_now; });
    QList<QPair<int, AlertEvent::State>> transitions;
    connect(&evaluator, &AlertEvaluator::alertEvent, this, [&](const AlertEvent &e) {
        transitions.append({int((m_now - kStart) / 1000), e.state});
    });
    for (int t = 0; t <= 100; ++t) {
        m_now = kStart + qint64(t) * 1000;
        // Rejections every second up to 35 s, and one more at 50 s (while resolving).
        if (t <= 35 || t == 50)
            feed(evaluator, Feed{0, 0, 1, 0});
        evaluator.evaluate();
    }
    // Breached from 0 s: fires after for_seconds. The window (5 s) is clear from 40 s; the
    // rejection at 50 s restarts the resolve wait; clear again from 55 s, resolved at 75 s.
    QCOMPARE(transitions.size(), 2);
    QCOMPARE(transitions[0].first, 30);
    QCOMPARE(transitions[0].second, AlertEvent::State::Firing);
    QCOMPARE(transitions[1].first, 75);
    QCOMPARE(transitions[1].second, AlertEvent::State::Resolved);
}

void AlertEvaluatorTest::briefBreachDoesNotFire()
{
    m_now = kStart;
    AlertRule r = rule(QStringLiteral("error_rate"), 0.1, 5);
    r.forSeconds = 30;
    AlertSettings settings;
    settings.rules = {r};
    AlertEvaluator evaluator(settings, nullptr, [this]() { return m_now; });
    QSignalSpy spy(&evaluator, &AlertEvaluator::alertEvent);
    for (int t = 0; t <= 90; ++t) {
        m_now = kStart + qint64(t) * 1000;
        feed(evaluator, t < 20 ? Feed{1, 1, 0, 100} : Feed{2, 0, 0, 100}); // errors for 20 s only
        evaluator.evaluate();
    }
    QCOMPARE(spy.count(), 0);
}

void AlertEvaluatorTest::sameRuleShapeScopesEachTier_data()
{
    QTest::addColumn<QString>("scopeTier");
    QTest::addColumn<QString>("failingTier");
    QTest::addColumn<bool>("fires");
    QTest::newRow("cloud rule, cloud errors") << QStringLiteral("cloud") << QStringLiteral("cloud") << true;
    QTest::newRow("cloud rule, on-prem errors") << QStringLiteral("cloud") << QStringLiteral("onprem") << false;
    QTest::newRow("on-prem rule, on-prem errors") << QStringLiteral("onprem") << QStringLiteral("onprem") << true;
    QTest::newRow("on-prem rule, cloud errors") << QStringLiteral("onprem") << QStringLiteral("cloud") << false;
    QTest::newRow("any tier, on-prem errors") << QStringLiteral("any") << QStringLiteral("onprem") << true;
}

void AlertEvaluatorTest::sameRuleShapeScopesEachTier()
{
    QFETCH(QString, scopeTier);
    QFETCH(QString, failingTier);
    QFETCH(bool, fires);
    m_now = kStart;
    AlertRule r = rule(QStringLiteral("error_rate"), 0.15); // any tier: 10 of 50 = 0.2
    r.scopeTier = scopeTier;
    AlertSettings settings;
    settings.rules = {r};
    AlertEvaluator evaluator(settings, nullptr, [this]() { return m_now; });
    QSignalSpy spy(&evaluator, &AlertEvaluator::alertEvent);
    const QString otherTier = failingTier == QLatin1String("cloud") ? QStringLiteral("onprem") : QStringLiteral("cloud");
    feed(evaluator, Feed{10, 10, 0, 100}, failingTier);
    feed(evaluator, Feed{30, 0, 0, 100}, otherTier);
    evaluator.evaluate();
    QCOMPARE(spy.count(), fires ? 1 : 0);
}

void AlertEvaluatorTest::minRequestsKeepsQuietEndpointsQuiet()
{
    m_now = kStart;
    AlertRule r = rule(QStringLiteral("error_rate"), 0.1);
    r.minRequests = 10;
    AlertSettings settings;
    settings.rules = {r};
    AlertEvaluator evaluator(settings, nullptr, [this]() { return m_now; });
    QSignalSpy spy(&evaluator, &AlertEvaluator::alertEvent);
    feed(evaluator, Feed{0, 1, 0, 100}); // one failure of one request: 100 %, but too few
    evaluator.evaluate();
    QCOMPARE(spy.count(), 0);
    QVERIFY(std::isnan(evaluator.currentValue(r.name)));
    feed(evaluator, Feed{5, 4, 0, 100});
    evaluator.evaluate();
    QCOMPARE(spy.count(), 1);
}

void AlertEvaluatorTest::longWindowsUseCoarserBuckets()
{
    AlertWindow day(86400);
    QVERIFY(day.bucketSeconds() > 1);
    QVERIFY(86400 / day.bucketSeconds() <= AlertWindow::kMaxBuckets);
    AlertWindow minute(60);
    QCOMPARE(minute.bucketSeconds(), 1);
    // A request 23 h ago still counts in a day window; one 25 h ago does not.
    day.add(kStart - 25 * 3600'000LL, true, false, false, true, 10, 1.0);
    day.add(kStart - 23 * 3600'000LL, true, false, false, true, 10, 2.0);
    day.add(kStart, true, false, false, true, 10, 4.0);
    QCOMPARE(day.totals(kStart).spend, 6.0);
    QCOMPARE(day.totals(kStart).requests, qint64(2));
}

void AlertEvaluatorTest::webhookReceivesFireAndResolve()
{
    m_now = kStart;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setStatus(503); // the first attempts fail: retried
    AlertWebhookSettings hook;
    hook.url = QUrl(receiver.url(QStringLiteral("/hook")));
    hook.backoffInitialMs = 20;
    hook.maxAttempts = 10;
    WebhookNotifier notifier(hook, "hook-secret");
    AlertSettings settings;
    settings.rules = {rule(QStringLiteral("error_rate"), 0.05)};
    AlertEvaluator evaluator(settings, nullptr, [this]() { return m_now; });
    connect(&evaluator, &AlertEvaluator::alertEvent, this, [&notifier](const AlertEvent &e) { notifier.notify(e); });

    feed(evaluator, Feed{1, 9, 0, 100});
    evaluator.evaluate();
    QTest::qWait(100);
    receiver.setStatus(200);
    m_now += 61'000;
    feed(evaluator, Feed{10, 0, 0, 100});
    evaluator.evaluate();
    QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 2, 10000);
    QTRY_COMPARE(notifier.deliveredCount(), quint64(2));
    const auto first = QJsonDocument::fromJson(receiver.requests().at(0).body).object();
    const auto second = QJsonDocument::fromJson(receiver.requests().at(1).body).object();
    QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("firing"));
    QCOMPARE(first.value(QStringLiteral("rule")).toString(), QStringLiteral("rule-error_rate"));
    QCOMPARE(first.value(QStringLiteral("value")).toDouble(), 0.9);
    QCOMPARE(first.value(QStringLiteral("scope")).toObject().value(QStringLiteral("tier")).toString(), QStringLiteral("any"));
    QCOMPARE(second.value(QStringLiteral("state")).toString(), QStringLiteral("resolved"));
    QCOMPARE(receiver.requests().at(0).headers.value("authorization"), QByteArray("Bearer hook-secret"));
    QCOMPARE(receiver.requests().at(0).headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(notifier.abandonedCount(), quint64(0));
}

void AlertEvaluatorTest::eventsAreStoredBesideTheAuditTrail()
{
    QTemporaryDir dir;
    auto audit = SqliteAuditStore::open(dir.path(), 64);
    QVERIFY(audit.ok());
    AuditRecord r = record(QStringLiteral("routed"));
    r.requestId = QStringLiteral("req_1");
    QVERIFY(audit.value()->append(r));
    QVERIFY(audit.value()->flush().ok());

    auto store = AlertEventStore::open(dir.path());
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    AlertEvent e;
    e.ts = QDateTime::fromMSecsSinceEpoch(kStart, Qt::UTC);
    e.rule = QStringLiteral("cloud-errors");
    e.metric = QStringLiteral("error_rate");
    e.value = 0.5;
    e.threshold = 0.05;
    e.scopeTier = QStringLiteral("cloud");
    e.windowSeconds = 300;
    e.requests = 20;
    e.message = QStringLiteral("cloud-errors firing");
    store.value()->append(e);
    e.state = AlertEvent::State::Resolved;
    e.ts = e.ts.addSecs(60);
    store.value()->append(e);
    QVERIFY(store.value()->flush().ok());
    const auto events = store.value()->list();
    QVERIFY(events.ok());
    QCOMPARE(events.value().size(), 2);
    QCOMPARE(events.value().at(0).state, AlertEvent::State::Firing);
    QCOMPARE(events.value().at(1).state, AlertEvent::State::Resolved);
    QCOMPARE(events.value().at(0).rule, QStringLiteral("cloud-errors"));
    QCOMPARE(events.value().at(0).ts, QDateTime::fromMSecsSinceEpoch(kStart, Qt::UTC));

    // The audit trail keeps writing and verifying with the extra table in its file.
    r.requestId = QStringLiteral("req_2");
    QVERIFY(audit.value()->append(r));
    QVERIFY(audit.value()->flush().ok());
    const auto verified = audit.value()->verify();
    QVERIFY(verified.ok());
    QVERIFY(verified.value().ok);
    QCOMPARE(verified.value().recordsChecked, qint64(2));
}

QTEST_MAIN(AlertEvaluatorTest)
#include "tst_alertevaluator.moc"
