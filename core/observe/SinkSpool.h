// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QByteArray>
#include <QString>
#include <deque>
#include <optional>

namespace perimeter::observe {

// A bounded on-disk queue of undelivered sink batches: one file per batch, named
// "<16-digit sequence>-<record count>.ndjson", replayed oldest first, so a restart or a long
// outage loses nothing and keeps the order.
//
// The bound is deliberate: a sink that stays down must not fill the gateway's disk. When a
// new batch would take the spool over maxBytes, the oldest files are deleted and the caller
// is told how many records went with them (to count and log). Not thread-safe: one owner
// thread (the sink's worker).
class SinkSpool {
public:
    struct Entry {
        quint64 sequence = 0;
        int records = 0;
        qint64 bytes = 0;
        QString path;
    };
    struct AppendOutcome {
        qint64 droppedRecords = 0; // records deleted to respect the bound (oldest first)
        int droppedFiles = 0;
    };

    // Creates the directory (owner-only) and picks up batches left by an earlier run.
    static Result<SinkSpool> open(const QString &directory, qint64 maxBytes);

    Result<AppendOutcome> append(const QByteArray &lines, int records);
    bool isEmpty() const { return m_entries.empty(); }
    std::optional<Entry> oldest() const;
    Result<QByteArray> read(const Entry &entry) const;
    // After the batch was delivered (or found unreadable).
    void remove(const Entry &entry);

    qint64 bytes() const { return m_bytes; }
    qint64 records() const { return m_records; }
    int files() const { return int(m_entries.size()); }
    qint64 maxBytes() const { return m_maxBytes; }
    QString directory() const { return m_directory; }

private:
    SinkSpool(QString directory, qint64 maxBytes);

    QString m_directory;
    qint64 m_maxBytes = 0;
    std::deque<Entry> m_entries; // ascending sequence
    quint64 m_nextSequence = 1;
    qint64 m_bytes = 0;
    qint64 m_records = 0;
};

} // namespace perimeter::observe
