// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "service/GatewayStats.h"
#include <QMainWindow>

class QAction;
class QFrame;
class QLabel;
class QListWidget;
class QStackedWidget;
class QSystemTrayIcon;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

class DashboardPage;
class DecisionsPage;
class ModelsPage;
class PolicyEditorPage;
class SimulatorPage;

// The console's main window: navigation sidebar, one page per screen, the embedded
// gateway's status in the status bar, start/stop, tray notifications.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum Page { Dashboard, Decisions, Simulator, Policy, Models, PageCount };

    explicit MainWindow(service::GatewayService *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The configuration start() uses.
    void setConfigPath(const QString &path);
    QString configPath() const { return m_configPath; }
    // A dismissible message above the pages (e.g. the first-run note).
    void showBanner(const QString &text);
    QString bannerText() const;
    bool isBannerVisible() const;

    int currentPage() const;
    void setCurrentPage(int page);
    QWidget *page(int page) const;
    QString pageTitle(int page) const;
    DashboardPage *dashboardPage() const { return m_dashboard; }
    DecisionsPage *decisionsPage() const { return m_decisions; }
    SimulatorPage *simulatorPage() const { return m_simulator; }
    PolicyEditorPage *policyEditorPage() const { return m_policyEditor; }
    ModelsPage *modelsPage() const { return m_models; }

    QString statusText() const; // the status bar's fields, for tests and accessibility
    QAction *startAction() const { return m_startAction; }
    QAction *stopAction() const { return m_stopAction; }
    QAction *exportReportAction() const { return m_exportReportAction; }

public Q_SLOTS:
    void startGateway();
    void stopGateway();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createTray();
    void updateState();
    void showStats(const service::GatewayStats &stats);
    void notify(const QString &title, const QString &message, bool warning = false);
    void restoreSettings();
    void saveSettings() const;
    void retranslate();

    service::GatewayService *m_service;
    QString m_configPath;
    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QFrame *m_banner;
    QLabel *m_bannerText;
    DashboardPage *m_dashboard;
    DecisionsPage *m_decisions;
    SimulatorPage *m_simulator;
    PolicyEditorPage *m_policyEditor;
    ModelsPage *m_models;
    QLabel *m_stateLabel;
    QLabel *m_urlLabel;
    QLabel *m_rpsLabel;
    QLabel *m_policyLabel;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_exportReportAction = nullptr;
    QList<QAction *> m_pageActions;
    QMenu *m_gatewayMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;
    QAction *m_showAction = nullptr;
    service::GatewayStats m_stats;
    QString m_lastError;
};

} // namespace perimeter::ui
