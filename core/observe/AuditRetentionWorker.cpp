// SPDX-License-Identifier: Apache-2.0
#include "AuditRetentionWorker.h"
#include "AuditArchiver.h"
#include "SqliteAuditStore.h"
#include "common/ThreadName.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <chrono>

Q_LOGGING_CATEGORY(lcRetention, "perimeter.retention")

namespace perimeter::observe {

AuditRetentionWorker::AuditRetentionWorker(SqliteAuditStore &store, RetentionSettings settings)
    : m_store(store), m_settings(std::move(settings))
{
    m_thread = std::thread([this] { loop(); });
}

AuditRetentionWorker::~AuditRetentionWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

quint64 AuditRetentionWorker::runs() const
{
    std::lock_guard lock(m_mutex);
    return m_runs;
}

void AuditRetentionWorker::loop()
{
    ThreadName::set("audit-retention");
    // The first run waits a little so that start-up (and a quick stop) is not slowed down.
    auto wait = std::chrono::milliseconds(2000);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, wait, [this] { return m_stopping; }))
                return;
        }
        const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-m_settings.auditDays);
        auto run = AuditArchiver::archive(m_store, m_settings.archiveDir, before);
        if (!run)
            qCWarning(lcRetention, "audit retention failed: %s", qUtf8Printable(run.error().message));
        else if (run.value().records > 0 || run.value().recoveredFiles > 0 || run.value().discardedFiles > 0)
            qCInfo(lcRetention, "audit retention: %lld record(s) archived in %d file(s) (%s), %d interrupted archive(s) finished",
                   static_cast<long long>(run.value().records), run.value().files,
                   qUtf8Printable(run.value().fileNames.join(QLatin1Char(','))), run.value().recoveredFiles);
        {
            std::lock_guard lock(m_mutex);
            ++m_runs;
        }
        wait = std::chrono::minutes(m_settings.runEveryMinutes);
    }
}

} // namespace perimeter::observe
