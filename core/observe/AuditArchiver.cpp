// SPDX-License-Identifier: Apache-2.0
#include "AuditArchiver.h"
#include "AuditChain.h"
#include "AuditRecordJson.h"
#include "ChainAnchor.h"
#include "SqliteAuditStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace perimeter::observe {

namespace {

std::atomic<quint64> g_archiveConnections{0};

Error archiveError(const QString &message)
{
    return Error{QStringLiteral("audit_archive_error"), message};
}

Error sqlError(const QString &what, const QSqlError &error)
{
    return archiveError(QStringLiteral("%1: %2").arg(what, error.text()));
}

bool fsyncPath(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// The connection used for the delete transaction; the records themselves are read through
// the store's reader (SqliteAuditStore::chainSegment).
class Connection {
public:
    explicit Connection(const QString &path)
        : m_name(QStringLiteral("perimeter.audit.archive.%1").arg(g_archiveConnections.fetch_add(1)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = m_db.open();
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_open = false;
};

struct Segment {
    QList<std::pair<qint64, AuditRecord>> records;
    QString prevAnchor;
};

// The crash cases of the header comment: finish what committed, drop what did not.
Status recoverPartials(QSqlDatabase &db, const QString &dir, ArchiveRun &run)
{
    const QStringList partials = QDir(dir).entryList({QStringLiteral("audit-*.jsonl.partial")}, QDir::Files);
    if (partials.isEmpty())
        return Ok{};
    auto anchors = ChainAnchorTable::readAll(db);
    if (!anchors)
        return anchors.error();
    for (const QString &partial : partials) {
        const QString finalName = partial.chopped(int(qstrlen(".partial")));
        bool committed = false;
        for (const ChainAnchor &a : anchors.value())
            committed = committed || a.archiveFile == finalName;
        const QString partialPath = QDir(dir).filePath(partial);
        if (committed) {
            const QString finalPath = QDir(dir).filePath(finalName);
            if (QFileInfo::exists(finalPath) || !QFile::rename(partialPath, finalPath))
                return archiveError(QStringLiteral("cannot finish the interrupted archive %1").arg(finalName));
            ++run.recoveredFiles;
        } else {
            if (!QFile::remove(partialPath))
                return archiveError(QStringLiteral("cannot remove the unfinished archive %1").arg(partial));
            ++run.discardedFiles;
        }
    }
    if (!fsyncPath(dir, true))
        return archiveError(QStringLiteral("cannot sync the archive directory %1").arg(dir));
    return Ok{};
}

struct HeadEnds {
    QByteArray baseHash;
    qint64 lastId = 0;
};

Result<HeadEnds> readHeadEnds(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT base_hash, last_id FROM audit_chain_head WHERE id = 1")))
        return sqlError(QStringLiteral("cannot read the audit chain head"), q.lastError());
    if (!q.next())
        return archiveError(QStringLiteral("the audit chain head is missing"));
    return HeadEnds{q.value(0).toString().toLatin1(), q.value(1).toLongLong()};
}

Status writeArchiveFile(const QString &path, const Segment &segment, const QDateTime &before, const QDateTime &now)
{
    const auto &records = segment.records;
    QJsonObject manifest;
    manifest.insert(QStringLiteral("perimeter_audit_archive"), AuditArchiver::kManifestVersion);
    manifest.insert(QStringLiteral("first_id"), records.first().first);
    manifest.insert(QStringLiteral("last_id"), records.last().first);
    manifest.insert(QStringLiteral("count"), qint64(records.size()));
    manifest.insert(QStringLiteral("from_ts"), formatAuditTimestamp(records.first().second.ts));
    manifest.insert(QStringLiteral("to_ts"), formatAuditTimestamp(records.last().second.ts));
    manifest.insert(QStringLiteral("prev_anchor"), segment.prevAnchor);
    manifest.insert(QStringLiteral("first_hash"), records.first().second.hash);
    manifest.insert(QStringLiteral("last_hash"), records.last().second.hash);
    manifest.insert(QStringLiteral("anchor"), records.last().second.hash);
    manifest.insert(QStringLiteral("before"), formatAuditTimestamp(before));
    manifest.insert(QStringLiteral("archived_at"), formatAuditTimestamp(now));

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return archiveError(QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QByteArray out = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    out.append('\n');
    for (const auto &[id, record] : records) {
        QJsonObject line = auditRecordToJson(record);
        line.insert(QStringLiteral("id"), id);
        out.append(QJsonDocument(line).toJson(QJsonDocument::Compact));
        out.append('\n');
        if (out.size() > (1 << 20)) {
            if (file.write(out) != out.size())
                return archiveError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
            out.clear();
        }
    }
    if (file.write(out) != out.size() || !file.flush())
        return archiveError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (::fsync(file.handle()) != 0)
        return archiveError(QStringLiteral("cannot sync %1 to disk").arg(path));
    file.close();
    return Ok{};
}

Status deleteArchived(QSqlDatabase &db, const Segment &segment, const ChainAnchor &anchor)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return sqlError(QStringLiteral("cannot start the archive transaction"), q.lastError());
    auto fail = [&](Error e) -> Status {
        q.finish();
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        return e;
    };
    // Under the write lock: nobody archived or rewrote this range since it was read.
    auto head = readHeadEnds(db);
    if (!head)
        return fail(head.error());
    if (QString::fromLatin1(head.value().baseHash) != segment.prevAnchor || anchor.lastId >= head.value().lastId)
        return fail(archiveError(QStringLiteral("the start of the audit chain changed while archiving (another archive run?)")));
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT COUNT(*), MIN(id), MAX(id) FROM audit_records WHERE id <= ?")))
        return fail(sqlError(QStringLiteral("cannot check the archived range"), q.lastError()));
    q.addBindValue(anchor.lastId);
    if (!q.exec() || !q.next())
        return fail(sqlError(QStringLiteral("cannot check the archived range"), q.lastError()));
    if (q.value(0).toLongLong() != anchor.recordCount || q.value(1).toLongLong() != anchor.firstId
        || q.value(2).toLongLong() != anchor.lastId)
        return fail(archiveError(QStringLiteral("the archived range %1..%2 changed while archiving").arg(anchor.firstId).arg(anchor.lastId)));
    q.finish();
    if (!q.prepare(QStringLiteral("SELECT hash FROM audit_records WHERE id = ?")))
        return fail(sqlError(QStringLiteral("cannot check the archived range"), q.lastError()));
    q.addBindValue(anchor.lastId);
    if (!q.exec() || !q.next() || q.value(0).toString() != anchor.anchorHash)
        return fail(archiveError(QStringLiteral("the last archived record %1 changed while archiving").arg(anchor.lastId)));
    q.finish();

    if (auto s = ChainAnchorTable::ensure(db); !s)
        return fail(s.error());
    if (auto s = ChainAnchorTable::insert(db, anchor); !s)
        return fail(s.error());
    // Decision traces (beside the records, outside the chain) leave with their records.
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'decision_traces'")) && q.next()
        && q.value(0).toInt() == 1) {
        q.finish();
        if (!q.prepare(QStringLiteral("DELETE FROM decision_traces WHERE request_id IN (SELECT request_id FROM audit_records WHERE id <= ?)")))
            return fail(sqlError(QStringLiteral("cannot delete archived decision traces"), q.lastError()));
        q.addBindValue(anchor.lastId);
        if (!q.exec())
            return fail(sqlError(QStringLiteral("cannot delete archived decision traces"), q.lastError()));
    }
    q.finish();
    if (!q.prepare(QStringLiteral("DELETE FROM audit_records WHERE id <= ?")))
        return fail(sqlError(QStringLiteral("cannot delete archived records"), q.lastError()));
    q.addBindValue(anchor.lastId);
    if (!q.exec() || q.numRowsAffected() != anchor.recordCount)
        return fail(sqlError(QStringLiteral("cannot delete archived records"), q.lastError()));
    if (!q.prepare(QStringLiteral("UPDATE audit_chain_head SET base_hash = ?, record_count = record_count - ? WHERE id = 1")))
        return fail(sqlError(QStringLiteral("cannot move the audit chain's start"), q.lastError()));
    q.addBindValue(anchor.anchorHash);
    q.addBindValue(anchor.recordCount);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(sqlError(QStringLiteral("cannot move the audit chain's start"), q.lastError()));
    q.finish();
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(sqlError(QStringLiteral("cannot commit the archive transaction"), q.lastError()));
    return Ok{};
}

} // namespace

QString AuditArchiver::fileNameFor(qint64 firstId, qint64 lastId)
{
    // Zero-padded so that a directory listing is in chain order.
    return QStringLiteral("audit-%1-%2.jsonl").arg(firstId, 12, 10, QLatin1Char('0')).arg(lastId, 12, 10, QLatin1Char('0'));
}

Result<ArchiveRun> AuditArchiver::archive(SqliteAuditStore &store, const QString &archiveDir, const QDateTime &before,
                                          int maxRecordsPerFile)
{
    if (archiveDir.isEmpty())
        return archiveError(QStringLiteral("no archive directory given"));
    if (!before.isValid())
        return archiveError(QStringLiteral("no valid horizon given"));
    if (maxRecordsPerFile < 1)
        return archiveError(QStringLiteral("records per archive file must be at least 1"));
    const QString dir = QDir(archiveDir).absolutePath();
    if (!QFileInfo(dir).isDir()) {
        if (!QDir().mkpath(dir))
            return archiveError(QStringLiteral("cannot create the archive directory %1").arg(dir));
        // Archives hold the same metadata as the live trail: private to the service account.
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // One run at a time per archive directory (the daemon's worker and a CLI run): two runs
    // would write the same .partial file.
    const int lockFd = ::open(QFile::encodeName(QDir(dir).filePath(QStringLiteral(".archive.lock"))).constData(),
                              O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd < 0 || ::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
        if (lockFd >= 0)
            ::close(lockFd);
        return archiveError(QStringLiteral("another archive run is using %1; try again later").arg(dir));
    }
    struct Unlock {
        int fd;
        ~Unlock() { ::close(fd); }
    } unlock{lockFd};

    Connection connection(store.databasePath());
    if (!connection.isOpen())
        return sqlError(QStringLiteral("cannot open the audit database"), connection.db().lastError());
    QSqlDatabase &db = connection.db();

    ArchiveRun run;
    if (auto s = recoverPartials(db, dir, run); !s)
        return s.error();
    const qint64 horizonMs = before.toMSecsSinceEpoch();
    for (;;) {
        auto head = readHeadEnds(db);
        if (!head)
            return head.error();
        auto read = store.chainSegment(0, maxRecordsPerFile);
        if (!read)
            return read.error();
        Segment segment;
        segment.prevAnchor = QString::fromLatin1(head.value().baseHash);
        QByteArray expected = head.value().baseHash;
        bool reachedHead = false;
        for (auto &entry : read.value()) {
            if (entry.second.ts.toMSecsSinceEpoch() >= horizonMs)
                break;
            // The newest record always stays live: SQLite gives a new row the highest row id
            // plus one, so an empty table would hand out archived ids again.
            if (entry.first >= head.value().lastId) {
                reachedHead = true;
                break;
            }
            const AuditRecord &r = entry.second;
            // A broken chain is never archived: the archive would carry the damage away from
            // the trail that `audit verify` checks.
            if (r.prevHash.toLatin1() != expected || AuditChain::hashRecord(expected, r) != r.hash.toLatin1())
                return archiveError(QStringLiteral("refusing to archive: record %1 (%2) does not verify; run "
                                                   "'perimeterctl audit verify'").arg(entry.first).arg(r.requestId));
            expected = r.hash.toLatin1();
            segment.records.append(std::move(entry));
        }
        if (segment.records.isEmpty())
            break;

        ChainAnchor anchor;
        anchor.archivedAt = QDateTime::currentDateTimeUtc();
        anchor.firstId = segment.records.first().first;
        anchor.lastId = segment.records.last().first;
        anchor.recordCount = segment.records.size();
        anchor.prevAnchor = segment.prevAnchor;
        anchor.firstHash = segment.records.first().second.hash;
        anchor.anchorHash = segment.records.last().second.hash;
        anchor.archiveFile = fileNameFor(anchor.firstId, anchor.lastId);
        const QString finalPath = QDir(dir).filePath(anchor.archiveFile);
        const QString partialPath = finalPath + QStringLiteral(".partial");
        if (QFileInfo::exists(finalPath))
            return archiveError(QStringLiteral("archive %1 already exists but its records are still live").arg(anchor.archiveFile));

        if (auto s = writeArchiveFile(partialPath, segment, before, anchor.archivedAt); !s) {
            QFile::remove(partialPath);
            return s.error();
        }
        if (auto s = deleteArchived(db, segment, anchor); !s) {
            QFile::remove(partialPath);
            return s.error();
        }
        // Committed: from here the records exist only in the archive. A failure now leaves
        // the .partial that the next run renames.
        if (!QFile::rename(partialPath, finalPath) || !fsyncPath(dir, true))
            return archiveError(QStringLiteral("archive %1 is committed but could not be renamed; the next run "
                                               "finishes it").arg(anchor.archiveFile));
        ++run.files;
        run.records += anchor.recordCount;
        run.fileNames.append(anchor.archiveFile);
        run.anchorHash = anchor.anchorHash;
        if (reachedHead || segment.records.size() < read.value().size() || read.value().size() < maxRecordsPerFile)
            break; // reached the horizon or the end of the trail
    }
    return run;
}

} // namespace perimeter::observe
