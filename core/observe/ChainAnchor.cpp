// SPDX-License-Identifier: Apache-2.0
#include "ChainAnchor.h"
#include "AuditChain.h"
#include "AuditRecordJson.h"

#include <QSqlError>
#include <QSqlQuery>

namespace perimeter::observe {

namespace {

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("audit_store_error"), QStringLiteral("%1: %2").arg(what, error.text())};
}

} // namespace

Status ChainAnchorTable::ensure(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS chain_anchor ("
                               "seq INTEGER PRIMARY KEY, archived_at TEXT NOT NULL, archive_file TEXT NOT NULL, "
                               "first_id INTEGER NOT NULL, last_id INTEGER NOT NULL, record_count INTEGER NOT NULL, "
                               "prev_anchor TEXT NOT NULL, first_hash TEXT NOT NULL, anchor_hash TEXT NOT NULL)")))
        return sqlError(QStringLiteral("cannot create the chain_anchor table"), q.lastError());
    return Ok{};
}

Result<QList<ChainAnchor>> ChainAnchorTable::readAll(QSqlDatabase &db)
{
    QList<ChainAnchor> anchors;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'chain_anchor'")) || !q.next())
        return sqlError(QStringLiteral("cannot read the chain anchors"), q.lastError());
    if (q.value(0).toInt() == 0)
        return anchors;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT seq, archived_at, archive_file, first_id, last_id, record_count, prev_anchor, "
                               "first_hash, anchor_hash FROM chain_anchor ORDER BY seq")))
        return sqlError(QStringLiteral("cannot read the chain anchors"), q.lastError());
    while (q.next()) {
        ChainAnchor a;
        a.seq = q.value(0).toLongLong();
        a.archivedAt = parseAuditTimestamp(q.value(1).toString()).value_or(QDateTime());
        a.archiveFile = q.value(2).toString();
        a.firstId = q.value(3).toLongLong();
        a.lastId = q.value(4).toLongLong();
        a.recordCount = q.value(5).toLongLong();
        a.prevAnchor = q.value(6).toString();
        a.firstHash = q.value(7).toString();
        a.anchorHash = q.value(8).toString();
        anchors.append(a);
    }
    return anchors;
}

Status ChainAnchorTable::insert(QSqlDatabase &db, const ChainAnchor &a)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("INSERT INTO chain_anchor (archived_at, archive_file, first_id, last_id, record_count, "
                                  "prev_anchor, first_hash, anchor_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")))
        return sqlError(QStringLiteral("cannot record the chain anchor"), q.lastError());
    q.addBindValue(formatAuditTimestamp(a.archivedAt));
    q.addBindValue(a.archiveFile);
    q.addBindValue(a.firstId);
    q.addBindValue(a.lastId);
    q.addBindValue(a.recordCount);
    q.addBindValue(a.prevAnchor);
    q.addBindValue(a.firstHash);
    q.addBindValue(a.anchorHash);
    if (!q.exec())
        return sqlError(QStringLiteral("cannot record the chain anchor"), q.lastError());
    return Ok{};
}

QString ChainAnchorTable::checkAgainstBase(const QList<ChainAnchor> &anchors, const QByteArray &baseHash)
{
    QString expected = QString::fromLatin1(AuditChain::genesisHash());
    qint64 lastId = 0;
    for (const ChainAnchor &a : anchors) {
        if (a.prevAnchor != expected)
            return QStringLiteral("chain anchor %1 (%2) does not continue the anchor before it").arg(a.seq).arg(a.archiveFile);
        if (a.firstId <= lastId || a.lastId < a.firstId || a.recordCount < 1 || a.anchorHash.size() != AuditChain::kHashHexLength)
            return QStringLiteral("chain anchor %1 (%2) has an impossible range").arg(a.seq).arg(a.archiveFile);
        expected = a.anchorHash;
        lastId = a.lastId;
    }
    if (QString::fromLatin1(baseHash) != expected) {
        if (anchors.isEmpty())
            return QStringLiteral("the live chain starts at an anchor, but no chain anchor (archive) is recorded");
        return QStringLiteral("the live chain does not start at the last chain anchor %1 (%2): the anchor or the chain head was changed")
            .arg(anchors.last().seq)
            .arg(anchors.last().archiveFile);
    }
    return QString();
}

} // namespace perimeter::observe
