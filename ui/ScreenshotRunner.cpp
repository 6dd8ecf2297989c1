// SPDX-License-Identifier: Apache-2.0
#include "ScreenshotRunner.h"
#include "AuditTableModel.h"
#include "DashboardPage.h"
#include "DecisionsPage.h"
#include "MainWindow.h"
#include "SimulatorPage.h"
#include "service/GatewayService.h"
#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTimer>

namespace perimeter::ui {

namespace {
constexpr const char *kFileNames[] = {"dashboard", "decisions", "simulator"};
constexpr int kTimeoutMs = 30000;
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
    m_pendingLoads = 3;
    auto loaded = [this]() {
        if (--m_pendingLoads == 0)
            QTimer::singleShot(300, this, &ScreenshotRunner::capture);
    };
    connect(m_window->simulatorPage(), &SimulatorPage::resultShown, this, loaded, Qt::SingleShotConnection);
    connect(m_window->decisionsPage(), &DecisionsPage::refreshed, this, loaded, Qt::SingleShotConnection);
    connect(m_window->dashboardPage(), &DashboardPage::refreshed, this, loaded, Qt::SingleShotConnection);
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
        const QString path = QDir(m_directory).filePath(QStringLiteral("%1.png").arg(QLatin1String(kFileNames[page])));
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
