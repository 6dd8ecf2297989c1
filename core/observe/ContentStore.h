// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ContentCipher.h"
#include "ContentStoreSettings.h"
#include <QDateTime>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace perimeter::observe {

// What the gateway hands over for one finished on-prem request. `response` is what was
// captured from the upstream: the JSON body, or for a stream the raw SSE bytes (the store
// keeps only the concatenated deltas).
struct ContentRecord {
    QString requestId;
    QDateTime ts;
    QString tier;              // only "onprem" is ever stored
    QString model;
    bool streamed = false;
    QByteArray request;
    QByteArray response;
    bool responseTruncated = false; // the capture already stopped at the cap
};

struct StoredContent {
    QString requestId;
    QDateTime ts;
    QString tier;
    QString model;
    bool streamed = false;
    QByteArray request;
    QByteArray response;
    bool requestTruncated = false;
    bool responseTruncated = false;
};

// The optional, off-by-default store of on-prem request and response content
// (<data_dir>/content.db, SQLite WAL), linked to the audit trail by request id. Content is
// sealed with AES-256-GCM (ContentCipher; associated data: the request id and the direction)
// before it reaches SQLite, so the file holds no plaintext payload byte.
//
// append() only pushes to a bounded queue: the writer thread cuts, encrypts and commits, and
// applies the store's own retention (records older than retention_days are deleted at start
// and every hour). A record of a cloud request is refused in append() whatever the caller
// does, so content that left the perimeter is never kept.
class ContentStore {
public:
    static constexpr int kMaxQueueRecords = 1024;
    static constexpr qint64 kMaxQueueBytes = 64LL * 1024 * 1024;

    static Result<std::unique_ptr<ContentStore>> open(const QString &dataDir, const ContentStoreSettings &settings);
    ~ContentStore(); // drains the queue, then joins the writer

    ContentStore(const ContentStore &) = delete;
    ContentStore &operator=(const ContentStore &) = delete;

    // Gateway thread; false when refused (not on-prem) or the queue is full.
    bool append(ContentRecord record);
    // Blocks until everything appended so far is written.
    Status flush();
    // Blocking; deletes records older than horizon, returns how many.
    Result<qint64> purgeOlderThan(const QDateTime &horizon);

    qint64 maxBytes() const { return m_settings.maxBytes; }
    quint64 droppedCount() const { return m_dropped.load(std::memory_order_relaxed); }
    QString databasePath() const { return m_path; }

    // For `perimeterctl content show`: reads and decrypts one request's content.
    static Result<StoredContent> read(const QString &dataDir, const QString &keyFile, const QString &requestId);
    // The text of an OpenAI stream: choices[0].delta.content (chat) or choices[0].text
    // (completions) of every event, concatenated. Malformed events are skipped.
    static QByteArray streamText(const QByteArray &sse);
    static QByteArray associatedData(const QString &requestId, const char *direction);

private:
    ContentStore(QString path, ContentStoreSettings settings, ContentCipher cipher);
    void writerLoop(const QString &connectionName);

    const QString m_path;
    const ContentStoreSettings m_settings;
    const ContentCipher m_cipher;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_progress;
    std::deque<ContentRecord> m_queue;
    qint64 m_queuedBytes = 0;
    quint64 m_accepted = 0;
    quint64 m_processed = 0;
    quint64 m_failed = 0;
    QString m_lastError;
    bool m_stopping = false;
    bool m_ready = false;
    QString m_startError;
    std::thread m_writer;
    std::atomic<quint64> m_dropped{0};
};

} // namespace perimeter::observe
