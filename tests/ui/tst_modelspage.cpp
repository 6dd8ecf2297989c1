// SPDX-License-Identifier: Apache-2.0
#include "TestGatewayConfig.h"
#include "service/GatewayService.h"
#include "ui/ModelEditDialog.h"
#include "ui/ModelsPage.h"
#include "ui/RegistryCloudModel.h"
#include "ui/RegistryHistoryModel.h"
#include "ui/RegistryModelsModel.h"
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using perimeter::ui::ModelEditDialog;
using perimeter::ui::ModelsPage;
using perimeter::ui::RegistryModelsModel;

class tst_ModelsPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void showsSeededOnPremAndPricedCloudModels();
    void addModelEndToEnd();
    void invalidModelIsRefusedWithProblems();
    void editAndRetireWithHistory();
    void itemModelsPassTheTester();

private:
    bool loadView(ModelsPage &page);
    gateway::SimulationResult simulate(const QString &model);
    static void clickOk(ModelEditDialog *dialog);

    QTemporaryDir m_dir;
    std::unique_ptr<service::GatewayService> m_service;
};

void tst_ModelsPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = testing::writeGatewayConfig(m_dir.path());
    m_service = std::make_unique<service::GatewayService>();
    QSignalSpy started(m_service.get(), &service::GatewayService::started);
    m_service->start(config);
    QVERIFY(started.wait(20000));
}

void tst_ModelsPage::cleanupTestCase()
{
    m_service.reset();
}

bool tst_ModelsPage::loadView(ModelsPage &page)
{
    QSignalSpy loaded(&page, &ModelsPage::viewLoaded);
    page.refresh();
    return loaded.wait(10000) && loaded.last().at(0).toBool();
}

gateway::SimulationResult tst_ModelsPage::simulate(const QString &model)
{
    QSignalSpy finished(m_service.get(), &service::GatewayService::simulationFinished);
    gateway::SimulationRequest request;
    request.body = QByteArrayLiteral("{\"model\": \"") + model.toUtf8() + QByteArrayLiteral("\", \"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}");
    m_service->simulate(request);
    if (!finished.wait(10000))
        return {};
    return finished.last().at(1).value<gateway::SimulationResult>();
}

void tst_ModelsPage::clickOk(ModelEditDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

void tst_ModelsPage::showsSeededOnPremAndPricedCloudModels()
{
    ModelsPage page(m_service.get());
    QVERIFY(loadView(page));
    auto *onPrem = page.onPremModel();
    // llama-3-70b and text-embed have an on-prem endpoint: seeded; gpt-4o is cloud only.
    QVERIFY(onPrem->rowOf(QStringLiteral("llama-3-70b"), QStringLiteral("1")) >= 0);
    const int embed = onPrem->rowOf(QStringLiteral("text-embed"), QStringLiteral("1"));
    QVERIFY(embed >= 0);
    QCOMPARE(onPrem->rowOf(QStringLiteral("gpt-4o"), QStringLiteral("1")), -1);
    QVERIFY(onPrem->isServed(embed));
    QCOMPARE(onPrem->index(embed, RegistryModelsModel::Endpoints).data().toString(), QStringLiteral("onprem-1"));
    QCOMPARE(onPrem->index(embed, RegistryModelsModel::Kind).data().toString(), QStringLiteral("embedding"));
    QCOMPARE(onPrem->index(embed, RegistryModelsModel::Status).data().toString(), QStringLiteral("active, served"));
    // No request has failed on onprem-1 and probes are off: the endpoint counts as up.
    QVERIFY(onPrem->index(embed, RegistryModelsModel::Health).data().toString().startsWith(QStringLiteral("healthy (1/1")));

    auto *cloud = page.cloudModel();
    QCOMPARE(cloud->rowCount(), 2); // gpt-4o and the hybrid text-embed
    int gpt = -1;
    for (int i = 0; i < cloud->rowCount(); ++i) {
        if (cloud->model(i)->name == QLatin1String("gpt-4o"))
            gpt = i;
    }
    QVERIFY(gpt >= 0);
    QVERIFY(cloud->model(gpt)->price.has_value());
    QVERIFY(cloud->model(gpt)->price->inputPer1M > 0.0);
    QVERIFY(cloud->index(gpt, ui::RegistryCloudModel::InputPrice).data().toString().contains(QStringLiteral("USD")));
    const int hybrid = 1 - gpt;
    QVERIFY(cloud->model(hybrid)->alsoOnPrem);
    QVERIFY(cloud->index(hybrid, ui::RegistryCloudModel::Name).data().toString().contains(QStringLiteral("also on-prem")));
}

void tst_ModelsPage::addModelEndToEnd()
{
    QCOMPARE(simulate(QStringLiteral("qwen-32b")).reason, QStringLiteral("model_not_found"));

    ModelsPage page(m_service.get());
    page.show();
    QVERIFY(loadView(page));
    ModelEditDialog *dialog = page.openAddDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("qwen-32b"));
    QTest::keyClicks(dialog->versionEdit(), QStringLiteral("2024-09"));
    dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findData(QStringLiteral("chat")));
    QCOMPARE(dialog->endpointList()->count(), 1); // only on-prem endpoints are offered
    dialog->endpointList()->item(0)->setCheckState(Qt::Checked);
    dialog->contextLengthSpin()->setValue(32768);
    dialog->capacitySpin()->setValue(12);
    QTest::keyClicks(dialog->commentEdit(), QStringLiteral("GUI test"));

    QSignalSpy finished(&page, &ModelsPage::changeFinished);
    QSignalSpy reloaded(&page, &ModelsPage::viewLoaded);
    clickOk(dialog);
    QVERIFY(finished.wait(10000));
    const auto result = finished.last().at(0).value<service::RegistryChangeResult>();
    QVERIFY2(result.ok, qPrintable(result.problems.join(QLatin1Char('\n')) + result.message));
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(page.onPremModel()->rowOf(QStringLiteral("qwen-32b"), QStringLiteral("2024-09")) >= 0, 10000);
    const int row = page.onPremModel()->rowOf(QStringLiteral("qwen-32b"), QStringLiteral("2024-09"));
    QVERIFY(page.onPremModel()->isServed(row));
    QCOMPARE(page.onPremModel()->record(row)->contextLength, 32768);
    QCOMPARE(page.onPremModel()->record(row)->capacity, 12);
    QVERIFY(page.onPremModel()->record(row)->updatedBy.startsWith(QStringLiteral("console")));

    // The embedded gateway routes it now, without a restart: to the on-prem endpoint.
    gateway::SimulationResult routed;
    QTRY_VERIFY_WITH_TIMEOUT((routed = simulate(QStringLiteral("qwen-32b"))).reason != QLatin1String("model_not_found"), 5000);
    QCOMPARE(routed.route.endpointId, QStringLiteral("onprem-1"));
    QVERIFY(page.statusText().contains(QStringLiteral("qwen-32b")));
}

void tst_ModelsPage::invalidModelIsRefusedWithProblems()
{
    ModelsPage page(m_service.get());
    page.show();
    QVERIFY(loadView(page));
    ModelEditDialog *dialog = page.openAddDialog();
    QVERIFY(dialog);
    // Incomplete: caught by the form, nothing is sent.
    QSignalSpy finished(&page, &ModelsPage::changeFinished);
    clickOk(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(dialog->shownProblems().size(), 3);
    QVERIFY(!dialog->nameEdit()->styleSheet().isEmpty());

    // Complete but invalid: the registry's own validation answers, every problem listed.
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("llama 3"));
    QTest::keyClicks(dialog->versionEdit(), QStringLiteral("1"));
    dialog->endpointList()->item(0)->setCheckState(Qt::Checked);
    clickOk(dialog);
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.last().at(0).value<service::RegistryChangeResult>().ok);
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->shownProblems().filter(QStringLiteral("name: may contain only")).size() == 1, qPrintable(dialog->shownProblems().join(QLatin1Char('\n'))));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("modelProblems"))->isVisible());

    // A duplicate name+version.
    dialog->nameEdit()->setText(QStringLiteral("llama-3-70b"));
    clickOk(dialog);
    QVERIFY(finished.wait(10000));
    QVERIFY(dialog->shownProblems().filter(QStringLiteral("llama-3-70b version 1 is already registered")).size() == 1);
    QVERIFY(dialog->nameEdit()->styleSheet().isEmpty());
    QVERIFY(!dialog->versionEdit()->styleSheet().isEmpty());
    dialog->reject();
}

void tst_ModelsPage::editAndRetireWithHistory()
{
    ModelsPage page(m_service.get());
    page.show();
    QVERIFY(loadView(page));
    page.selectModel(QStringLiteral("llama-3-70b"), QStringLiteral("1"));
    ModelEditDialog *dialog = page.openEditDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->nameEdit()->isReadOnly());
    QCOMPARE(dialog->capacitySpin()->value(), 64); // seeded: the endpoint's capacity
    dialog->capacitySpin()->setValue(16);
    QSignalSpy finished(&page, &ModelsPage::changeFinished);
    clickOk(dialog);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.last().at(0).value<service::RegistryChangeResult>().ok);

    QSignalSpy history(&page, &ModelsPage::historyLoaded);
    QTRY_VERIFY_WITH_TIMEOUT(page.onPremModel()->rowOf(QStringLiteral("llama-3-70b"), QStringLiteral("1")) >= 0
                                 && page.onPremModel()->record(page.onPremModel()->rowOf(QStringLiteral("llama-3-70b"), QStringLiteral("1")))->capacity == 16,
                             10000);
    page.selectModel(QStringLiteral("llama-3-70b"), QStringLiteral("1"));
    page.retireSelected(QStringLiteral("end of life"));
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.last().at(0).value<service::RegistryChangeResult>().ok);
    QTRY_COMPARE_WITH_TIMEOUT(simulate(QStringLiteral("llama-3-70b")).reason, QStringLiteral("model_not_found"), 5000);

    page.selectModel(QStringLiteral("llama-3-70b"), QStringLiteral("1"));
    QTRY_VERIFY_WITH_TIMEOUT(page.historyModel()->rowCount() == 3, 10000);
    auto *h = page.historyModel();
    // Newest first: retire, edit, seed.
    QCOMPARE(h->entry(0)->action, QStringLiteral("retire"));
    QCOMPARE(h->entry(0)->comment, QStringLiteral("end of life"));
    QCOMPARE(h->entry(1)->action, QStringLiteral("edit"));
    QCOMPARE(h->index(1, ui::RegistryHistoryModel::Change).data().toString(), QStringLiteral("capacity: 64 -> 16"));
    QCOMPARE(h->entry(2)->action, QStringLiteral("seed"));
    QVERIFY(h->index(0, ui::RegistryHistoryModel::Change).data(Qt::ToolTipRole).toString().contains(QStringLiteral("retired")));
    const int row = page.onPremModel()->rowOf(QStringLiteral("llama-3-70b"), QStringLiteral("1"));
    QVERIFY(!page.onPremModel()->isServed(row));
    QCOMPARE(page.onPremModel()->index(row, RegistryModelsModel::Status).data().toString(), QStringLiteral("retired"));
}

void tst_ModelsPage::itemModelsPassTheTester()
{
    ModelsPage page(m_service.get());
    QAbstractItemModelTester onPrem(page.onPremModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester cloud(page.cloudModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester history(page.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(loadView(page));
    page.selectModel(QStringLiteral("text-embed"), QStringLiteral("1"));
    QSignalSpy loaded(&page, &ModelsPage::historyLoaded);
    QVERIFY(loaded.wait(10000));
    QVERIFY(page.onPremModel()->rowCount() >= 2);
    QVERIFY(page.historyModel()->rowCount() >= 1);
    QVERIFY(loadView(page)); // a second reset with data present
    for (int c = 0; c < page.onPremModel()->columnCount(); ++c)
        QVERIFY(!page.onPremModel()->headerData(c, Qt::Horizontal).toString().isEmpty());
}

QTEST_MAIN(tst_ModelsPage)
#include "tst_modelspage.moc"
