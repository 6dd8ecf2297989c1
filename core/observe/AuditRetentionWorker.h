// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "RetentionSettings.h"
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace perimeter::observe {

class SqliteAuditStore;

// Runs audit retention (AuditArchiver) on a thread of its own: once shortly after start, then
// every runEveryMinutes, so archiving never runs on the gateway's event loop. The store must
// outlive the worker. Logs counts and file names only.
class AuditRetentionWorker {
public:
    AuditRetentionWorker(SqliteAuditStore &store, RetentionSettings settings);
    ~AuditRetentionWorker(); // stops and joins; a run in progress finishes its current file first

    AuditRetentionWorker(const AuditRetentionWorker &) = delete;
    AuditRetentionWorker &operator=(const AuditRetentionWorker &) = delete;

    quint64 runs() const;

private:
    void loop();

    SqliteAuditStore &m_store;
    const RetentionSettings m_settings;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    quint64 m_runs = 0;
    std::thread m_thread;
};

} // namespace perimeter::observe
