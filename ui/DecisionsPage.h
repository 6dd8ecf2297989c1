// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "report/AuditFilter.h"
#include "service/AuditQueryResult.h"
#include "service/ReviewResult.h"
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
class ReportExportDialog;

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
    void setReviewFilter(const QString &review);     // "" any, "unreviewed", "flagged", "reviewed"
    QLineEdit *reviewCommentEdit() const { return m_reviewComment; }
    QPushButton *markReviewedButton() const { return m_markReviewed; }
    QPushButton *flagButton() const { return m_flag; }
    QString reviewStatusText() const;
    // Selects the first shown row whose column displays value.
    bool selectFirst(int column, const QString &value);
    // Period in hours back from now; 0 = the whole trail.
    void setPeriodHours(int hours);
    // The page's period, tier and decision filters as a report filter; the filters a report
    // cannot express (free text, review state) are named in `notApplied`.
    report::AuditFilter reportFilter(QStringList *notApplied = nullptr) const;
    QPushButton *exportButton() const { return m_export; }

public Q_SLOTS:
    void refresh();
    // Marks the selected decision "reviewed" or "flagged" with the comment field's text
    // (a flag needs one); stored and logged in core. False when nothing is selected.
    bool markSelected(const QString &status);
    // "Export current filter…": opens the report export dialog preset with reportFilter()
    // (non-modal, deleted when closed) and returns it.
    ReportExportDialog *exportCurrentFilter();

Q_SIGNALS:
    void refreshed();
    void reviewFinished(bool ok, const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onQueryFinished();
    void loadReviews();
    void loadReviewLog(const QString &requestId);
    void loadTrace(const QString &requestId);
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
    QComboBox *m_review;
    QComboBox *m_period;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QLabel *m_count;
    QTableView *m_view;
    QTreeWidget *m_details;
    QLabel *m_reviewLabel;
    QLineEdit *m_reviewComment;
    QPushButton *m_markReviewed;
    QPushButton *m_flag;
    QLabel *m_reviewStatus;
    QFutureWatcher<service::ReviewResult> m_reviewsWatcher;
    QList<observe::DecisionReview> m_reviewLog; // of the selected decision
    QString m_reviewLogFor;
    QByteArray m_traceJson;  // the decision trace of the selected decision (GatewayService::decisionTrace)
    QString m_traceFor;
};

} // namespace perimeter::ui
