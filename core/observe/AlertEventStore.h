// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AlertEvent.h"
#include "common/Result.h"
#include <QList>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace perimeter::observe {

// Alert fire/resolve events in the audit database (<dataDir>/audit.db), table alert_events,
// so an auditor finds them next to the records. A separate table written through this class's
// own connection on its own writer thread: the audit records' hash chain and their writer are
// untouched (alerts are derived data, not requests), and the gateway thread only queues.
class AlertEventStore {
public:
    static Result<std::unique_ptr<AlertEventStore>> open(const QString &dataDir);
    ~AlertEventStore(); // writes what is queued, then joins the writer

    AlertEventStore(const AlertEventStore &) = delete;
    AlertEventStore &operator=(const AlertEventStore &) = delete;

    void append(AlertEvent event);
    // Blocks until every event appended so far is written (or failed).
    Status flush();
    // Blocking read of every stored event, oldest first; not for the gateway thread.
    Result<QList<AlertEvent>> list() const;
    quint64 writeFailures() const;

    static constexpr const char *kTable = "alert_events";

private:
    explicit AlertEventStore(QString path);
    void writerLoop();

    const QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::deque<AlertEvent> m_queue;
    quint64 m_appended = 0;
    quint64 m_processed = 0;
    quint64 m_failures = 0;
    QString m_lastError;
    bool m_stopping = false;
    bool m_ready = false;
    QString m_startError;
    std::thread m_writer;
};

} // namespace perimeter::observe
