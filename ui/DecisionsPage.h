// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "service/AuditQueryResult.h"
#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

class AuditFilterProxyModel;
class AuditTableModel;

// Decision review: the audit trail of a period as a sortable, filterable table with a
// detail pane. Queries run off the UI thread.
class DecisionsPage : public QWidget {
    Q_OBJECT
public:
    explicit DecisionsPage(service::GatewayService *service, QWidget *parent = nullptr);

    AuditTableModel *model() const { return m_model; }
    AuditFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QTreeWidget *details() const { return m_details; }
    bool isLoading() const { return m_watcher.isRunning(); }
    QString statusText() const;

    void setFilterText(const QString &text);
    void setTierFilter(const QString &tier);         // "" any, "onprem", "cloud", "none"
    void setDecisionFilter(const QString &decision); // "" any, "routed", "rejected", "failed"
    // Selects the first shown row whose column displays value.
    bool selectFirst(int column, const QString &value);
    // Period in hours back from now; 0 = the whole trail.
    void setPeriodHours(int hours);

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onQueryFinished();
    void showDetails();
    void updateCount();
    void retranslate();

    service::GatewayService *m_service;
    AuditTableModel *m_model;
    AuditFilterProxyModel *m_proxy;
    QFutureWatcher<service::AuditQueryResult> m_watcher;
    bool m_refreshAgain = false;
    QString m_error;
    QLineEdit *m_search;
    QComboBox *m_tier;
    QComboBox *m_decision;
    QComboBox *m_period;
    QPushButton *m_refresh;
    QLabel *m_count;
    QTableView *m_view;
    QTreeWidget *m_details;
};

} // namespace perimeter::ui
