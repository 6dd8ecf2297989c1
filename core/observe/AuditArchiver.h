// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace perimeter::observe {

class SqliteAuditStore;

struct ArchiveRun {
    int files = 0;
    qint64 records = 0;
    QStringList fileNames;
    QString anchorHash;        // where the live chain now starts ("" when nothing was archived)
    int recoveredFiles = 0;    // archives of an interrupted run finished (renamed) this time
    int discardedFiles = 0;    // unfinished archives of an interrupted run that never committed
};

// Retention for the audit trail: moves the oldest records into archive files before they
// leave the live table, so the whole chain stays verifiable (AuditArchiveVerifier).
//
// A run takes the prefix of the chain (row id order) whose records are older than `before`
// and, per at most maxRecordsPerFile records:
//   1. re-checks the records' hashes and links (a broken chain is never archived),
//   2. writes audit-<first id>-<last id>.jsonl.partial: a manifest line, then one JSON line per
//      record (the audit record fields, id, prev_hash and hash), and fsyncs it,
//   3. in one IMMEDIATE transaction re-checks that the range is still the start of the chain,
//      records the anchor (chain_anchor), deletes the range and moves the head's base hash to
//      the anchor,
//   4. renames the file to its final name and fsyncs the directory.
// A crash between 2 and 3 leaves a .partial that no anchor names (deleted by the next run); a
// crash between 3 and 4 leaves one that an anchor names (renamed by the next run). A record
// older than `before` that follows a newer one in the chain waits for the next run, since only
// a prefix can leave without breaking the chain.
//
// Blocking: runs on the CLI or the retention worker, never on the gateway's event loop. The
// delete transaction is short (one file's range), so the audit writer waits at most briefly.
class AuditArchiver {
public:
    static constexpr int kMaxRecordsPerFile = 20000;
    static constexpr int kManifestVersion = 1;

    static Result<ArchiveRun> archive(SqliteAuditStore &store, const QString &archiveDir, const QDateTime &before,
                                      int maxRecordsPerFile = kMaxRecordsPerFile);

    static QString fileNameFor(qint64 firstId, qint64 lastId);
};

} // namespace perimeter::observe
