// SPDX-License-Identifier: Apache-2.0
#include "observe/SqliteAuditStore.h"
#include "report/SqliteAuditAnalytics.h"
#include "ui/AuditFilterProxyModel.h"
#include "ui/AuditTableModel.h"
#include "ui/DashboardData.h"
#include "ui/FindingsModel.h"
#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace perimeter;
using namespace perimeter::ui;

namespace {

observe::AuditRecord record(const QString &id, int secondsAgo, const QString &caller, const QString &tier, const QString &decision,
                            const QString &reason, const QString &level, int status)
{
    observe::AuditRecord r;
    r.requestId = id;
    r.ts = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    r.caller = caller;
    r.team = caller == QLatin1String("alice") ? QStringLiteral("risk") : QStringLiteral("ops");
    r.modelRequested = tier == QLatin1String("cloud") ? QStringLiteral("gpt-4o") : QStringLiteral("llama-3-70b");
    r.tier = tier;
    r.decision = decision;
    r.reason = reason;
    r.sensitivity = level;
    r.status = status;
    if (level == QLatin1String("confidential"))
        r.findingTypes.insert(QStringLiteral("CREDIT_CARD"), 1);
    return r;
}

QList<observe::AuditRecord> sampleRecords()
{
    return {record(QStringLiteral("r1"), 50, QStringLiteral("alice"), QStringLiteral("onprem"), QStringLiteral("routed"), QStringLiteral("ok"),
                   QStringLiteral("confidential"), 200),
            record(QStringLiteral("r2"), 40, QStringLiteral("bob"), QStringLiteral("cloud"), QStringLiteral("routed"), QStringLiteral("ok"),
                   QStringLiteral("public"), 200),
            record(QStringLiteral("r3"), 30, QStringLiteral("alice"), QString(), QStringLiteral("rejected"),
                   QStringLiteral("residency_violation"), QStringLiteral("confidential"), 403),
            record(QStringLiteral("r4"), 20, QString(), QString(), QStringLiteral("rejected"), QStringLiteral("unauthenticated"), QString(), 401),
            record(QStringLiteral("r5"), 10, QStringLiteral("bob"), QStringLiteral("onprem"), QStringLiteral("failed"),
                   QStringLiteral("upstream_error"), QStringLiteral("internal"), 502)};
}

} // namespace

class tst_ItemModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findingsModel();
    void auditTableModel();
    void auditFilter_data();
    void auditFilter();
    void auditSortByStatus();
    void dashboardBuckets();
};

void tst_ItemModels::findingsModel()
{
    FindingsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    classify::Finding card{QStringLiteral("CREDIT_CARD"), QString(), 5, 24, 0.95, QStringLiteral("credit_card_luhn"),
                           Sensitivity::Confidential, QStringLiteral("/messages/0/content")};
    classify::Finding key{QStringLiteral("SECRET"), QStringLiteral("aws-access-key"), 0, 20, 0.99, QStringLiteral("aws"),
                          Sensitivity::Restricted, QString()};
    model.setFindings({card, key});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(FindingsModel::ColumnCount));
    QCOMPARE(model.index(0, FindingsModel::Type).data().toString(), QStringLiteral("CREDIT_CARD"));
    QCOMPARE(model.index(1, FindingsModel::Type).data().toString(), QStringLiteral("SECRET (aws-access-key)"));
    QCOMPARE(model.index(0, FindingsModel::Level).data().toString(), QStringLiteral("confidential"));
    QCOMPARE(model.index(0, FindingsModel::Score).data().toString(), QStringLiteral("0.95"));
    QVERIFY(model.index(0, FindingsModel::Location).data().toString().contains(QLatin1String("/messages/0/content")));
    QVERIFY(!model.index(0, FindingsModel::Level).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.headerData(FindingsModel::Recognizer, Qt::Horizontal).toString(), QStringLiteral("Recognizer"));
    model.setFindings({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_ItemModels::auditTableModel()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(sampleRecords());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
    QCOMPARE(model.index(0, AuditTableModel::Caller).data().toString(), QStringLiteral("alice"));
    QCOMPARE(model.index(3, AuditTableModel::Caller).data().toString(), QStringLiteral("(anonymous)"));
    QCOMPARE(model.index(2, AuditTableModel::Tier).data().toString(), QStringLiteral("none"));
    QCOMPARE(model.index(2, AuditTableModel::Reason).data().toString(), QStringLiteral("residency_violation"));
    QCOMPARE(model.index(4, AuditTableModel::Status).data().toInt(), 502);
    QCOMPARE(model.index(0, AuditTableModel::Time).data(AuditTableModel::SortRole).typeId(), QMetaType::QDateTime);
    QCOMPARE(model.record(1)->requestId, QStringLiteral("r2"));
    QVERIFY(!model.record(5));
    model.setRecords({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_ItemModels::auditFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QStringList>("ids");

    QTest::newRow("no filter") << "" << "" << "" << QStringList{u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s, u"r5"_s};
    QTest::newRow("caller text") << "alice" << "" << "" << QStringList{u"r1"_s, u"r3"_s};
    QTest::newRow("text is case-insensitive and matches reasons") << "RESIDENCY" << "" << "" << QStringList{u"r3"_s};
    QTest::newRow("finding type") << "credit_card" << "" << "" << QStringList{u"r1"_s, u"r3"_s};
    QTest::newRow("tier on-prem") << "" << "onprem" << "" << QStringList{u"r1"_s, u"r5"_s};
    QTest::newRow("no tier") << "" << "none" << "" << QStringList{u"r3"_s, u"r4"_s};
    QTest::newRow("rejected") << "" << "" << "rejected" << QStringList{u"r3"_s, u"r4"_s};
    QTest::newRow("combined") << "bob" << "onprem" << "failed" << QStringList{u"r5"_s};
    QTest::newRow("nothing") << "carol" << "" << "" << QStringList{};
}

void tst_ItemModels::auditFilter()
{
    QFETCH(QString, text);
    QFETCH(QString, tier);
    QFETCH(QString, decision);
    QFETCH(QStringList, ids);
    AuditTableModel model;
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(sampleRecords());
    proxy.setText(text);
    proxy.setTier(tier);
    proxy.setDecision(decision);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown.append(model.record(proxy.mapToSource(proxy.index(row, 0)).row())->requestId);
    QCOMPARE(shown, ids);
    proxy.setText({});
    proxy.setTier({});
    proxy.setDecision({});
    QCOMPARE(proxy.rowCount(), 5);
}

void tst_ItemModels::auditSortByStatus()
{
    AuditTableModel model;
    AuditFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords(sampleRecords());
    proxy.sort(AuditTableModel::Status, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, AuditTableModel::Status).data().toInt(), 502);
    QCOMPARE(proxy.index(4, AuditTableModel::Status).data().toInt(), 200);
    proxy.sort(AuditTableModel::Time, Qt::DescendingOrder);
    QCOMPARE(model.record(proxy.mapToSource(proxy.index(0, 0)).row())->requestId, QStringLiteral("r5"));
}

void tst_ItemModels::dashboardBuckets()
{
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addSecs(-60);
    auto records = sampleRecords();
    records.append(record(QStringLiteral("old"), 3600, QStringLiteral("alice"), QStringLiteral("cloud"), QStringLiteral("routed"),
                          QStringLiteral("ok"), QStringLiteral("public"), 200));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString dbPath;
    {
        auto store = observe::SqliteAuditStore::open(dir.path(), 64);
        QVERIFY(store.ok());
        for (const auto &r : records)
            QVERIFY(store.value()->append(r));
        QVERIFY(store.value()->flush().ok());
        dbPath = store.value()->databasePath();
    }
    auto analytics = report::SqliteAuditAnalytics::open(dbPath);
    QVERIFY(analytics.ok());
    const auto d = DashboardData::load(*analytics.value(), from, to, 6);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.total, 5);
    QCOMPARE(d.onprem.size(), 6);
    int onprem = 0, cloud = 0, none = 0;
    for (int i = 0; i < 6; ++i) {
        onprem += d.onprem.at(i);
        cloud += d.cloud.at(i);
        none += d.noTier.at(i);
    }
    QCOMPARE(onprem, 2);
    QCOMPARE(cloud, 1);
    QCOMPARE(none, 2);
    QCOMPARE(d.decisions.value(QStringLiteral("rejected")), 2);
    QCOMPARE(d.decisions.value(QStringLiteral("routed")), 2);
    QCOMPARE(d.levels.value(int(Sensitivity::Confidential)), 2);
    QCOMPARE(d.levels.value(-1), 1);
    // Top rejections are the core's: rejected requests only (failures show in the decision mix).
    QCOMPARE(d.rejectionReasons.value(QStringLiteral("residency_violation")), 1);
    QCOMPARE(d.rejectionReasons.value(QStringLiteral("unauthenticated")), 1);
    QCOMPARE(d.rejectionReasons.contains(QStringLiteral("upstream_error")), false);
    QCOMPARE(d.decisions.value(QStringLiteral("failed")), 1);
    QCOMPARE(d.rejectionReasons.contains(QStringLiteral("ok")), false);
    // r1 is 50 s old: bucket 1 of six 10-second buckets.
    QCOMPARE(d.onprem.at(1), 1);
}

QTEST_MAIN(tst_ItemModels)
#include "tst_itemmodels.moc"
