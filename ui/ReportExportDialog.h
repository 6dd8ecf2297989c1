// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "report/ReportExportJob.h"
#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

// "Export report…": writes an audit report (PDF, CSV, JSON) for a period and filter through
// the core's ReportExportJob (GatewayService::exportReport), which runs on a worker thread, so
// the dialog shows progress and can cancel without the UI ever waiting on the store. A
// cancelled or failed export leaves no file (the job writes through QSaveFile).
class ReportExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReportExportDialog(service::GatewayService *service, QWidget *parent = nullptr);
    ~ReportExportDialog() override;

    // The value filters (tier, decision, …) and period to export; `notApplied` names page
    // filters the report cannot express (shown, so the user knows the report is wider).
    void setFilter(const report::AuditFilter &filter, const QStringList &notApplied = {});
    void setFormat(const QString &format); // "pdf", "csv", "json"
    void setOutputPath(const QString &path);
    void setIncludeRecords(bool include);
    // The request the current widgets describe.
    report::ExportRequest request() const;

    bool isExporting() const { return !m_job.isNull(); }
    QString errorText() const;
    QString statusText() const;
    int progress() const;
    QPushButton *exportButton() const { return m_export; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *browseButton() const { return m_browse; }

public Q_SLOTS:
    // Checks the request (every problem listed) and starts the export; false when it did not start.
    bool startExport();
    void cancelExport();
    // Opens a (non-native) save dialog for the output file.
    void browse();

Q_SIGNALS:
    void exportSucceeded(const QString &path, qint64 records);
    void exportFailed(const QString &message);
    void exportCancelled();

protected:
    void changeEvent(QEvent *event) override;
    void reject() override;

private:
    void setRunning(bool running);
    void showError(const QString &message);
    void updatePeriodEnabled();
    void updateFilterText();
    void retranslate();

    service::GatewayService *m_service;
    report::AuditFilter m_filter; // value filters; the period comes from the widgets
    QStringList m_notApplied;
    QPointer<report::ReportExportJob> m_job;

    QLabel *m_periodLabel;
    QCheckBox *m_wholeTrail;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_filterLabel;
    QLabel *m_filterText;
    QLabel *m_formatLabel;
    QComboBox *m_format;
    QCheckBox *m_includeRecords;
    QLabel *m_outputLabel;
    QLineEdit *m_output;
    QPushButton *m_browse;
    QProgressBar *m_progress;
    QLabel *m_status;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_export;
    QPushButton *m_cancel;
    QPushButton *m_close;
};

} // namespace perimeter::ui
