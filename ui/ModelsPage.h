// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "service/RegistryResults.h"
#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTimer;
class QGroupBox;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

class ModelEditDialog;
class RegistryCloudModel;
class RegistryHistoryModel;
class RegistryModelsModel;

// "Models": the on-prem model registry (add, edit, retire, version history) with the health
// of each model's endpoints, and the cloud models beside it with their prices. Everything goes
// through GatewayService; the embedded gateway serves a change as soon as it is stored.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    explicit ModelsPage(service::GatewayService *service, QWidget *parent = nullptr);

    RegistryModelsModel *onPremModel() const { return m_onPrem; }
    RegistryCloudModel *cloudModel() const { return m_cloud; }
    RegistryHistoryModel *historyModel() const { return m_history; }
    QTableView *onPremView() const { return m_onPremView; }
    QString statusText() const;
    // The dialogs open window-modal and are returned so tests (and shortcuts) can drive them.
    ModelEditDialog *openAddDialog();
    ModelEditDialog *openEditDialog();
    // Retires the selected version without asking (the Retire action asks first).
    void retireSelected(const QString &comment);
    void selectModel(const QString &name, const QString &version);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // After every refresh of the tables (ok false: the gateway is not running or the
    // registry cannot be read; statusText() says why).
    void viewLoaded(bool ok);
    void historyLoaded();
    // After every add/edit/retire attempt.
    void changeFinished(const perimeter::service::RegistryChangeResult &result);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void retranslate();
    void applyView(const service::RegistryView &view);
    void loadHistory();
    void submit(ModelEditDialog *dialog);
    void confirmRetire();
    void updateActions();
    const registry::ModelRecord *selectedRecord() const;
    void setStatus(const QString &text);

    service::GatewayService *m_service;
    service::RegistryView m_view;
    RegistryModelsModel *m_onPrem;
    RegistryCloudModel *m_cloud;
    RegistryHistoryModel *m_history;
    QSortFilterProxyModel *m_onPremProxy;
    QSortFilterProxyModel *m_cloudProxy;
    QTableView *m_onPremView;
    QTableView *m_cloudView;
    QTableView *m_historyView;
    QGroupBox *m_onPremBox;
    QGroupBox *m_cloudBox;
    QGroupBox *m_historyBox;
    QLabel *m_intro;
    QLabel *m_status;
    QAction *m_addAction;
    QAction *m_editAction;
    QAction *m_retireAction;
    QAction *m_refreshAction;
    QTimer *m_healthTimer;
    QPointer<ModelEditDialog> m_dialog;
    QString m_statusText;
    QString m_lastChange; // kept in the status line across refreshes
    QString m_historyName;
    bool m_loading = false;
};

} // namespace perimeter::ui
