// SPDX-License-Identifier: Apache-2.0
#include "ReportExportJob.h"
#include "AuditReportBuilder.h"
#include "ReportRendererRegistry.h"
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace perimeter::report {

namespace {
// Building (summary, chain, records) takes most of an export; rendering the rest.
constexpr int kBuildShare = 70;
} // namespace

ReportExportJob::ReportExportJob(std::shared_ptr<const observe::AuditStore> store, std::shared_ptr<const AuditAnalytics> analytics,
                                 ExportRequest request, QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_analytics(std::move(analytics)), m_request(std::move(request))
{
}

ReportExportJob::~ReportExportJob()
{
    cancel();
    m_future.waitForFinished();
}

bool ReportExportJob::start()
{
    if (m_started)
        return false;
    m_started = true;
    m_future = QtConcurrent::run([this] { run(); });
    return true;
}

bool ReportExportJob::step(int percent)
{
    if (m_cancel.load())
        return false;
    if (m_progress.exchange(percent) != percent)
        QMetaObject::invokeMethod(this, [this, percent] { Q_EMIT progressChanged(percent); }, Qt::QueuedConnection);
    return true;
}

void ReportExportJob::emitFailed(const QString &message)
{
    QMetaObject::invokeMethod(this, [this, message] { Q_EMIT failed(message); }, Qt::QueuedConnection);
}

void ReportExportJob::emitCancelled()
{
    QMetaObject::invokeMethod(this, [this] { Q_EMIT cancelled(); }, Qt::QueuedConnection);
}

void ReportExportJob::run()
{
    if (!m_store || !m_analytics) {
        emitFailed(tr("No audit trail is open: start the gateway first."));
        return;
    }
    const auto renderer = ReportRendererRegistry::instance().find(m_request.format);
    if (!renderer) {
        emitFailed(ReportRendererRegistry::instance().unavailable(m_request.format).message);
        return;
    }
    if (m_request.outputPath.isEmpty()) {
        emitFailed(tr("No output file was given for the report."));
        return;
    }
    if (!step(0)) {
        emitCancelled();
        return;
    }
    auto built = AuditReportBuilder::build(*m_store, *m_analytics, m_request.filter, m_request.includeRecords,
                                           [this](int percent) { return step(percent * kBuildShare / 100); });
    if (!built) {
        if (built.error().code == AuditReportBuilder::cancelled().code)
            emitCancelled();
        else
            emitFailed(built.error().message);
        return;
    }
    QSaveFile file(m_request.outputPath);
    if (!file.open(QIODevice::WriteOnly)) {
        emitFailed(tr("Cannot write %1: %2").arg(m_request.outputPath, file.errorString()));
        return;
    }
    const Status rendered = renderer->render(built.value(), file, [this](int percent) {
        return step(kBuildShare + percent * (100 - kBuildShare) / 100);
    });
    if (!rendered) {
        file.cancelWriting();
        if (rendered.error().code == AuditReportBuilder::cancelled().code)
            emitCancelled();
        else
            emitFailed(rendered.error().message);
        return;
    }
    if (m_cancel.load()) {
        file.cancelWriting();
        emitCancelled();
        return;
    }
    if (!file.commit()) {
        emitFailed(tr("Cannot write %1: %2").arg(m_request.outputPath, file.errorString()));
        return;
    }
    step(100);
    const QString path = QFileInfo(m_request.outputPath).absoluteFilePath();
    const qint64 records = built.value().includesRecords ? built.value().records.size() : 0;
    QMetaObject::invokeMethod(this, [this, path, records] { Q_EMIT succeeded(path, records); }, Qt::QueuedConnection);
}

} // namespace perimeter::report
