// SPDX-License-Identifier: Apache-2.0
#include "AuditArchiveVerifier.h"
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
#include <atomic>
#include <map>

namespace perimeter::observe {

namespace {

std::atomic<quint64> g_verifyConnections{0};

struct Manifest {
    QString file;
    qint64 firstId = 0;
    qint64 lastId = 0;
    qint64 count = 0;
    QString prevAnchor;
    QString firstHash;
    QString lastHash;
    QString anchor;
};

std::optional<Manifest> parseManifest(const QByteArray &line, const QString &file)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("perimeter_audit_archive")).toInt() != AuditArchiver::kManifestVersion)
        return std::nullopt;
    Manifest m;
    m.file = file;
    m.firstId = o.value(QLatin1String("first_id")).toInteger(-1);
    m.lastId = o.value(QLatin1String("last_id")).toInteger(-1);
    m.count = o.value(QLatin1String("count")).toInteger(-1);
    m.prevAnchor = o.value(QLatin1String("prev_anchor")).toString();
    m.firstHash = o.value(QLatin1String("first_hash")).toString();
    m.lastHash = o.value(QLatin1String("last_hash")).toString();
    m.anchor = o.value(QLatin1String("anchor")).toString();
    if (m.firstId < 1 || m.lastId < m.firstId || m.count < 1 || m.anchor.isEmpty())
        return std::nullopt;
    return m;
}

} // namespace

Result<ArchiveVerification> AuditArchiveVerifier::verify(const SqliteAuditStore &store, const QString &archiveDir)
{
    ArchiveVerification out;
    ChainVerification &v = out.chain;
    auto fail = [&](ChainVerification::Problem problem, qint64 id, const QString &requestId, const QString &detail,
                    const QString &file = QString(), qint64 line = 0) {
        v.ok = false;
        v.problem = problem;
        v.firstBadId = id;
        v.firstBadRequestId = requestId;
        v.detail = detail;
        out.badFile = file;
        out.badLine = line;
        return out;
    };

    const QDir dir(archiveDir);
    if (!dir.exists())
        return Error{QStringLiteral("audit_archive_error"), QStringLiteral("archive directory %1 does not exist").arg(archiveDir)};

    // The anchors the live store recorded, read on a connection of this call's own.
    QList<ChainAnchor> anchors;
    {
        const QString name = QStringLiteral("perimeter.audit.verify-archive.%1").arg(g_verifyConnections.fetch_add(1));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(store.databasePath());
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"));
            if (!db.open()) {
                QSqlDatabase::removeDatabase(name);
                return Error{QStringLiteral("audit_archive_error"), QStringLiteral("cannot open the audit database")};
            }
            auto read = ChainAnchorTable::readAll(db);
            db.close();
            if (!read) {
                db = QSqlDatabase();
                QSqlDatabase::removeDatabase(name);
                return read.error();
            }
            anchors = read.value();
        }
        QSqlDatabase::removeDatabase(name);
    }

    // Manifests, in chain order.
    std::map<qint64, Manifest> manifests;
    const QStringList files = dir.entryList({QStringLiteral("audit-*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("audit_archive_error"), QStringLiteral("cannot read archive %1: %2").arg(name, file.errorString())};
        auto manifest = parseManifest(file.readLine().trimmed(), name);
        if (!manifest)
            return fail(ChainVerification::Problem::Altered, -1, QString(),
                        QStringLiteral("archive %1: line 1 is not a valid archive manifest").arg(name), name, 1);
        if (manifests.count(manifest->firstId))
            return fail(ChainVerification::Problem::Reordered, manifest->firstId, QString(),
                        QStringLiteral("archives %1 and %2 start at the same record").arg(manifests[manifest->firstId].file, name), name, 1);
        manifests[manifest->firstId] = *manifest;
    }

    // Every anchor names a present archive that agrees with it.
    for (const ChainAnchor &a : anchors) {
        bool found = false;
        for (const auto &[first, m] : manifests) {
            if (m.file != a.archiveFile)
                continue;
            found = true;
            if (m.anchor != a.anchorHash || m.count != a.recordCount || m.firstId != a.firstId || m.lastId != a.lastId
                || m.prevAnchor != a.prevAnchor)
                return fail(ChainVerification::Problem::Altered, a.lastId, QString(),
                            QStringLiteral("archive %1: its manifest disagrees with chain anchor %2 of the live store")
                                .arg(m.file)
                                .arg(a.seq),
                            m.file, 1);
        }
        if (!found) {
            const bool partial = QFileInfo::exists(dir.filePath(a.archiveFile + QStringLiteral(".partial")));
            return fail(ChainVerification::Problem::Missing, a.firstId, QString(),
                        QStringLiteral("archive %1 (records %2..%3, named by chain anchor %4) is not in %5%6")
                            .arg(a.archiveFile)
                            .arg(a.firstId)
                            .arg(a.lastId)
                            .arg(a.seq)
                            .arg(dir.absolutePath(),
                                 partial ? QStringLiteral("; its .partial file exists: run 'perimeterctl audit archive' to finish it")
                                         : QString()));
        }
    }

    QByteArray expected = AuditChain::genesisHash();
    qint64 previousId = 0;
    for (const auto &[first, m] : manifests) {
        if (m.prevAnchor.toLatin1() != expected)
            return fail(ChainVerification::Problem::Missing, m.firstId, QString(),
                        QStringLiteral("archive %1 does not continue %2: archived records before record %3 are missing")
                            .arg(m.file, previousId > 0 ? QStringLiteral("record %1").arg(previousId) : QStringLiteral("the start of the chain"))
                            .arg(m.firstId),
                        m.file, 1);
        QFile file(dir.filePath(m.file));
        if (!file.open(QIODevice::ReadOnly))
            return Error{QStringLiteral("audit_archive_error"), QStringLiteral("cannot read archive %1: %2").arg(m.file, file.errorString())};
        file.readLine(); // the manifest
        qint64 lineNo = 1;
        qint64 count = 0;
        QString firstHash;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++lineNo;
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            const QJsonObject o = doc.object();
            const qint64 id = o.value(QLatin1String("id")).toInteger(-1);
            const QString requestId = o.value(QLatin1String("request_id")).toString();
            const QString where = QStringLiteral("archive %1 line %2").arg(m.file).arg(lineNo);
            if (error.error != QJsonParseError::NoError || !doc.isObject() || id < 1)
                return fail(ChainVerification::Problem::Altered, id, requestId,
                            QStringLiteral("%1 is not an archived audit record").arg(where), m.file, lineNo);
            auto record = auditRecordFromJson(o);
            if (!record)
                return fail(ChainVerification::Problem::Altered, id, requestId,
                            QStringLiteral("%1: record %2 cannot be read: %3").arg(where).arg(id).arg(record.error().message), m.file, lineNo);
            ++v.recordsChecked;
            ++out.archivedRecords;
            const QByteArray prevHash = record.value().prevHash.toLatin1();
            const QByteArray hash = record.value().hash.toLatin1();
            if (AuditChain::hashRecord(prevHash, record.value()) != hash)
                return fail(ChainVerification::Problem::Altered, id, requestId,
                            QStringLiteral("%1: record %2 (%3) does not match its hash: a field or the hash was changed")
                                .arg(where)
                                .arg(id)
                                .arg(requestId),
                            m.file, lineNo);
            if (prevHash != expected || id <= previousId)
                return fail(ChainVerification::Problem::Missing, id, requestId,
                            QStringLiteral("%1: record %2 (%3) does not follow %4: records are missing or reordered")
                                .arg(where)
                                .arg(id)
                                .arg(requestId, previousId > 0 ? QStringLiteral("record %1").arg(previousId) : QStringLiteral("the start of the chain")),
                            m.file, lineNo);
            if (count == 0)
                firstHash = QString::fromLatin1(hash);
            ++count;
            expected = hash;
            previousId = id;
        }
        if (count != m.count || firstHash != m.firstHash || QString::fromLatin1(expected) != m.lastHash
            || m.lastHash != m.anchor || previousId != m.lastId)
            return fail(ChainVerification::Problem::Missing, previousId, QString(),
                        QStringLiteral("archive %1: its manifest names %2 record(s) ending at record %3 with anchor %4, "
                                       "but the file holds %5 ending at record %6")
                            .arg(m.file)
                            .arg(m.count)
                            .arg(m.lastId)
                            .arg(m.anchor.left(16))
                            .arg(count)
                            .arg(previousId),
                        m.file, 1);
        ++out.archiveFiles;
    }

    // The live trail, then the seam between the archives and it.
    auto live = store.verify();
    if (!live)
        return live.error();
    const ChainVerification &l = live.value();
    out.liveRecords = l.recordsChecked;
    v.recordsChecked += l.recordsChecked;
    if (!l.ok) {
        const qint64 checked = v.recordsChecked;
        v = l;
        v.recordsChecked = checked;
        return out;
    }
    if (l.baseHash.toLatin1() != expected)
        return fail(ChainVerification::Problem::Missing, -1, QString(),
                    manifests.empty() ? QStringLiteral("the live trail starts at an archive anchor, but %1 holds no archive").arg(dir.absolutePath())
                                      : QStringLiteral("the live trail does not continue the last archive %1: archives are missing or the anchor was changed")
                                            .arg(manifests.rbegin()->second.file));
    v.headHash = l.headHash;
    v.baseHash = QString::fromLatin1(AuditChain::genesisHash());
    return out;
}

} // namespace perimeter::observe
