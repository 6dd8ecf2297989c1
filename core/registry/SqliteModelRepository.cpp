// SPDX-License-Identifier: Apache-2.0
#include "SqliteModelRepository.h"
#include "storage/SqliteConnection.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>
#include <optional>

namespace perimeter::registry {

namespace {

Error storeError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("registry_error"), QStringLiteral("%1: %2").arg(what, error.text())};
}

QString formatTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

QString joinEndpoints(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

QStringList splitEndpoints(const QString &json)
{
    QStringList ids;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        ids.append(v.toString());
    return ids;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

// One connection for the duration of a call, its failure reported with this store's code.
class Connection : public storage::SqliteConnection {
public:
    explicit Connection(const QString &path)
        : SqliteConnection(path, QStringLiteral("the model registry"), QStringLiteral("registry_error"))
    {
    }
};

Status migrate(QSqlDatabase &db)
{
    if (!db.transaction())
        return storeError(QStringLiteral("cannot start the registry schema transaction"), db.lastError());
    QSqlQuery q(db);
    auto fail = [&](const Error &e) -> Status {
        q.finish();
        db.rollback();
        return e;
    };
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")) ||
        !q.exec(QStringLiteral("SELECT version FROM schema_version")))
        return fail(storeError(QStringLiteral("registry schema statement failed"), q.lastError()));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (version > SqliteModelRepository::kSchemaVersion)
        return fail(Error{QStringLiteral("registry_error"), QStringLiteral("registry schema version %1 is newer than this program supports (%2)")
                                                              .arg(version)
                                                              .arg(SqliteModelRepository::kSchemaVersion)});
    if (version < 1) {
        const QStringList statements = {
            QStringLiteral("CREATE TABLE models ("
                           "name TEXT NOT NULL, version TEXT NOT NULL, kind TEXT NOT NULL, endpoints TEXT NOT NULL, "
                           "context_length INTEGER NOT NULL, capacity INTEGER NOT NULL, status TEXT NOT NULL, notes TEXT, "
                           "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, "
                           "PRIMARY KEY (name, version))"),
            QStringLiteral("CREATE TABLE history ("
                           "seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, "
                           "name TEXT NOT NULL, version TEXT NOT NULL, before_json TEXT, after_json TEXT NOT NULL, comment TEXT)"),
            QStringLiteral("CREATE INDEX history_model ON history (name, version)"),
            QStringLiteral("DELETE FROM schema_version"),
            QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"),
        };
        for (const QString &sql : statements) {
            if (!q.exec(sql))
                return fail(storeError(QStringLiteral("registry schema statement failed"), q.lastError()));
        }
    }
    if (!db.commit())
        return fail(storeError(QStringLiteral("cannot commit the registry schema"), db.lastError()));
    return Ok{};
}

ModelRecord readRecord(const QSqlQuery &q)
{
    ModelRecord r;
    r.name = q.value(0).toString();
    r.version = q.value(1).toString();
    r.kind = q.value(2).toString();
    r.endpoints = splitEndpoints(q.value(3).toString());
    r.contextLength = q.value(4).toInt();
    r.capacity = q.value(5).toInt();
    r.status = parseStatus(q.value(6).toString()).value_or(ModelStatus::Retired); // unknown: fail closed
    r.notes = q.value(7).toString();
    r.created = parseTime(q.value(8));
    r.updated = parseTime(q.value(9));
    r.updatedBy = q.value(10).toString();
    return r;
}

} // namespace

Result<std::unique_ptr<SqliteModelRepository>> SqliteModelRepository::open(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("registry data directory is empty")};
    const QString absDir = QDir(dataDir).absolutePath();
    if (!QFileInfo::exists(absDir)) {
        if (!QDir().mkpath(absDir))
            return Error{QStringLiteral("registry_error"), QStringLiteral("cannot create data directory %1").arg(absDir)};
        QFile::setPermissions(absDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!QFileInfo(absDir).isDir()) {
        return Error{QStringLiteral("registry_error"), QStringLiteral("%1 is not a directory").arg(absDir)};
    }
    const QString path = QDir(absDir).filePath(fileName());
    const bool existed = QFileInfo::exists(path);
    {
        Connection c(path);
        if (c.error())
            return *c.error();
        if (auto migrated = migrate(c.db()); !migrated)
            return migrated.error();
    }
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return std::unique_ptr<SqliteModelRepository>(new SqliteModelRepository(path));
}

Result<QList<ModelRecord>> SqliteModelRepository::list() const
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlQuery q(c.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT name, version, kind, endpoints, context_length, capacity, status, notes, created_at, updated_at, updated_by "
                               "FROM models ORDER BY name, created_at, version")))
        return storeError(QStringLiteral("cannot list models"), q.lastError());
    QList<ModelRecord> records;
    while (q.next())
        records.append(readRecord(q));
    return records;
}

Result<QList<HistoryEntry>> SqliteModelRepository::history(const QString &name, const QString &version) const
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlQuery q(c.db());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT seq, at, actor, action, name, version, before_json, after_json, comment FROM history");
    QStringList where;
    if (!name.isEmpty())
        where.append(QStringLiteral("name = :name"));
    if (!version.isEmpty())
        where.append(QStringLiteral("version = :version"));
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY seq");
    q.prepare(sql);
    if (!name.isEmpty())
        q.bindValue(QStringLiteral(":name"), name);
    if (!version.isEmpty())
        q.bindValue(QStringLiteral(":version"), version);
    if (!q.exec())
        return storeError(QStringLiteral("cannot read the registry history"), q.lastError());
    QList<HistoryEntry> entries;
    while (q.next()) {
        HistoryEntry e;
        e.sequence = q.value(0).toLongLong();
        e.at = parseTime(q.value(1));
        e.actor = q.value(2).toString();
        e.action = q.value(3).toString();
        e.name = q.value(4).toString();
        e.version = q.value(5).toString();
        e.before = q.value(6).toString().toUtf8();
        e.after = q.value(7).toString().toUtf8();
        e.comment = q.value(8).toString();
        entries.append(std::move(e));
    }
    return entries;
}

Result<qint64> SqliteModelRepository::revision() const
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlQuery q(c.db());
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM history")) || !q.next())
        return storeError(QStringLiteral("cannot read the registry revision"), q.lastError());
    return q.value(0).toLongLong();
}

Result<HistoryEntry> SqliteModelRepository::write(const ModelRecord &record, const HistoryEntry &entry)
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlDatabase &db = c.db();
    // BEGIN IMMEDIATE would be nicer, but QSqlDatabase::transaction() issues a plain BEGIN; the
    // busy timeout covers the rare lock upgrade between two admin writers.
    if (!db.transaction())
        return storeError(QStringLiteral("cannot start a registry transaction"), db.lastError());
    QSqlQuery q(db);
    auto fail = [&](const Error &e) -> Result<HistoryEntry> {
        q.finish();
        db.rollback();
        return e;
    };
    const bool insert = entry.action == QLatin1String("seed") || entry.action == QLatin1String("add");
    q.prepare(QStringLiteral("SELECT 1 FROM models WHERE name = ? AND version = ?"));
    q.addBindValue(record.name);
    q.addBindValue(record.version);
    if (!q.exec())
        return fail(storeError(QStringLiteral("cannot write the model"), q.lastError()));
    const bool exists = q.next();
    q.finish();
    if (insert && exists)
        return fail(Error{QStringLiteral("duplicate"), QStringLiteral("%1 version %2 is already registered").arg(record.name, record.version)});
    if (!insert && !exists)
        return fail(Error{QStringLiteral("not_found"), QStringLiteral("%1 version %2 is not registered").arg(record.name, record.version)});

    if (insert) {
        q.prepare(QStringLiteral("INSERT INTO models (name, version, kind, endpoints, context_length, capacity, status, notes, created_at, updated_at, updated_by) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(record.name);
        q.addBindValue(record.version);
    } else {
        q.prepare(QStringLiteral("UPDATE models SET kind = ?, endpoints = ?, context_length = ?, capacity = ?, status = ?, notes = ?, "
                                 "created_at = ?, updated_at = ?, updated_by = ? WHERE name = ? AND version = ?"));
    }
    q.addBindValue(record.kind);
    q.addBindValue(joinEndpoints(record.endpoints));
    q.addBindValue(record.contextLength);
    q.addBindValue(record.capacity);
    q.addBindValue(statusName(record.status));
    q.addBindValue(nullableText(record.notes));
    q.addBindValue(formatTime(record.created));
    q.addBindValue(formatTime(record.updated));
    q.addBindValue(record.updatedBy);
    if (!insert) {
        q.addBindValue(record.name);
        q.addBindValue(record.version);
    }
    if (!q.exec())
        return fail(storeError(QStringLiteral("cannot write the model"), q.lastError()));

    q.prepare(QStringLiteral("INSERT INTO history (at, actor, action, name, version, before_json, after_json, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(formatTime(entry.at));
    q.addBindValue(entry.actor);
    q.addBindValue(entry.action);
    q.addBindValue(record.name);
    q.addBindValue(record.version);
    q.addBindValue(entry.before.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromUtf8(entry.before)));
    q.addBindValue(QString::fromUtf8(entry.after));
    q.addBindValue(nullableText(entry.comment));
    if (!q.exec())
        return fail(storeError(QStringLiteral("cannot record the registry history"), q.lastError()));
    HistoryEntry written = entry;
    written.sequence = q.lastInsertId().toLongLong();
    written.name = record.name;
    written.version = record.version;
    written.at = parseTime(formatTime(entry.at));
    q.finish();
    if (!db.commit())
        return fail(storeError(QStringLiteral("cannot commit the registry change"), db.lastError()));
    return written;
}

} // namespace perimeter::registry
