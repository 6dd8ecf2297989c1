// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace perimeter::observe {

// One archived range of the audit chain, as the live store remembers it (table chain_anchor,
// one row per archive file, oldest first). The anchor is the hash of the last archived
// record: the first live record links to it, so the live trail still verifies on its own, and
// the rows say which archive files hold the records before it.
struct ChainAnchor {
    qint64 seq = 0;
    QDateTime archivedAt;
    QString archiveFile;      // file name inside the archive directory
    qint64 firstId = 0;
    qint64 lastId = 0;
    qint64 recordCount = 0;
    QString prevAnchor;       // what the first archived record links to: genesis or the previous anchor
    QString firstHash;
    QString anchorHash;       // hash of the last archived record
};

// The chain_anchor table. Created on first use (by the archiver) rather than by a schema
// migration, so a trail that never archived is unchanged and older programs still read it.
class ChainAnchorTable {
public:
    static Status ensure(QSqlDatabase &db);
    // Oldest first; an empty list when the table does not exist yet.
    static Result<QList<ChainAnchor>> readAll(QSqlDatabase &db);
    static Status insert(QSqlDatabase &db, const ChainAnchor &anchor);
    // Checks that the anchors form one chain from genesis and that the live chain starts at
    // the last one (baseHash of audit_chain_head). Returns "" when consistent, else a detail
    // that names rows and files only.
    static QString checkAgainstBase(const QList<ChainAnchor> &anchors, const QByteArray &baseHash);
};

} // namespace perimeter::observe
