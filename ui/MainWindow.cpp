// SPDX-License-Identifier: Apache-2.0
#include "MainWindow.h"
#include "observe/AlertEvent.h"
#include "AppIcon.h"
#include "DashboardPage.h"
#include "DecisionsPage.h"
#include "ModelsPage.h"
#include "PolicyEditorPage.h"
#include "SimulatorPage.h"
#include "service/GatewayService.h"
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace perimeter::ui {

MainWindow::MainWindow(service::GatewayService *service, QWidget *parent) : QMainWindow(parent), m_service(service)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(AppIcon::icon());

    m_dashboard = new DashboardPage(service, this);
    m_decisions = new DecisionsPage(service, this);
    m_simulator = new SimulatorPage(service, this);
    m_policyEditor = new PolicyEditorPage(service, this);
    m_models = new ModelsPage(service, this);

    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setIconSize(QSize(24, 24));
    m_nav->setSpacing(2);
    m_nav->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const QStyle::StandardPixmap icons[] = {QStyle::SP_ComputerIcon, QStyle::SP_FileDialogDetailedView, QStyle::SP_MediaPlay, QStyle::SP_FileDialogContentsView,
                                             QStyle::SP_DriveNetIcon};
    for (int i = 0; i < PageCount; ++i)
        new QListWidgetItem(style()->standardIcon(icons[i]), QString(), m_nav);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_dashboard);
    m_stack->addWidget(m_decisions);
    m_stack->addWidget(m_simulator);
    m_stack->addWidget(m_policyEditor);
    m_stack->addWidget(m_models);

    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setWordWrap(true);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24, 24));
    auto *bannerClose = new QToolButton(m_banner);
    bannerClose->setObjectName(QStringLiteral("bannerClose"));
    bannerClose->setAutoRaise(true);
    bannerClose->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->addWidget(bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(bannerClose);
    m_banner->hide();
    connect(bannerClose, &QToolButton::clicked, m_banner, &QWidget::hide);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_stack, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_nav);
    splitter->addWidget(content);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({180, 1000});
    setCentralWidget(splitter);

    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("gatewayState"));
    m_urlLabel = new QLabel(this);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rpsLabel = new QLabel(this);
    m_policyLabel = new QLabel(this);
    statusBar()->addWidget(m_stateLabel);
    statusBar()->addWidget(m_urlLabel, 1);
    statusBar()->addPermanentWidget(m_rpsLabel);
    statusBar()->addPermanentWidget(m_policyLabel);

    createActions();
    createTray();

    connect(m_nav, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(m_service, &service::GatewayService::stateChanged, this, &MainWindow::updateState);
    connect(m_service, &service::GatewayService::statsUpdated, this, &MainWindow::showStats);
    connect(m_service, &service::GatewayService::started, this, [this](const QString &url, const QString &policy) {
        m_lastError.clear();
        m_stats = {};
        updateState();
        notify(tr("Gateway started"), tr("Listening on %1 with policy %2.").arg(url, policy));
    });
    connect(m_service, &service::GatewayService::stopped, this, [this]() {
        updateState();
        notify(tr("Gateway stopped"), tr("The embedded gateway no longer accepts requests."));
    });
    // Alert rules fire and resolve in the embedded gateway; the tray says so (the status bar
    // when there is no tray).
    connect(m_service, &service::GatewayService::alertEvent, this, [this](const observe::AlertEvent &event) {
        const bool firing = event.state == observe::AlertEvent::State::Firing;
        notify(firing ? tr("Alert firing: %1").arg(event.rule) : tr("Alert resolved: %1").arg(event.rule), event.message, firing);
    });
    connect(m_service, &service::GatewayService::failed, this, [this](const QString &message) {
        m_lastError = message;
        updateState();
        notify(tr("Gateway problem"), message, true);
    });

    retranslate();
    m_nav->setCurrentRow(0);
    restoreSettings();
    updateState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_gatewayMenu = menuBar()->addMenu(QString());
    m_startAction = m_gatewayMenu->addAction(style()->standardIcon(QStyle::SP_MediaPlay), QString(), this, &MainWindow::startGateway);
    m_startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_stopAction = m_gatewayMenu->addAction(style()->standardIcon(QStyle::SP_MediaStop), QString(), this, &MainWindow::stopGateway);
    m_stopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_gatewayMenu->addSeparator();
    // Exports what the Decisions page shows (its period, tier and decision filters).
    m_exportReportAction = m_gatewayMenu->addAction(QString(), this, [this]() { m_decisions->exportCurrentFilter(); });
    m_exportReportAction->setObjectName(QStringLiteral("exportReportAction"));
    m_exportReportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_gatewayMenu->addSeparator();
    m_quitAction = m_gatewayMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < PageCount; ++i) {
        auto *action = m_viewMenu->addAction(QString(), this, [this, i]() { setCurrentPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageActions.append(action);
    }

    auto *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("gatewayToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_startAction);
    toolbar->addAction(m_stopAction);
}

void MainWindow::createTray()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(AppIcon::icon(false), this);
    m_trayMenu = new QMenu(this);
    m_showAction = m_trayMenu->addAction(QString(), this, [this]() {
        showNormal();
        raise();
        activateWindow();
    });
    m_trayMenu->addAction(m_startAction);
    m_trayMenu->addAction(m_stopAction);
    m_trayMenu->addSeparator();
    m_trayMenu->addAction(m_quitAction);
    m_tray->setContextMenu(m_trayMenu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            showNormal();
            raise();
            activateWindow();
        }
    });
    m_tray->show();
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("Perimeter Console"));
    const QString titles[] = {tr("Dashboard"), tr("Decisions"), tr("Simulator"), tr("Policy"), tr("Models")};
    for (int i = 0; i < PageCount; ++i) {
        m_nav->item(i)->setText(titles[i]);
        m_pageActions.at(i)->setText(titles[i]);
    }
    // Longer (translated) page names must not be cut off when the window gets narrow.
    m_nav->setMinimumWidth(m_nav->sizeHintForColumn(0) + 2 * m_nav->frameWidth() + 12);
    m_gatewayMenu->setTitle(tr("&Gateway"));
    m_viewMenu->setTitle(tr("&View"));
    m_startAction->setText(tr("&Start"));
    m_startAction->setToolTip(tr("Start the embedded gateway (Ctrl+Shift+S)"));
    m_stopAction->setText(tr("S&top"));
    m_stopAction->setToolTip(tr("Stop accepting requests and let those in flight finish (Ctrl+Shift+X)"));
    m_quitAction->setText(tr("&Quit"));
    m_exportReportAction->setText(tr("&Export report…"));
    m_exportReportAction->setToolTip(tr("Write an audit report of the Decisions page's filter as PDF, CSV or JSON (Ctrl+E)"));
    if (m_showAction)
        m_showAction->setText(tr("Show the console"));
    updateState();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

QString MainWindow::pageTitle(int page) const
{
    return page >= 0 && page < PageCount ? m_nav->item(page)->text() : QString();
}

void MainWindow::setConfigPath(const QString &path)
{
    m_configPath = path;
    updateState();
}

void MainWindow::showBanner(const QString &text)
{
    m_bannerText->setText(text);
    m_banner->show();
}

QString MainWindow::bannerText() const
{
    return m_bannerText->text();
}

bool MainWindow::isBannerVisible() const
{
    return !m_banner->isHidden();
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::setCurrentPage(int page)
{
    if (page >= 0 && page < PageCount)
        m_nav->setCurrentRow(page);
}

QWidget *MainWindow::page(int page) const
{
    return m_stack->widget(page);
}

void MainWindow::startGateway()
{
    m_lastError.clear();
    m_service->start(m_configPath);
}

void MainWindow::stopGateway()
{
    m_service->stop();
}

void MainWindow::updateState()
{
    using State = service::GatewayService::State;
    const State state = m_service->state();
    m_startAction->setEnabled(state == State::Stopped && !m_configPath.isEmpty());
    m_stopAction->setEnabled(state == State::Running);
    switch (state) {
    case State::Stopped:
        m_stateLabel->setText(m_lastError.isEmpty() ? tr("Gateway down") : tr("Gateway down (failed to start)"));
        m_stateLabel->setToolTip(m_lastError);
        m_urlLabel->setText(m_configPath.isEmpty() ? QString() : tr("Configuration: %1").arg(m_configPath));
        break;
    case State::Starting:
        m_stateLabel->setText(tr("Gateway starting…"));
        break;
    case State::Running:
        m_stateLabel->setText(tr("Gateway up"));
        m_stateLabel->setToolTip(tr("Configuration: %1").arg(m_configPath));
        m_urlLabel->setText(tr("Listening on %1").arg(m_service->listenUrl()));
        break;
    case State::Stopping:
        m_stateLabel->setText(tr("Gateway stopping…"));
        break;
    }
    const bool running = state == State::Running;
    m_rpsLabel->setText(running ? tr("%1 req/s · %n in progress", nullptr, m_stats.requestsInProgress)
                                      .arg(QLocale().toString(m_stats.requestsPerSecond, 'f', 1))
                                : QString());
    m_policyLabel->setText(m_service->policyVersion().isEmpty() ? QString() : tr("Policy %1").arg(m_service->policyVersion()));
    if (m_tray) {
        m_tray->setIcon(AppIcon::icon(running));
        m_tray->setToolTip(tr("Perimeter: %1").arg(m_stateLabel->text()));
    }
}

void MainWindow::showStats(const service::GatewayStats &stats)
{
    m_stats = stats;
    updateState();
}

QString MainWindow::statusText() const
{
    QStringList parts;
    for (const auto *label : {m_stateLabel, m_urlLabel, m_rpsLabel, m_policyLabel}) {
        if (!label->text().isEmpty())
            parts.append(label->text());
    }
    return parts.join(QStringLiteral(" | "));
}

void MainWindow::notify(const QString &title, const QString &message, bool warning)
{
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, message, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 5000);
    else if (warning)
        statusBar()->showMessage(message, 10000);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    setCurrentPage(settings.value(QStringLiteral("page"), 0).toInt());
    settings.endGroup();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget()))
        settings.setValue(QStringLiteral("splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("page"), currentPage());
    settings.endGroup();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_tray)
        m_tray->hide();
    event->accept();
}

} // namespace perimeter::ui
