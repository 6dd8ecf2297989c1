// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace perimeter::observe {

// The embedded audit trail: <dataDir>/audit.db, SQLite in WAL mode, one column per field.
//
// append() only takes a mutex for a queue push, so the gateway's event loop never waits on
// disk; a dedicated writer thread owns its own connection and commits whatever is queued in
// one transaction (at most kMaxBatch records), which is what makes 100k+ records/s possible
// with synchronous=NORMAL. query() uses a second connection so readers never contend with
// the writer's transaction (WAL lets them run concurrently).
//
// Schema v2 chains every record (AuditChain.h): the writer computes the hashes in commit
// order inside a BEGIN IMMEDIATE transaction that first reads the chain head, so several
// stores on one file (two processes) extend one chain and never fork it. A v1 file is
// migrated on open, its records chained in id order.
//
// The SQL is deliberately plain (no UPSERT, no JSON1, no SQLite date functions) so that a
// PostgreSQL implementation of AuditStore can reuse the schema with only type renames.
class SqliteAuditStore final : public AuditStore {
public:
    static constexpr int kSchemaVersion = 2;
    static constexpr int kMaxBatch = 512;

    static Result<std::unique_ptr<SqliteAuditStore>> open(const QString &dataDir, int queueCapacity);
    ~SqliteAuditStore() override; // drains the queue, then joins the writer

    SqliteAuditStore(const SqliteAuditStore &) = delete;
    SqliteAuditStore &operator=(const SqliteAuditStore &) = delete;

    // A record without a valid ts is stamped with the time of append().
    bool append(AuditRecord record) override;
    Status flush() override;
    Result<QList<AuditRecord>> query(const AuditQuery &query) const override;
    Result<ChainVerification> verify() const override;
    Result<QList<AuditAggregateRow>> aggregate(const AuditAggregateQuery &query) const override;
    Result<std::optional<QByteArray>> decisionTrace(const QString &requestId) const override;

    // Blocking, for retention (AuditArchiver): up to limit records with row id > afterId in
    // chain (row id) order, each with its row id and its prev_hash/hash as stored.
    Result<QList<std::pair<qint64, AuditRecord>>> chainSegment(qint64 afterId, int limit) const;

    QString databasePath() const { return m_path; }
    int queueCapacity() const { return m_capacity; }
    // Records refused because the queue was full.
    quint64 droppedCount() const { return m_dropped.load(std::memory_order_relaxed); }
    // Records accepted by append() but lost by the writer (a failed insert or commit).
    quint64 writeFailureCount() const;
    // Committed records since open().
    quint64 committedCount() const;

private:
    SqliteAuditStore(QString path, int capacity);
    Status start();
    void writerLoop(const QString &connectionName);
    // Returns how many of the batch could not be stored.
    qsizetype writeBatch(QSqlDatabase &db, QSqlQuery &insert, std::deque<AuditRecord> &batch, QString *errorMessage);
    // decision_traces(request_id PRIMARY KEY, trace_json): written by the writer in the
    // record's transaction; prepared once, invalid when the table cannot be created.
    QSqlQuery *m_traceInsert = nullptr;

    const QString m_path;
    const int m_capacity;

    mutable std::mutex m_mutex;        // guards everything below up to m_writer
    std::condition_variable m_wakeWriter;
    std::condition_variable m_progress; // signalled after every batch
    std::deque<AuditRecord> m_queue;
    quint64 m_accepted = 0;             // sequence number of the last accepted record
    quint64 m_processed = 0;            // records the writer finished (committed or failed)
    quint64 m_committed = 0;
    quint64 m_failed = 0;
    QString m_lastWriteError;
    bool m_stopping = false;
    bool m_writerReady = false;
    QString m_writerStartError;
    std::thread m_writer;

    std::atomic<quint64> m_dropped{0};

    mutable std::mutex m_readMutex;  // guards m_readDb
    QString m_readConnection;
    // Held as an object: QSqlDatabase::database() refuses lookups from other threads.
    mutable QSqlDatabase m_readDb;
};

} // namespace perimeter::observe
