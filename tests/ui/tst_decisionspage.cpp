// SPDX-License-Identifier: Apache-2.0
#include "TestGatewayConfig.h"
#include "observe/SqliteAuditStore.h"
#include "service/GatewayService.h"
#include "ui/AuditFilterProxyModel.h"
#include "ui/AuditTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/DecisionsPage.h"
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace perimeter;
using perimeter::ui::AuditTableModel;
using perimeter::ui::DecisionsPage;

class tst_DecisionsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tableShowsTheTrail();
    void filtersNarrowTheTable();
    void detailPaneShowsTheSelectedRecord();
    void periodLimitsTheQuery();
    void dashboardAggregatesOffTheUiThread();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<service::GatewayService> m_service;
};

namespace {
observe::AuditRecord makeRecord(int i)
{
    observe::AuditRecord r;
    r.requestId = QStringLiteral("req_%1").arg(i, 3, 10, QLatin1Char('0'));
    // Records 0..9 in the last minutes; record 10 is two days old.
    r.ts = QDateTime::currentDateTimeUtc().addSecs(i == 10 ? -2 * 24 * 3600 : -600 + i * 30);
    r.caller = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
    r.team = i % 2 ? QStringLiteral("risk") : QStringLiteral("ops");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = i % 3 ? QStringLiteral("llama-3-70b") : QStringLiteral("gpt-4o");
    r.policyVersion = QStringLiteral("default");
    if (i % 4 == 3) {
        r.decision = QStringLiteral("rejected");
        r.reason = QStringLiteral("residency_violation");
        r.sensitivity = QStringLiteral("confidential");
        r.findingTypes.insert(QStringLiteral("CREDIT_CARD"), 2);
        r.status = 403;
    } else {
        r.decision = QStringLiteral("routed");
        r.reason = QStringLiteral("ok");
        r.tier = i % 3 ? QStringLiteral("onprem") : QStringLiteral("cloud");
        r.endpointId = i % 3 ? QStringLiteral("onprem-1") : QStringLiteral("cloud-1");
        r.sensitivity = QStringLiteral("public");
        r.status = 200;
    }
    return r;
}
} // namespace

void tst_DecisionsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = testing::writeGatewayConfig(m_dir.path());
    {
        auto store = observe::SqliteAuditStore::open(m_dir.path() + QStringLiteral("/data"), 64);
        QVERIFY(store.ok());
        for (int i = 0; i <= 10; ++i)
            QVERIFY(store.value()->append(makeRecord(i)));
        QVERIFY(store.value()->flush().ok());
    }
    m_service = std::make_unique<service::GatewayService>();
    QSignalSpy started(m_service.get(), &service::GatewayService::started);
    m_service->start(config);
    QVERIFY(started.wait(20000));
}

void tst_DecisionsPage::cleanupTestCase()
{
    m_service.reset();
}

void tst_DecisionsPage::tableShowsTheTrail()
{
    DecisionsPage page(m_service.get());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    QSignalSpy refreshed(&page, &DecisionsPage::refreshed);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 10); // default period: 24 h
    QCOMPARE(page.view()->model()->rowCount(), 10);
    // Newest first by default.
    QCOMPARE(page.model()->record(page.proxy()->mapToSource(page.view()->model()->index(0, 0)).row())->requestId, QStringLiteral("req_009"));
    QVERIFY(page.statusText().contains(QLatin1String("10")));
    // Clicking a header sorts.
    page.view()->sortByColumn(AuditTableModel::Status, Qt::DescendingOrder);
    QCOMPARE(page.view()->model()->index(0, AuditTableModel::Status).data().toInt(), 403);
}

void tst_DecisionsPage::filtersNarrowTheTable()
{
    DecisionsPage page(m_service.get());
    page.show();
    QSignalSpy refreshed(&page, &DecisionsPage::refreshed);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("decisionSearch"));
    QVERIFY(search);
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("alice"));
    QCOMPARE(page.view()->model()->rowCount(), 5);
    auto *decision = page.findChild<QComboBox *>(QStringLiteral("decisionFilter"));
    decision->setCurrentIndex(decision->findData(QStringLiteral("rejected")));
    // alice = odd i; rejected = i % 4 == 3: 3 and 7.
    QCOMPARE(page.view()->model()->rowCount(), 2);
    search->clear();
    QCOMPARE(page.view()->model()->rowCount(), 2);
    decision->setCurrentIndex(0);
    page.setTierFilter(QStringLiteral("cloud"));
    // routed to cloud: i % 3 == 0 and i % 4 != 3: 0, 6, 9.
    QCOMPARE(page.view()->model()->rowCount(), 3);
    page.setTierFilter(QString());
    page.setFilterText(QStringLiteral("CREDIT_CARD"));
    QCOMPARE(page.view()->model()->rowCount(), 2);
    QVERIFY(page.statusText().contains(QLatin1String("2")));
}

void tst_DecisionsPage::detailPaneShowsTheSelectedRecord()
{
    DecisionsPage page(m_service.get());
    page.show();
    QSignalSpy refreshed(&page, &DecisionsPage::refreshed);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    page.setDecisionFilter(QStringLiteral("rejected"));
    QVERIFY(page.view()->model()->rowCount() > 0);
    page.view()->setCurrentIndex(page.view()->model()->index(0, 0));
    QStringList lines;
    for (int i = 0; i < page.details()->topLevelItemCount(); ++i)
        lines.append(page.details()->topLevelItem(i)->text(0) + QLatin1Char('=') + page.details()->topLevelItem(i)->text(1));
    QVERIFY2(lines.contains(QStringLiteral("Finding types=CREDIT_CARD × 2")), qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.contains(QStringLiteral("Reason=residency_violation")));
    QVERIFY(lines.contains(QStringLiteral("HTTP status=403")));
    // Survives a refresh.
    const QString selected = page.details()->topLevelItem(0)->text(1);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.details()->topLevelItem(0)->text(1), selected);
}

void tst_DecisionsPage::periodLimitsTheQuery()
{
    DecisionsPage page(m_service.get());
    QSignalSpy refreshed(&page, &DecisionsPage::refreshed);
    page.setPeriodHours(0);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 11);
    page.setPeriodHours(1);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.model()->rowCount(), 10);
}

void tst_DecisionsPage::dashboardAggregatesOffTheUiThread()
{
    ui::DashboardPage page(m_service.get());
    QSignalSpy refreshed(&page, &ui::DashboardPage::refreshed);
    page.setRangeMinutes(60);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.data().total, 10);
    QCOMPARE(page.data().decisions.value(QStringLiteral("rejected")), 2);
    QCOMPARE(page.data().rejectionReasons.value(QStringLiteral("residency_violation")), 2);
    QVERIFY2(page.summaryText().contains(QLatin1String("10")), qPrintable(page.summaryText()));
    page.setRangeMinutes(7 * 24 * 60);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.data().total, 11);
}

QTEST_MAIN(tst_DecisionsPage)
#include "tst_decisionspage.moc"
