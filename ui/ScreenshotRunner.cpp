// SPDX-License-Identifier: Apache-2.0
#include "ScreenshotRunner.h"
#include "AuditTableModel.h"
#include "DashboardPage.h"
#include "DecisionsPage.h"
#include "ModelsPage.h"
#include "MainWindow.h"
#include "PolicyEditorPage.h"
#include "PolicyTypesModel.h"
#include "SimulatorPage.h"
#include "service/GatewayService.h"
#include <QCoreApplication>
#include <QDir>
#include <QLineEdit>
#include <QTabWidget>
#include <QPixmap>
#include <QTimer>

namespace perimeter::ui {

namespace {
constexpr int kTimeoutMs = 30000;

QString fileName(int page)
{
    switch (page) {
    case MainWindow::Dashboard:
        return QStringLiteral("dashboard");
    case MainWindow::Decisions:
        return QStringLiteral("decisions");
    case MainWindow::Simulator:
        return QStringLiteral("simulator");
    case MainWindow::Policy:
        return QStringLiteral("policy");
    case MainWindow::Models:
        return QStringLiteral("models");
    default:
        return QStringLiteral("page-%1").arg(page);
    }
}
} // namespace

ScreenshotRunner::ScreenshotRunner(MainWindow *window, service::GatewayService *service, QString directory, QObject *parent)
    : QObject(parent), m_window(window), m_service(service), m_directory(std::move(directory))
{
}

void ScreenshotRunner::run()
{
    QDir().mkpath(m_directory);
    QTimer::singleShot(kTimeoutMs, this, [this]() {
        if (!m_prepared) {
            qWarning("screenshots: the gateway did not start in time");
            Q_EMIT finished(1);
        }
    });
    // Wait until each page has real content, then capture them in one go.
    m_pendingLoads = 5;
    auto loaded = [this]() {
        if (--m_pendingLoads == 0)
            QTimer::singleShot(300, this, &ScreenshotRunner::capture);
    };
    connect(m_window->simulatorPage(), &SimulatorPage::resultShown, this, loaded, Qt::SingleShotConnection);
    // A flagged decision, so the review column and the detail pane show one.
    auto *decisions = m_window->decisionsPage();
    connect(decisions, &DecisionsPage::refreshed, this, [decisions, loaded, this]() {
        if (!decisions->selectFirst(AuditTableModel::Reason, QStringLiteral("residency_violation"))) {
            loaded();
            return;
        }
        connect(decisions, &DecisionsPage::reviewFinished, this, loaded, Qt::SingleShotConnection);
        decisions->reviewCommentEdit()->setText(tr("Card number sent towards a cloud model: ask the team why."));
        if (!decisions->markSelected(QStringLiteral("flagged")))
            loaded();
    }, Qt::SingleShotConnection);
    connect(m_window->dashboardPage(), &DashboardPage::refreshed, this, loaded, Qt::SingleShotConnection);
    connect(m_window->modelsPage(), &ModelsPage::viewLoaded, this, loaded, Qt::SingleShotConnection);
    // The policy editor with an edit pending: a type mapping added (dirty) and validated.
    auto *policy = m_window->policyEditorPage();
    connect(policy, &PolicyEditorPage::validated, this, [policy, loaded, this]() {
        auto *types = policy->sectionModel(PolicyEditorPage::Types);
        const int row = types->rowCount();
        connect(policy, &PolicyEditorPage::validated, this, loaded, Qt::SingleShotConnection);
        types->insertRows(row, 1);
        types->setData(types->index(row, PolicyTypesModel::TypeColumn), QStringLiteral("PHONE_NUMBER"));
        types->setData(types->index(row, PolicyTypesModel::LevelColumn), QStringLiteral("confidential"));
        types->setData(types->index(row, PolicyTypesModel::ThresholdColumn), QStringLiteral("0.6"));
        policy->tabs()->setCurrentIndex(PolicyEditorPage::Types);
    }, Qt::SingleShotConnection);
    prepare();
}

void ScreenshotRunner::prepare()
{
    m_window->simulatorPage()->loadSample(QStringLiteral("card-number.txt"));
    m_window->simulatorPage()->setModel(QStringLiteral("gpt-4o"));
    auto go = [this]() {
        m_prepared = true;
        m_window->simulatorPage()->setModel(QStringLiteral("gpt-4o"));
        m_window->simulatorPage()->simulate();
        m_window->decisionsPage()->setPeriodHours(0);
        m_window->decisionsPage()->refresh();
        m_window->dashboardPage()->setRangeMinutes(15);
        m_window->dashboardPage()->refresh();
        m_window->modelsPage()->refresh();
    };
    connect(m_service, &service::GatewayService::failed, this, [this](const QString &message) {
        qWarning("screenshots: the gateway failed to start: %s", qPrintable(message));
        Q_EMIT finished(1);
    });
    if (m_service->isRunning())
        go();
    else
        connect(m_service, &service::GatewayService::started, this, go, Qt::SingleShotConnection);
}

void ScreenshotRunner::capture()
{
    // Show a decision with findings in the detail pane.
    auto *decisions = m_window->decisionsPage();
    if (!decisions->selectFirst(AuditTableModel::Reason, QStringLiteral("residency_violation")))
        decisions->selectFirst(AuditTableModel::Decision, QStringLiteral("routed"));
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        m_window->setCurrentPage(page);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const QString path = QDir(m_directory).filePath(fileName(page) + QStringLiteral(".png"));
        if (!m_window->grab().save(path)) {
            qWarning("screenshots: cannot write %s", qPrintable(path));
            Q_EMIT finished(1);
            return;
        }
        m_saved.append(path);
    }
    Q_EMIT finished(0);
}

} // namespace perimeter::ui
