// SPDX-License-Identifier: Apache-2.0
#include "TestGatewayConfig.h"
#include "service/GatewayService.h"
#include "ui/MainWindow.h"
#include <QAction>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace perimeter;
using perimeter::ui::MainWindow;

class tst_MainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keyboardNavigation_data();
    void keyboardNavigation();
    void sidebarNavigation();
    void statusBarFollowsTheGateway();
    void failedStartIsShown();
    void bannerCanBeDismissed();
    void geometryAndPageAreRemembered();

private:
    QTemporaryDir m_dir;
    QString m_config;
};

void tst_MainWindow::initTestCase()
{
    // Keeps QSettings away from the user's real configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("PerimeterTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_config = testing::writeGatewayConfig(m_dir.path());
}

void tst_MainWindow::keyboardNavigation_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("page");
    QTest::newRow("Ctrl+1 dashboard") << int(Qt::Key_1) << int(MainWindow::Dashboard);
    QTest::newRow("Ctrl+2 decisions") << int(Qt::Key_2) << int(MainWindow::Decisions);
    QTest::newRow("Ctrl+3 simulator") << int(Qt::Key_3) << int(MainWindow::Simulator);
    QTest::newRow("Ctrl+4 policy") << int(Qt::Key_4) << int(MainWindow::Policy);
}

void tst_MainWindow::keyboardNavigation()
{
    QFETCH(int, key);
    QFETCH(int, page);
    service::GatewayService service;
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.setCurrentPage(page == 0 ? 1 : 0);
    QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(window.currentPage(), page);
    QCOMPARE(window.findChild<QStackedWidget *>()->currentIndex(), page);
    QCOMPARE(window.findChild<QListWidget *>(QStringLiteral("navigation"))->currentRow(), page);
}

void tst_MainWindow::sidebarNavigation()
{
    service::GatewayService service;
    MainWindow window(&service);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QCOMPARE(nav->count(), int(MainWindow::PageCount));
    for (int i = MainWindow::PageCount - 1; i >= 0; --i) {
        const QRect rect = nav->visualItemRect(nav->item(i));
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.currentPage(), i);
        QCOMPARE(window.page(i)->isVisible(), true);
    }
    QCOMPARE(window.pageTitle(MainWindow::Simulator), QStringLiteral("Simulator"));
}

void tst_MainWindow::statusBarFollowsTheGateway()
{
    service::GatewayService service;
    MainWindow window(&service);
    window.setConfigPath(m_config);
    window.show();
    QVERIFY(window.statusText().contains(QLatin1String("Gateway down")));
    QVERIFY(window.startAction()->isEnabled());
    QVERIFY(!window.stopAction()->isEnabled());

    QSignalSpy started(&service, &service::GatewayService::started);
    window.startAction()->trigger();
    QVERIFY(started.wait(20000));
    QTRY_VERIFY(window.statusText().contains(QLatin1String("Gateway up")));
    QVERIFY2(window.statusText().contains(service.listenUrl()), qPrintable(window.statusText()));
    QVERIFY(window.statusText().contains(QStringLiteral("Policy %1").arg(service.policyVersion())));
    QVERIFY(!window.startAction()->isEnabled());
    QVERIFY(window.stopAction()->isEnabled());
    service.setStatsInterval(100);
    QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QLatin1String("req/s")), 5000);

    QSignalSpy stopped(&service, &service::GatewayService::stopped);
    window.stopAction()->trigger();
    QVERIFY(stopped.wait(10000));
    QVERIFY(window.statusText().contains(QLatin1String("Gateway down")));
    QVERIFY(!window.statusText().contains(QLatin1String("req/s")));
    QVERIFY(window.startAction()->isEnabled());
}

void tst_MainWindow::failedStartIsShown()
{
    service::GatewayService service;
    MainWindow window(&service);
    window.setConfigPath(m_dir.path() + QStringLiteral("/missing.json"));
    QSignalSpy failed(&service, &service::GatewayService::failed);
    window.startGateway();
    QVERIFY(failed.wait(10000));
    QVERIFY(window.statusText().contains(QLatin1String("failed to start")));
    QVERIFY(window.startAction()->isEnabled());
}

void tst_MainWindow::bannerCanBeDismissed()
{
    service::GatewayService service;
    MainWindow window(&service);
    window.show();
    QVERIFY(!window.isBannerVisible());
    window.showBanner(QStringLiteral("first run"));
    QVERIFY(window.isBannerVisible());
    QCOMPARE(window.bannerText(), QStringLiteral("first run"));
    QTest::mouseClick(window.findChild<QToolButton *>(QStringLiteral("bannerClose")), Qt::LeftButton);
    QVERIFY(!window.isBannerVisible());
}

void tst_MainWindow::geometryAndPageAreRemembered()
{
    service::GatewayService service;
    QSize size;
    {
        MainWindow window(&service);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.setCurrentPage(MainWindow::Simulator);
        size = window.size();
        window.close();
    }
    MainWindow again(&service);
    QCOMPARE(again.currentPage(), int(MainWindow::Simulator));
    QCOMPARE(again.size(), size);
    QCOMPARE(again.height(), 640);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
