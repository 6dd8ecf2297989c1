// SPDX-License-Identifier: Apache-2.0
#include "SampleAuditRecord.h"
#include "TestGatewayConfig.h"
#include "common/Sensitivity.h"
#include "observe/SqliteAuditStore.h"
#include "service/GatewayService.h"
#include "ui/AuditFilterProxyModel.h"
#include "ui/AuditTableModel.h"
#include "ui/DashboardPage.h"
#include "ui/DecisionsPage.h"
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
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
    void reviewAndFlagDecisions();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<service::GatewayService> m_service;
};

void tst_DecisionsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = testing::writeGatewayConfig(m_dir.path());
    {
        auto store = observe::SqliteAuditStore::open(m_dir.path() + QStringLiteral("/data"), 64);
        QVERIFY(store.ok());
        for (int i = 0; i <= 10; ++i)
            QVERIFY(store.value()->append(testing::sampleAuditRecord(i)));
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
    // Latency percentiles per tier over the routed requests, from the core's histogram (within
    // 0.6 % of nearest rank): cloud 0, 6, 9 -> 100, 160, 190 ms; on-prem 1, 2, 4, 5, 8 -> 110,
    // 120, 140, 150, 180 ms.
    auto near = [](qint64 actual, qint64 expected) { return qAbs(actual - expected) <= 2; };
    QCOMPARE(page.data().latency.value(QStringLiteral("cloud")).count, 3);
    QVERIFY(near(page.data().latency.value(QStringLiteral("cloud")).p50, 160));
    QVERIFY(near(page.data().latency.value(QStringLiteral("cloud")).p95, 190));
    QVERIFY(near(page.data().latency.value(QStringLiteral("onprem")).p50, 140));
    QVERIFY(near(page.data().latency.value(QStringLiteral("onprem")).p99, 180));
    QCOMPARE(page.data().levels.value(int(Sensitivity::Confidential)), 2);
    QCOMPARE(page.data().levels.value(int(Sensitivity::Public)), 8);
    int onprem = 0, cloud = 0, none = 0;
    for (int i = 0; i < page.data().onprem.size(); ++i) {
        onprem += page.data().onprem.at(i);
        cloud += page.data().cloud.at(i);
        none += page.data().noTier.at(i);
    }
    QCOMPARE(onprem, 5);
    QCOMPARE(cloud, 3);
    QCOMPARE(none, 2);
    // Cost per tier and team: cloud 3 x 0.01 (ops: 0, 6; risk: 9), on-prem 5 x 0.002 (blended).
    QCOMPARE(page.data().currency, QStringLiteral("USD"));
    QVERIFY(qAbs(page.data().tierCost.value(QStringLiteral("cloud")) - 0.03) < 1e-9);
    QVERIFY(qAbs(page.data().tierCost.value(QStringLiteral("onprem")) - 0.01) < 1e-9);
    QVERIFY(qAbs(page.data().teamCost.value(QStringLiteral("ops")).value(QStringLiteral("cloud")) - 0.02) < 1e-9);
    QVERIFY(qAbs(page.data().totalCost - 0.04) < 1e-9);
    page.setRangeMinutes(7 * 24 * 60);
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.data().total, 11);

    // Endpoint health follows the live stats.
    m_service->setStatsInterval(100);
    page.show();
    QTRY_COMPARE_WITH_TIMEOUT(page.endpointTable()->rowCount(), 2, 5000);
    QCOMPARE(page.endpointTable()->item(0, 0)->text(), QStringLiteral("onprem-1"));
    QCOMPARE(page.endpointTable()->item(1, 1)->text(), QStringLiteral("Cloud"));
    QCOMPARE(page.endpointTable()->item(0, 3)->text(), QStringLiteral("0 / %1").arg(m_service->snapshot()->config.endpoints.first().capacity));
    m_service->setStatsInterval(1000);
}

void tst_DecisionsPage::reviewAndFlagDecisions()
{
    DecisionsPage page(m_service.get());
    page.show();
    QSignalSpy refreshed(&page, &DecisionsPage::refreshed);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    QSignalSpy finished(&page, &DecisionsPage::reviewFinished);
    QSignalSpy changed(m_service.get(), &service::GatewayService::reviewsChanged);

    // Nothing selected: nothing to mark.
    page.view()->setCurrentIndex(QModelIndex());
    QVERIFY(!page.markSelected(QStringLiteral("reviewed")));

    QVERIFY(page.selectFirst(AuditTableModel::Time, page.view()->model()->index(0, AuditTableModel::Time).data().toString()));
    page.setFilterText(QStringLiteral("req_003"));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    page.view()->setCurrentIndex(page.view()->model()->index(0, 0));
    QTest::keyClicks(page.reviewCommentEdit(), QStringLiteral("expected: card number in a prompt"));
    QTest::mouseClick(page.markReviewedButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.last().first().toBool(), qPrintable(finished.last().at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 5000);
    QCOMPARE(page.view()->model()->index(0, AuditTableModel::Review).data().toString(), QStringLiteral("Reviewed"));
    QVERIFY(page.view()->model()->index(0, AuditTableModel::Review).data(Qt::ToolTipRole).toString().contains(QLatin1String("card number")));
    QVERIFY(page.reviewCommentEdit()->text().isEmpty());

    // A flag needs a comment: refused before anything is stored.
    page.setFilterText(QStringLiteral("req_007"));
    page.view()->setCurrentIndex(page.view()->model()->index(0, 0));
    QVERIFY(!page.markSelected(QStringLiteral("flagged")));
    QCOMPARE(finished.count(), 2);
    QVERIFY(!finished.last().first().toBool());
    QCOMPARE(changed.count(), 1);
    page.reviewCommentEdit()->setText(QStringLiteral("bot sends card numbers; ask the owner"));
    QTest::mouseClick(page.flagButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.last().first().toBool());
    QCOMPARE(page.view()->model()->index(0, AuditTableModel::Review).data().toString(), QStringLiteral("Flagged"));

    // The review filter: unreviewed / flagged / reviewed.
    page.setFilterText(QString());
    page.setReviewFilter(QStringLiteral("flagged"));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    page.setReviewFilter(QStringLiteral("reviewed"));
    QCOMPARE(page.view()->model()->rowCount(), 1);
    page.setReviewFilter(QStringLiteral("unreviewed"));
    QCOMPARE(page.view()->model()->rowCount(), 8);
    page.setReviewFilter(QString());

    // Stored in core: a fresh page sees them, and each action is in the decision's log.
    DecisionsPage other(m_service.get());
    QSignalSpy otherRefreshed(&other, &DecisionsPage::refreshed);
    other.refresh();
    QVERIFY(otherRefreshed.wait(10000));
    other.setReviewFilter(QStringLiteral("flagged"));
    QTRY_COMPARE_WITH_TIMEOUT(other.view()->model()->rowCount(), 1, 5000);
    QCOMPARE(other.model()->record(other.proxy()->mapToSource(other.view()->model()->index(0, 0)).row())->requestId, QStringLiteral("req_007"));
    auto log = m_service->decisionReviewLog(QStringLiteral("req_003"));
    log.waitForFinished();
    QVERIFY(log.result().ok);
    QCOMPARE(log.result().reviews.size(), 1);
    QCOMPARE(log.result().reviews.first().status, QStringLiteral("reviewed"));
    QCOMPARE(log.result().reviews.first().reviewer, service::GatewayService::currentUser());
    QCOMPARE(log.result().reviews.first().comment, QStringLiteral("expected: card number in a prompt"));
}

QTEST_MAIN(tst_DecisionsPage)
#include "tst_decisionspage.moc"
