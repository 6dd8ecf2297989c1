// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include "common/Result.h"
#include <QList>
#include <optional>

namespace perimeter::observe {

struct AuditQuery {
    std::optional<QDateTime> from;   // inclusive
    std::optional<QDateTime> to;     // exclusive
    QString caller;                  // "" = any
    QString tier;
    QString decision;
    QString requestId;
    int limit = -1;                  // -1 = all; oldest first
};

// The audit trail behind an interface so a shared PostgreSQL can replace SQLite for fleets.
class AuditStore {
public:
    virtual ~AuditStore() = default;
    // Never blocks the caller's event loop: the record is queued for a writer thread.
    // Returns false when the queue is full (the record is then counted as dropped and logged).
    virtual bool append(AuditRecord record) = 0;
    // Blocks until every record appended so far is committed.
    virtual Status flush() = 0;
    // Blocking read; for the CLI, reports and worker threads, never the gateway's event loop.
    virtual Result<QList<AuditRecord>> query(const AuditQuery &query) const = 0;
};

} // namespace perimeter::observe
