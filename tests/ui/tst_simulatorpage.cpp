// SPDX-License-Identifier: Apache-2.0
#include "TestGatewayConfig.h"
#include "service/GatewayService.h"
#include "ui/FindingsModel.h"
#include "ui/SimulatorPage.h"
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace perimeter;
using perimeter::ui::FindingsModel;
using perimeter::ui::SimulatorPage;

class tst_SimulatorPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelsComeFromTheConfig();
    void pastedCardNumberIsHighlighted_data();
    void pastedCardNumberIsHighlighted();
    void requestBodyFindingsAreHighlightedInTheRawJson();
    void everySampleLoadsAndSimulates();
    void callerLabelRaisesTheLevel();
    void editingClearsStaleHighlights();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<service::GatewayService> m_service;
};

void tst_SimulatorPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_service = std::make_unique<service::GatewayService>();
    QSignalSpy started(m_service.get(), &service::GatewayService::started);
    m_service->start(testing::writeGatewayConfig(m_dir.path()));
    QVERIFY(started.wait(20000));
}

void tst_SimulatorPage::cleanupTestCase()
{
    m_service.reset();
}

void tst_SimulatorPage::modelsComeFromTheConfig()
{
    SimulatorPage page(m_service.get());
    auto *models = page.findChild<QComboBox *>(QStringLiteral("modelCombo"));
    QVERIFY(models);
    QStringList names;
    for (int i = 0; i < models->count(); ++i)
        names.append(models->itemText(i));
    QCOMPARE(names, (QStringList{u"llama-3-70b"_s, u"gpt-4o"_s, u"text-embed"_s}));
    QCOMPARE(page.sampleFileNames().size(), 6);
}

void tst_SimulatorPage::pastedCardNumberIsHighlighted_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("traced");
    QTest::newRow("on-prem model: forwarded") << "llama-3-70b" << "onprem-1" << "onprem-1";
    QTest::newRow("cloud model: rejected") << "gpt-4o" << "residency_violation" << "hosted in cloud";
    QTest::newRow("embedding model: on-prem only") << "text-embed" << "onprem-1" << "onprem-1 (onprem): candidate";
}

void tst_SimulatorPage::pastedCardNumberIsHighlighted()
{
    QFETCH(QString, model);
    QFETCH(QString, decision);
    QFETCH(QString, traced);
    SimulatorPage page(m_service.get());
    QAbstractItemModelTester tester(page.findingsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    auto *editor = page.findChild<QPlainTextEdit *>(QStringLiteral("payloadEditor"));
    QVERIFY(editor);
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Refund card 4111 1111 1111 1111 today"));
    page.setModel(model);
    QSignalSpy shown(&page, &SimulatorPage::resultShown);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("simulateButton")), Qt::LeftButton);
    QVERIFY(shown.wait(10000));

    QCOMPARE(page.findingsModel()->rowCount(), 1);
    QCOMPARE(page.findingsModel()->index(0, FindingsModel::Type).data().toString(), QStringLiteral("CREDIT_CARD"));
    QVERIFY2(page.levelText().contains(QLatin1String("confidential")), qPrintable(page.levelText()));
    QVERIFY2(page.decisionText().contains(decision), qPrintable(page.decisionText()));
    QVERIFY(!page.traceLines().isEmpty());
    QVERIFY2(page.traceLines().join(QLatin1Char('\n')).contains(traced), qPrintable(page.traceLines().join(QLatin1Char('\n'))));
    QCOMPARE(page.highlights().size(), 1);
    const auto &h = page.highlights().constFirst();
    QCOMPARE(page.text().mid(h.start, h.end - h.start), QStringLiteral("4111 1111 1111 1111"));
    QCOMPARE(editor->extraSelections().size(), 1);
    QCOMPARE(editor->extraSelections().constFirst().cursor.selectedText(), QStringLiteral("4111 1111 1111 1111"));
}

void tst_SimulatorPage::requestBodyFindingsAreHighlightedInTheRawJson()
{
    SimulatorPage page(m_service.get());
    QVERIFY(page.loadSample(QStringLiteral("openai-chat-iban.json")));
    QCOMPARE(page.findChild<QComboBox *>(QStringLiteral("modelCombo"))->currentText(), QStringLiteral("gpt-4o"));
    QSignalSpy shown(&page, &SimulatorPage::resultShown);
    page.simulate();
    QVERIFY(shown.wait(10000));
    QStringList highlighted;
    for (const auto &h : page.highlights())
        highlighted.append(h.finding.type + QLatin1Char('=') + page.text().mid(h.start, h.end - h.start));
    QVERIFY2(highlighted.contains(QStringLiteral("IBAN=DE89 3704 0044 0532 0130 00")), qPrintable(highlighted.join(QLatin1Char(','))));
    QVERIFY2(highlighted.contains(QStringLiteral("EMAIL_ADDRESS=jan.schmidt@example.org")), qPrintable(highlighted.join(QLatin1Char(','))));
    QCOMPARE(page.highlights().size(), page.findingsModel()->rowCount());
    QVERIFY(page.decisionText().contains(QLatin1String("residency_violation")));
}

void tst_SimulatorPage::everySampleLoadsAndSimulates()
{
    SimulatorPage page(m_service.get());
    for (const auto &file : page.sampleFileNames()) {
        QVERIFY2(page.loadSample(file), qPrintable(file));
        QVERIFY(!page.text().isEmpty());
        QSignalSpy shown(&page, &SimulatorPage::resultShown);
        page.simulate();
        QVERIFY2(shown.wait(10000), qPrintable(file));
        QVERIFY2(page.levelText().contains(QLatin1String("Sensitivity")), qPrintable(file + QLatin1Char(':') + page.decisionText()));
        QCOMPARE(page.highlights().size(), page.findingsModel()->rowCount());
    }
    QVERIFY(!page.loadSample(QStringLiteral("no-such-sample.txt")));
}

void tst_SimulatorPage::callerLabelRaisesTheLevel()
{
    SimulatorPage page(m_service.get());
    page.setText(QStringLiteral("What is the capital of France?"));
    page.setModel(QStringLiteral("gpt-4o"));
    page.setCallerLabel(QStringLiteral("restricted"));
    QSignalSpy shown(&page, &SimulatorPage::resultShown);
    page.simulate();
    QVERIFY(shown.wait(10000));
    QCOMPARE(page.findingsModel()->rowCount(), 0);
    QVERIFY(page.levelText().contains(QLatin1String("restricted")));
    QVERIFY(page.decisionText().contains(QLatin1String("403")));
}

void tst_SimulatorPage::editingClearsStaleHighlights()
{
    SimulatorPage page(m_service.get());
    page.setText(QStringLiteral("card 4111 1111 1111 1111"));
    QSignalSpy shown(&page, &SimulatorPage::resultShown);
    page.simulate();
    QVERIFY(shown.wait(10000));
    QCOMPARE(page.highlights().size(), 1);
    page.setText(QStringLiteral("something else"));
    QCOMPARE(page.highlights().size(), 0);
    QCOMPARE(page.findChild<QPlainTextEdit *>(QStringLiteral("payloadEditor"))->extraSelections().size(), 0);
}

QTEST_MAIN(tst_SimulatorPage)
#include "tst_simulatorpage.moc"
