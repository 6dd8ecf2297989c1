// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "SinkRecordFormat.h"
#include "SinkSettings.h"
#include "common/Result.h"
#include <QByteArray>
#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <variant>

class QThread;

namespace perimeter::observe {

class MetricsRegistry;
class RemoteSinkWorker;

// One queued record: the allow-listed fields, formatted on the worker thread, or a line that
// is already formatted (JSON without '\n').
using RemoteSinkItem = std::variant<SinkRecordFormat::Record, QByteArray>;

// State shared between the gateway thread (producer) and a sink's worker thread.
struct RemoteSinkQueue {
    std::mutex mutex;
    std::deque<RemoteSinkItem> lines; // oldest first
    std::atomic<bool> kickPending{false};
    std::atomic<quint64> accepted{0};
    std::atomic<quint64> delivered{0};
    std::atomic<quint64> spooled{0};
    std::atomic<quint64> droppedQueueFull{0};
    std::atomic<quint64> droppedSpoolFull{0};
    std::atomic<qint64> spoolBytes{0};
    std::atomic<qint64> spoolRecords{0};
    std::atomic<qint64> inFlightRecords{0};
};

// A residency-aware remote sink: sanitized audit metadata (SinkRecordFormat lines) POSTed as
// application/x-ndjson in batches, from a worker thread that owns the formatting, the HTTP
// client, the retry timer and the on-disk spool, so the gateway thread only moves the record's
// allow-listed fields (SinkRecordFormat::extract) into the queue under a mutex.
//
// Delivery is at least once and in order: a batch that fails goes to the spool, later records
// queue behind it, and the spool is replayed oldest first (with exponential backoff and
// jitter between attempts) before anything newer is sent. Any non-2xx answer counts as a
// failure and is retried; nothing is ever discarded for being refused, only for exceeding the
// spool bound (counted as dropped_spool_full and logged). TLS peers are always verified.
class RemoteSink {
public:
    static Result<std::unique_ptr<RemoteSink>> create(const SinkSettings &settings, QByteArray credential,
                                                      MetricsRegistry *metrics);
    // Spools what is still in memory (so the next start replays it), then joins the worker.
    ~RemoteSink();

    RemoteSink(const RemoteSink &) = delete;
    RemoteSink &operator=(const RemoteSink &) = delete;

    // Thread-safe, never blocks on I/O. False when the in-memory queue is full (counted as
    // dropped_queue_full): the worker spools faster than any gateway produces, so this only
    // happens when the spool's disk fails.
    bool append(SinkRecordFormat::Record record);
    // A line that is already formatted (JSON without '\n'); same queue, same guarantees.
    bool append(QByteArray line);

    const SinkSettings &settings() const { return m_settings; }
    QString id() const { return m_settings.id; }
    quint64 acceptedCount() const { return m_queue->accepted.load(); }
    quint64 deliveredCount() const { return m_queue->delivered.load(); }
    quint64 spooledCount() const { return m_queue->spooled.load(); }
    quint64 droppedCount() const { return m_queue->droppedQueueFull.load() + m_queue->droppedSpoolFull.load(); }
    qint64 spoolBytes() const { return m_queue->spoolBytes.load(); }
    qint64 spoolRecords() const { return m_queue->spoolRecords.load(); }
    // Records neither delivered nor dropped yet (memory, in flight and spool).
    qint64 pendingRecords() const;

private:
    RemoteSink(SinkSettings settings);
    bool enqueue(RemoteSinkItem item);

    SinkSettings m_settings;
    std::shared_ptr<RemoteSinkQueue> m_queue;
    QThread *m_thread = nullptr;
    RemoteSinkWorker *m_worker = nullptr;
    MetricsRegistry *m_metrics = nullptr;
};

} // namespace perimeter::observe
