// SPDX-License-Identifier: Apache-2.0
#include "service/GatewayService.h"
#include "ui/DecisionsPage.h"
#include "ui/MainWindow.h"
#include "ui/PolicyEditorPage.h"
#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace perimeter;

// The German catalogue built by qt_add_translations is complete enough to switch the console
// at run time, and every screen retranslates on QEvent::LanguageChange.
class tst_Translations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void germanCatalogueSwitchesTheConsole();
};

void tst_Translations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_Translations::germanCatalogueSwitchesTheConsole()
{
    service::GatewayService service;
    ui::MainWindow window(&service);
    QCOMPARE(window.pageTitle(ui::MainWindow::Decisions), QStringLiteral("Decisions"));

    QTranslator german;
    QVERIFY(german.load(QStringLiteral(PERIMETER_BINARY_DIR "/app/perimeter/perimeter_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&german));
    // LanguageChange is posted, not sent.
    QTRY_COMPARE(window.pageTitle(ui::MainWindow::Decisions), QStringLiteral("Entscheidungen"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Perimeter-Konsole"));
    QCOMPARE(window.stopAction()->text(), QStringLiteral("S&toppen"));
    QVERIFY(window.statusText().contains(QLatin1String("Gateway gestoppt")));
    auto *search = window.decisionsPage()->findChild<QLineEdit *>(QStringLiteral("decisionSearch"));
    QVERIFY(search->placeholderText().startsWith(QLatin1String("Nach Aufrufer")));
    QCOMPARE(window.pageTitle(ui::MainWindow::Policy), QStringLiteral("Richtlinie"));
    QCOMPARE(window.policyEditorPage()->applyButton()->text(), QStringLiteral("An&wenden"));
    QCOMPARE(window.policyEditorPage()->tabs()->tabText(ui::PolicyEditorPage::HistoryTab), QStringLiteral("Ver&lauf"));
    QCOMPARE(window.decisionsPage()->flagButton()->text(), QStringLiteral("&Beanstanden"));
    QCOMPARE(window.exportReportAction()->text(), QStringLiteral("Bericht &exportieren…"));
    QCOMPARE(window.decisionsPage()->exportButton()->text(), QStringLiteral("Aktuellen Filter e&xportieren…"));

    QVERIFY(QCoreApplication::removeTranslator(&german));
    QTRY_COMPARE(window.pageTitle(ui::MainWindow::Decisions), QStringLiteral("Decisions"));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
