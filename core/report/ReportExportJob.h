// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditAnalytics.h"
#include "AuditFilter.h"
#include "observe/AuditStore.h"
#include <QFuture>
#include <QObject>
#include <atomic>
#include <memory>

namespace perimeter::report {

// What to export: the period and filter, the format ("csv", "json", "pdf": whatever
// ReportRendererRegistry has) and where to.
struct ExportRequest {
    AuditFilter filter;
    QString format = QStringLiteral("pdf");
    QString outputPath;
    bool includeRecords = true;
};

// Writes one audit report on a worker thread (the global thread pool) with progress and
// cancellation: the console's "export report" runs this, so the UI thread never waits on the
// store. The file appears only when the report is complete (QSaveFile): a cancelled or failed
// export leaves nothing behind and never a truncated report.
//
// Signals arrive on the thread the job lives on (queued from the worker), so a dialog can
// connect them straight to its widgets. Exactly one of succeeded(), failed() or cancelled()
// follows start(). Destroying a running job cancels it and waits for the worker to stop (at
// most the step in progress, e.g. the chain verification); signals still queued are dropped.
class ReportExportJob : public QObject {
    Q_OBJECT
public:
    ReportExportJob(std::shared_ptr<const observe::AuditStore> store, std::shared_ptr<const AuditAnalytics> analytics,
                    ExportRequest request, QObject *parent = nullptr);
    ~ReportExportJob() override;

    const ExportRequest &request() const { return m_request; }
    // Checks the request (format known, output path given) and starts; false when already
    // started. A bad request is reported through failed() like any other failure.
    bool start();
    // Thread-safe; the job stops at its next progress step and emits cancelled().
    void cancel() { m_cancel.store(true); }
    bool isRunning() const { return m_future.isRunning(); }
    int progress() const { return m_progress.load(); }
    // Blocks until the worker is done (for tests and shutdown).
    void waitForFinished() { m_future.waitForFinished(); }

Q_SIGNALS:
    void progressChanged(int percent);                 // 0..100, only when it changes
    void succeeded(const QString &path, qint64 records);
    void failed(const QString &message);
    void cancelled();

private:
    void run();
    bool step(int percent);
    void emitFailed(const QString &message);
    void emitCancelled();

    const std::shared_ptr<const observe::AuditStore> m_store;
    const std::shared_ptr<const AuditAnalytics> m_analytics;
    const ExportRequest m_request;
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_progress{-1};
    bool m_started = false;
    QFuture<void> m_future;
};

} // namespace perimeter::report
