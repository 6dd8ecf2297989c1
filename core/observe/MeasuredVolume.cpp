// SPDX-License-Identifier: Apache-2.0
#include "MeasuredVolume.h"
#include "AuditStore.h"
#include "CostModel.h"
#include "common/ThreadName.h"

#include <QLoggingCategory>
#include <chrono>

Q_LOGGING_CATEGORY(lcVolume, "perimeter.cost")

namespace perimeter::observe {

Result<MeasuredVolume> MeasuredVolume::compute(const AuditStore &store, const QDateTime &now, const MeasuredVolumeSettings &settings)
{
    MeasuredVolume v;
    v.computedAt = now;
    v.minDays = settings.minDays;
    v.windowStart = now.addDays(-settings.windowDays);

    AuditQuery oldestQuery;
    oldestQuery.limit = 1;
    auto oldest = store.query(oldestQuery);
    if (!oldest)
        return oldest.error();
    if (oldest.value().isEmpty())
        return v;
    const QDateTime start = std::max(v.windowStart, oldest.value().first().ts);
    const double coveredSeconds = double(start.msecsTo(now)) / 1000.0;
    v.coveredDays = coveredSeconds / 86400.0;

    AuditAggregateQuery byEndpoint;
    byEndpoint.from = v.windowStart;
    byEndpoint.to = now;
    byEndpoint.groupBy = AuditGroupBy::Endpoint;
    auto rows = store.aggregate(byEndpoint);
    if (!rows)
        return rows.error();
    QHash<QString, qint64> tokens;
    for (const AuditAggregateRow &row : rows.value()) {
        // An endpoint belongs to one tier; rows without an endpoint never reached one.
        if (row.key.isEmpty() || row.onpremRequests == 0)
            continue;
        tokens[row.key] += row.tokensIn + row.tokensOut;
        v.tokensInWindow += row.tokensIn + row.tokensOut;
    }
    v.sufficient = v.coveredDays >= double(settings.minDays) && v.tokensInWindow > 0 && coveredSeconds > 0;
    if (coveredSeconds > 0) {
        const double scale = CostModel::kSecondsPerMonth / coveredSeconds;
        for (auto it = tokens.cbegin(); it != tokens.cend(); ++it)
            v.tokensPerMonthByEndpoint.insert(it.key(), double(it.value()) * scale);
        v.tokensPerMonthByEndpoint.insert(QString(), double(v.tokensInWindow) * scale);
    }
    return v;
}

MeasuredVolumeWorker::MeasuredVolumeWorker(const AuditStore &store, MeasuredVolumeSettings settings)
    : m_store(store), m_settings(settings)
{
    m_thread = std::thread([this] { loop(); });
}

MeasuredVolumeWorker::~MeasuredVolumeWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::shared_ptr<const MeasuredVolume> MeasuredVolumeWorker::current() const
{
    std::lock_guard lock(m_mutex);
    return m_current;
}

void MeasuredVolumeWorker::loop()
{
    ThreadName::set("measured-volume");
    for (;;) {
        auto computed = MeasuredVolume::compute(m_store, QDateTime::currentDateTimeUtc(), m_settings);
        if (!computed) {
            qCWarning(lcVolume, "measured on-prem volume not updated: %s", qUtf8Printable(computed.error().message));
        } else {
            auto next = std::make_shared<const MeasuredVolume>(std::move(computed).value());
            std::lock_guard lock(m_mutex);
            m_current = std::move(next);
        }
        std::unique_lock lock(m_mutex);
        if (m_wake.wait_for(lock, std::chrono::minutes(m_settings.recomputeMinutes), [this] { return m_stopping; }))
            return;
    }
}

} // namespace perimeter::observe
