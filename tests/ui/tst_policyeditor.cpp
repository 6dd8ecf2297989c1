// SPDX-License-Identifier: Apache-2.0
#include "TestGatewayConfig.h"
#include "service/GatewayService.h"
#include "ui/PolicyEditorPage.h"
#include "ui/PolicyHistoryModel.h"
#include "ui/PolicyLevelsModel.h"
#include "ui/PolicyMarkersModel.h"
#include "ui/PolicyModelRulesModel.h"
#include "ui/PolicyOverridesModel.h"
#include "ui/PolicyRecognizersModel.h"
#include "ui/PolicyTypesModel.h"
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using perimeter::ui::PolicyEditorPage;
using perimeter::ui::PolicyTableModel;

namespace {

// A document with every section the editor shows.
QJsonObject richDocument()
{
    const QByteArray json = QByteArrayLiteral(
        "{\"version\": \"rich-1\","
        " \"levels\": {\"public\": [\"onprem\", \"cloud\"], \"internal\": [\"onprem\", \"cloud\"], \"confidential\": [\"onprem\"], \"restricted\": []},"
        " \"overrides\": [{\"team\": \"risk\", \"levels\": {\"internal\": [\"onprem\"]}, \"comment\": \"risk stays home\"},"
        "                 {\"caller\": \"ci-bot\", \"exception\": true, \"levels\": {\"confidential\": [\"onprem\", \"cloud\"]}}],"
        " \"models\": {\"gpt-4o\": {\"teams\": [\"research\"], \"callers\": [\"alice\"]}},"
        " \"classifier\": {\"types\": {\"PHONE_NUMBER\": {\"level\": \"internal\", \"threshold\": 0.5}},"
        "                 \"disabled_types\": [\"DATE_TIME\"],"
        "                 \"markers\": [{\"name\": \"banners\", \"type\": \"ORG_MARKER\", \"score\": 1, \"terms\": [\"CONFIDENTIAL\", \"Project Nightingale\"]}],"
        "                 \"custom_recognizers\": [{\"name\": \"employee-id\", \"type\": \"EMPLOYEE_ID\", \"pattern\": \"EMP-[0-9]{6}\", \"score\": 0.8,"
        "                                          \"context\": [\"employee\"]}]}}");
    return QJsonDocument::fromJson(json).object();
}

std::unique_ptr<PolicyTableModel> makeModel(int section)
{
    switch (section) {
    case PolicyEditorPage::Levels:
        return std::make_unique<ui::PolicyLevelsModel>();
    case PolicyEditorPage::Types:
        return std::make_unique<ui::PolicyTypesModel>();
    case PolicyEditorPage::Overrides:
        return std::make_unique<ui::PolicyOverridesModel>();
    case PolicyEditorPage::Markers:
        return std::make_unique<ui::PolicyMarkersModel>();
    case PolicyEditorPage::Recognizers:
        return std::make_unique<ui::PolicyRecognizersModel>();
    default:
        return std::make_unique<ui::PolicyModelRulesModel>();
    }
}

} // namespace

class tst_PolicyEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelsPassTheTester_data();
    void modelsPassTheTester();
    void sectionsRoundTrip_data();
    void sectionsRoundTrip();
    void cellValidation_data();
    void cellValidation();
    void coreProblemsLandOnTheirCell_data();
    void coreProblemsLandOnTheirCell();
    void editMappingAndApply();
    void invalidEditIsRefused();
    void jsonViewDrivesTheTables();
    void rollbackRestoresAVersion();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<service::GatewayService> m_service;
    std::unique_ptr<PolicyEditorPage> m_page;
};

void tst_PolicyEditor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = testing::writeGatewayConfig(m_dir.path(), 0, true);
    QVERIFY(!config.isEmpty());
    m_service = std::make_unique<service::GatewayService>();
    QSignalSpy started(m_service.get(), &service::GatewayService::started);
    m_service->start(config);
    QVERIFY(started.wait(20000));
    m_page = std::make_unique<PolicyEditorPage>(m_service.get());
    m_page->resize(1100, 700);
    m_page->show();
    QSignalSpy validated(m_page.get(), &PolicyEditorPage::validated);
    QVERIFY(validated.wait(20000));
    QCOMPARE(validated.last().first().toBool(), true);
    QVERIFY(!m_page->isDirty());
}

void tst_PolicyEditor::cleanupTestCase()
{
    m_page.reset();
    m_service.reset();
}

void tst_PolicyEditor::modelsPassTheTester_data()
{
    QTest::addColumn<int>("section");
    QTest::newRow("levels") << int(PolicyEditorPage::Levels);
    QTest::newRow("types") << int(PolicyEditorPage::Types);
    QTest::newRow("overrides") << int(PolicyEditorPage::Overrides);
    QTest::newRow("markers") << int(PolicyEditorPage::Markers);
    QTest::newRow("recognizers") << int(PolicyEditorPage::Recognizers);
    QTest::newRow("model rules") << int(PolicyEditorPage::ModelRules);
}

void tst_PolicyEditor::modelsPassTheTester()
{
    QFETCH(int, section);
    auto model = makeModel(section);
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model->load(richDocument(), true);
    QVERIFY(model->rowCount() > 0);
    QVERIFY(!model->isDirty());
    // Edit, add and remove rows under the tester's eye.
    for (int c = 0; c < model->columnCount(); ++c) {
        const QModelIndex at = model->index(0, c);
        if (model->flags(at) & Qt::ItemIsUserCheckable)
            QVERIFY(model->setData(at, Qt::Checked, Qt::CheckStateRole));
        else if (model->flags(at) & Qt::ItemIsEditable)
            QVERIFY(model->setData(at, QStringLiteral("x"), Qt::EditRole));
    }
    QVERIFY(model->isDirty());
    if (model->canAddRows()) {
        const int rows = model->rowCount();
        QVERIFY(model->insertRows(rows, 1));
        QCOMPARE(model->rowCount(), rows + 1);
        QVERIFY(model->removeRows(0, 1));
        QCOMPARE(model->rowCount(), rows);
    } else {
        QVERIFY(!model->insertRows(0, 1));
    }
    model->revert();
    QVERIFY(!model->isDirty());
    model->load(QJsonObject(), true);
}

void tst_PolicyEditor::sectionsRoundTrip_data()
{
    modelsPassTheTester_data();
}

void tst_PolicyEditor::sectionsRoundTrip()
{
    QFETCH(int, section);
    auto model = makeModel(section);
    const QJsonObject rich = richDocument();
    model->load(rich, true);
    // Writing the section over the document leaves it as it was.
    QJsonObject out = rich;
    model->store(out);
    QCOMPARE(QJsonDocument(out).toJson(), QJsonDocument(rich).toJson());
    // Writing it into an empty document reproduces just that section.
    QJsonObject empty;
    model->store(empty);
    for (const QString &key : empty.keys()) {
        if (key == QLatin1String("classifier"))
            continue; // shared by several sections
        QCOMPARE(empty.value(key), rich.value(key));
    }
}

void tst_PolicyEditor::cellValidation_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    const int tiers = ui::PolicyLevelsModel::TiersColumn;
    QTest::newRow("tiers ok") << int(PolicyEditorPage::Levels) << 0 << tiers << QStringLiteral("cloud, onprem") << true;
    QTest::newRow("tiers none") << int(PolicyEditorPage::Levels) << 3 << tiers << QStringLiteral("none") << true;
    QTest::newRow("tiers unknown") << int(PolicyEditorPage::Levels) << 0 << tiers << QStringLiteral("onprem, moon") << false;
    QTest::newRow("tiers twice") << int(PolicyEditorPage::Levels) << 0 << tiers << QStringLiteral("cloud, cloud") << false;
    QTest::newRow("tiers empty") << int(PolicyEditorPage::Levels) << 0 << tiers << QString() << false;
    const int threshold = ui::PolicyTypesModel::ThresholdColumn;
    QTest::newRow("threshold ok") << int(PolicyEditorPage::Types) << 0 << threshold << QStringLiteral("0.35") << true;
    QTest::newRow("threshold empty") << int(PolicyEditorPage::Types) << 0 << threshold << QString() << true;
    QTest::newRow("threshold above 1") << int(PolicyEditorPage::Types) << 0 << threshold << QStringLiteral("1.5") << false;
    QTest::newRow("threshold text") << int(PolicyEditorPage::Types) << 0 << threshold << QStringLiteral("high") << false;
    QTest::newRow("type lower case") << int(PolicyEditorPage::Types) << 0 << int(ui::PolicyTypesModel::TypeColumn) << QStringLiteral("phone") << false;
    QTest::newRow("override name empty") << int(PolicyEditorPage::Overrides) << 0 << int(ui::PolicyOverridesModel::NameColumn) << QString() << false;
    QTest::newRow("override follows policy") << int(PolicyEditorPage::Overrides) << 0 << int(ui::PolicyOverridesModel::PublicColumn) << QString() << true;
    QTest::newRow("marker without terms") << int(PolicyEditorPage::Markers) << 0 << int(ui::PolicyMarkersModel::TermsColumn) << QStringLiteral(" ; ") << false;
    QTest::newRow("pattern ok") << int(PolicyEditorPage::Recognizers) << 0 << int(ui::PolicyRecognizersModel::PatternColumn) << QStringLiteral("\\bAB[0-9]+") << true;
    QTest::newRow("pattern broken") << int(PolicyEditorPage::Recognizers) << 0 << int(ui::PolicyRecognizersModel::PatternColumn) << QStringLiteral("([a-z") << false;
    QTest::newRow("model rule empty") << int(PolicyEditorPage::ModelRules) << 0 << int(ui::PolicyModelRulesModel::TeamsColumn) << QString() << true;
}

void tst_PolicyEditor::cellValidation()
{
    QFETCH(int, section);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    auto model = makeModel(section);
    model->load(richDocument(), true);
    const QModelIndex at = model->index(row, column);
    QVERIFY(model->data(at, PolicyTableModel::ErrorRole).toString().isEmpty());
    const QString baseline = model->data(at, Qt::EditRole).toString();
    QVERIFY(model->setData(at, value, Qt::EditRole));
    const QString error = model->data(at, PolicyTableModel::ErrorRole).toString();
    QCOMPARE(error.isEmpty(), valid);
    QCOMPARE(model->data(at, Qt::BackgroundRole).isValid(), !valid);
    QCOMPARE(model->localProblems().isEmpty(), valid);
    if (!valid)
        QVERIFY(model->localProblems().first().startsWith(model->cellPath(row, column) + QLatin1String(": ")));
    QCOMPARE(model->data(at, PolicyTableModel::DirtyRole).toBool(), value.trimmed() != baseline);
}

void tst_PolicyEditor::coreProblemsLandOnTheirCell_data()
{
    QTest::addColumn<int>("section");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::newRow("level") << int(PolicyEditorPage::Levels) << QStringLiteral("/levels/restricted: permits tier cloud") << 3
                           << int(ui::PolicyLevelsModel::TiersColumn);
    QTest::newRow("override tier item") << int(PolicyEditorPage::Overrides) << QStringLiteral("/overrides/1/levels/confidential/1: must be onprem")
                                        << 1 << int(ui::PolicyOverridesModel::ConfidentialColumn);
    QTest::newRow("override as a whole") << int(PolicyEditorPage::Overrides) << QStringLiteral("/overrides/0: must name exactly one") << 0
                                         << int(ui::PolicyOverridesModel::KindColumn);
    QTest::newRow("type threshold") << int(PolicyEditorPage::Types) << QStringLiteral("/classifier/types/PHONE_NUMBER/threshold: must be")
                                    << 1 << int(ui::PolicyTypesModel::ThresholdColumn);
    QTest::newRow("disabled type") << int(PolicyEditorPage::Types) << QStringLiteral("/classifier/disabled_types/0: must be a type name") << 0
                                   << int(ui::PolicyTypesModel::DisabledColumn);
    QTest::newRow("recognizer pattern") << int(PolicyEditorPage::Recognizers)
                                        << QStringLiteral("/classifier/custom_recognizers/0/pattern: not supported") << 0
                                        << int(ui::PolicyRecognizersModel::PatternColumn);
    QTest::newRow("marker term") << int(PolicyEditorPage::Markers) << QStringLiteral("/classifier/markers/0/terms/1: must be") << 0
                                 << int(ui::PolicyMarkersModel::TermsColumn);
    QTest::newRow("model rule") << int(PolicyEditorPage::ModelRules) << QStringLiteral("/models/gpt-4o/callers/0: must be") << 0
                                << int(ui::PolicyModelRulesModel::CallersColumn);
}

void tst_PolicyEditor::coreProblemsLandOnTheirCell()
{
    QFETCH(int, section);
    QFETCH(QString, problem);
    QFETCH(int, row);
    QFETCH(int, column);
    auto model = makeModel(section);
    model->load(richDocument(), true);
    QCOMPARE(model->setCoreProblems({problem, QStringLiteral("/routing/overflow_threshold: elsewhere")}), 1);
    for (int r = 0; r < model->rowCount(); ++r) {
        for (int c = 0; c < model->columnCount(); ++c) {
            const bool marked = !model->data(model->index(r, c), PolicyTableModel::ErrorRole).toString().isEmpty();
            QCOMPARE(marked, r == row && c == column);
        }
    }
}

void tst_PolicyEditor::editMappingAndApply()
{
    const QString before = m_service->policyVersion();
    QCOMPARE(before, QStringLiteral("test-1"));
    auto *types = m_page->sectionModel(PolicyEditorPage::Types);
    const int row = types->rowCount();
    QSignalSpy validated(m_page.get(), &PolicyEditorPage::validated);
    QVERIFY(types->insertRows(row, 1));
    QVERIFY(types->setData(types->index(row, ui::PolicyTypesModel::TypeColumn), QStringLiteral("PHONE_NUMBER")));
    QVERIFY(types->setData(types->index(row, ui::PolicyTypesModel::LevelColumn), QStringLiteral("restricted")));
    QVERIFY(types->setData(types->index(row, ui::PolicyTypesModel::ThresholdColumn), QStringLiteral("0.6")));
    QVERIFY(m_page->isDirty());
    QVERIFY(types->data(types->index(row, 0), PolicyTableModel::DirtyRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isValidationPending(), 20000);
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(m_page->applyButton()->isEnabled());
    // The tab with edits is marked, once.
    QCOMPARE(m_page->tabs()->tabText(PolicyEditorPage::Types).count(QChar(0x2022)), 1);
    QCOMPARE(m_page->tabs()->tabText(PolicyEditorPage::Levels).count(QChar(0x2022)), 0);
    // The JSON view follows the table.
    QVERIFY(m_page->jsonEditor()->toPlainText().contains(QLatin1String("PHONE_NUMBER")));

    QSignalSpy applied(m_page.get(), &PolicyEditorPage::applyFinished);
    QSignalSpy changed(m_service.get(), &service::GatewayService::policyChanged);
    QTest::mouseClick(m_page->applyButton(), Qt::LeftButton);
    QVERIFY(applied.wait(20000));
    QVERIFY2(applied.first().first().toBool(), qPrintable(applied.first().at(1).toString()));
    QVERIFY(changed.count() >= 1);
    // The gateway's active policy changed, and carries the new mapping.
    QVERIFY(m_service->policyVersion() != before);
    const auto policy = m_service->snapshot()->policy;
    QCOMPARE(policy->version(), m_service->policyVersion());
    QVERIFY(policy->classifierSettings().types.contains(QStringLiteral("PHONE_NUMBER")));
    QVERIFY(policy->classifierSettings().types.value(QStringLiteral("PHONE_NUMBER")).level == std::optional<Sensitivity>(Sensitivity::Restricted));
    // Written to the policy file, recorded in the history (the previous version too).
    QFile file(m_dir.path() + QStringLiteral("/policy.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("PHONE_NUMBER"));
    QTRY_VERIFY2_WITH_TIMEOUT(m_page->historyModel()->rowCount() >= 2, qPrintable(m_page->findChild<QLabel *>(QStringLiteral("policyStatus"))->text()), 10000);
    QCOMPARE(m_page->historyModel()->versionAt(0).version, m_service->policyVersion());
    QCOMPARE(m_page->historyModel()->versionAt(1).version, before);
    // Clean again: the applied policy is the new baseline.
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isValidationPending(), 20000);
    QVERIFY(!m_page->isDirty());
    QVERIFY(!m_page->applyButton()->isEnabled());
    QCOMPARE(m_page->tabs()->tabText(PolicyEditorPage::Types).count(QChar(0x2022)), 0);
}

void tst_PolicyEditor::invalidEditIsRefused()
{
    const QString before = m_service->policyVersion();
    auto *levels = m_page->sectionModel(PolicyEditorPage::Levels);
    // Restricted data to the cloud while confidential data may not go there: the core refuses.
    const QModelIndex restricted = levels->index(3, ui::PolicyLevelsModel::TiersColumn);
    QVERIFY(levels->setData(restricted, QStringLiteral("onprem, cloud")));
    QVERIFY(levels->data(restricted, PolicyTableModel::ErrorRole).toString().isEmpty()); // well-formed on its own
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isValidationPending(), 20000);
    QVERIFY(!m_page->isValid());
    const QStringList problems = m_page->problems();
    QVERIFY2(!problems.isEmpty() && problems.first().startsWith(QLatin1String("/levels/restricted: ")), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(!levels->data(restricted, PolicyTableModel::ErrorRole).toString().isEmpty()); // pinned on the cell
    QCOMPARE(m_page->findChild<QListWidget *>(QStringLiteral("policyProblems"))->count(), problems.size());
    QVERIFY(!m_page->applyButton()->isEnabled());
    QVERIFY(!m_page->applyChanges());

    // The service refuses an invalid document on its own too, with every problem by pointer.
    QSignalSpy finished(m_service.get(), &service::GatewayService::policyApplyFinished);
    m_service->applyPolicy(QByteArrayLiteral("{\"levels\": {\"public\": [\"moon\"]}, \"bogus\": 1}"), QString());
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().at(1).value<service::PolicyApplyResult>();
    QVERIFY(!result.applied);
    QVERIFY(result.problems.contains(QStringLiteral("/bogus: unknown key")) || result.problems.size() >= 2);
    for (const QString &p : result.problems)
        QVERIFY2(p.startsWith(QLatin1Char('/')), qPrintable(p));
    QCOMPARE(m_service->policyVersion(), before);

    m_page->revertChanges();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isValidationPending(), 20000);
    QVERIFY(m_page->isValid());
    QVERIFY(!m_page->isDirty());
}

void tst_PolicyEditor::jsonViewDrivesTheTables()
{
    QJsonObject doc = m_page->document();
    QJsonArray overrides;
    overrides.append(QJsonObject{{QStringLiteral("team"), QStringLiteral("qa")},
                                 {QStringLiteral("levels"), QJsonObject{{QStringLiteral("internal"), QJsonArray{QStringLiteral("onprem")}}}}});
    doc.insert(QStringLiteral("overrides"), overrides);
    m_page->jsonEditor()->setPlainText(QString::fromUtf8(QJsonDocument(doc).toJson()));
    auto *model = m_page->sectionModel(PolicyEditorPage::Overrides);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 5000);
    QCOMPARE(model->data(model->index(0, ui::PolicyOverridesModel::NameColumn)).toString(), QStringLiteral("qa"));
    QCOMPARE(model->data(model->index(0, ui::PolicyOverridesModel::InternalColumn)).toString(), QStringLiteral("onprem"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isValidationPending(), 20000);
    QVERIFY(m_page->isValid());
    QVERIFY(m_page->isDirty());

    // Broken JSON is a problem at "/" and cannot be applied.
    m_page->jsonEditor()->setPlainText(QStringLiteral("{\"levels\": "));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->problems().isEmpty() && m_page->problems().first().startsWith(QLatin1String("/: ")), 5000);
    QVERIFY(!m_page->applyButton()->isEnabled());
    m_page->revertChanges();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isValidationPending(), 20000);
    QVERIFY(!m_page->isDirty());
    QCOMPARE(model->rowCount(), 0);
}

void tst_PolicyEditor::rollbackRestoresAVersion()
{
    m_page->refreshHistory();
    QSignalSpy refreshed(m_page.get(), &PolicyEditorPage::historyRefreshed);
    QVERIFY(refreshed.wait(10000));
    auto *history = m_page->historyModel();
    QVERIFY(history->rowCount() >= 2);
    const auto target = history->versionAt(1);
    QSignalSpy applied(m_page.get(), &PolicyEditorPage::applyFinished);
    m_page->rollbackTo(target.sequence);
    QVERIFY(applied.wait(20000));
    QVERIFY2(applied.first().first().toBool(), qPrintable(applied.first().at(1).toString()));
    QCOMPARE(m_service->policyVersion(), target.version);
    QVERIFY(!m_service->snapshot()->policy->classifierSettings().types.contains(QStringLiteral("PHONE_NUMBER")));
    QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 3 && history->versionAt(0).comment.contains(QLatin1String("#")), 10000);
}

QTEST_MAIN(tst_PolicyEditor)
#include "tst_policyeditor.moc"
