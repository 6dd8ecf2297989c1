// SPDX-License-Identifier: Apache-2.0
#include "ApiKeyStore.h"
#include "storage/SqliteConnection.h"
#include "ApiKeyCrypto.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace perimeter::auth {

namespace {

constexpr int kMaxNameLength = 256;
constexpr int kMaxCommentLength = 1024;

Error storeError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("keystore_error"), QStringLiteral("%1: %2").arg(what, error.text())};
}

QString formatTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &v)
{
    if (v.isNull())
        return QDateTime();
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

bool isPrintableName(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return false;
    }
    return true;
}

// One connection for the duration of a call, its failure reported with this store's code.
class Connection : public storage::SqliteConnection {
public:
    explicit Connection(const QString &path)
        : SqliteConnection(path, QStringLiteral("key store"), QStringLiteral("keystore_error"))
    {
    }
};

Status migrate(QSqlDatabase &db)
{
    if (!db.transaction())
        return storeError(QStringLiteral("cannot start schema transaction"), db.lastError());
    QSqlQuery q(db);
    auto run = [&](const QString &sql) -> std::optional<Error> {
        if (!q.exec(sql))
            return storeError(QStringLiteral("key store schema statement failed"), q.lastError());
        return std::nullopt;
    };
    auto fail = [&](Error e) -> Status {
        q.finish();
        db.rollback();
        return e;
    };
    if (auto e = run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return fail(*e);
    if (auto e = run(QStringLiteral("SELECT version FROM schema_version")))
        return fail(*e);
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    if (version > ApiKeyStore::kSchemaVersion)
        return fail(Error{QStringLiteral("keystore_error"),
                          QStringLiteral("key store schema version %1 is newer than this program supports (%2)")
                              .arg(version)
                              .arg(ApiKeyStore::kSchemaVersion)});
    if (version < 1) {
        const QStringList statements = {
            QStringLiteral("CREATE TABLE api_keys ("
                           "key_id TEXT PRIMARY KEY, "
                           "caller TEXT NOT NULL, "
                           "team TEXT, "
                           "key_sha256 BLOB NOT NULL, "
                           "created_at TEXT NOT NULL, "
                           "expires_at TEXT, "
                           "revoked_at TEXT, "
                           "comment TEXT)"),
            QStringLiteral("CREATE UNIQUE INDEX api_keys_sha256 ON api_keys (key_sha256)"),
            QStringLiteral("DELETE FROM schema_version"),
            QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"),
        };
        for (const QString &sql : statements) {
            if (auto e = run(sql))
                return fail(*e);
        }
    }
    if (!db.commit())
        return fail(storeError(QStringLiteral("cannot commit key store schema"), db.lastError()));
    return Ok{};
}

ApiKeyInfo readInfo(const QSqlQuery &q)
{
    ApiKeyInfo info;
    info.keyId = q.value(0).toString();
    info.callerId = q.value(1).toString();
    info.team = q.value(2).toString();
    info.created = parseTime(q.value(3));
    info.expires = parseTime(q.value(4));
    info.revoked = parseTime(q.value(5));
    info.comment = q.value(6).toString();
    return info;
}

} // namespace

ApiKeyStore::ApiKeyStore(QString path, Clock clock) : m_path(std::move(path)), m_clock(std::move(clock)) {}

QDateTime ApiKeyStore::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

Result<std::unique_ptr<ApiKeyStore>> ApiKeyStore::open(const QString &dataDir, Clock clock)
{
    if (dataDir.isEmpty())
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("key store data directory is empty")};
    const QString absDir = QDir(dataDir).absolutePath();
    if (!QFileInfo::exists(absDir)) {
        if (!QDir().mkpath(absDir))
            return Error{QStringLiteral("keystore_error"), QStringLiteral("cannot create data directory %1").arg(absDir)};
        QFile::setPermissions(absDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!QFileInfo(absDir).isDir()) {
        return Error{QStringLiteral("keystore_error"), QStringLiteral("%1 is not a directory").arg(absDir)};
    }
    const QString path = QDir(absDir).filePath(QStringLiteral("keys.db"));
    const bool existed = QFileInfo::exists(path);
    {
        Connection c(path);
        if (c.error())
            return *c.error();
        if (auto migrated = migrate(c.db()); !migrated)
            return migrated.error();
    }
    // Hashes of 256-bit random keys are not secrets in the password sense, but the file also
    // maps callers to keys: keep it owner-only.
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return std::unique_ptr<ApiKeyStore>(new ApiKeyStore(path, std::move(clock)));
}

Result<CreatedApiKey> ApiKeyStore::create(const QString &callerId, const QString &team,
                                          const std::optional<QDateTime> &expires, const QString &comment)
{
    if (callerId.trimmed().isEmpty() || callerId.size() > kMaxNameLength || !isPrintableName(callerId))
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("caller id must be 1-%1 printable characters").arg(kMaxNameLength)};
    if (team.size() > kMaxNameLength || !isPrintableName(team))
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("team must be at most %1 printable characters").arg(kMaxNameLength)};
    if (comment.size() > kMaxCommentLength || !isPrintableName(comment))
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("comment must be at most %1 printable characters").arg(kMaxCommentLength)};
    const QDateTime created = now();
    if (expires && (!expires->isValid() || *expires <= created))
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("expiry must be a valid time in the future")};

    Connection c(m_path);
    if (c.error())
        return *c.error();

    auto key = ApiKeyCrypto::generateApiKey();
    if (!key)
        return key.error();
    const QByteArray hash = ApiKeyCrypto::sha256(key.value());
    if (hash.size() != 32)
        return Error{QStringLiteral("crypto_error"), QStringLiteral("SHA-256 unavailable")};

    // A 48-bit id collides only with astronomically bad luck; retry rather than fail then.
    for (int attempt = 0; attempt < 4; ++attempt) {
        auto idBytes = ApiKeyCrypto::randomBytes(6);
        if (!idBytes)
            return idBytes.error();
        const QString keyId = QString::fromLatin1(idBytes.value().toHex());
        QSqlQuery q(c.db());
        q.prepare(QStringLiteral("INSERT INTO api_keys (key_id, caller, team, key_sha256, created_at, expires_at, revoked_at, comment) "
                                 "VALUES (?, ?, ?, ?, ?, ?, NULL, ?)"));
        q.addBindValue(keyId);
        q.addBindValue(callerId);
        q.addBindValue(team.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(team));
        q.addBindValue(hash);
        q.addBindValue(formatTime(created));
        q.addBindValue(expires ? QVariant(formatTime(*expires)) : QVariant(QMetaType::fromType<QString>()));
        q.addBindValue(comment.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(comment));
        if (q.exec()) {
            CreatedApiKey result;
            result.info.keyId = keyId;
            result.info.callerId = callerId;
            result.info.team = team;
            result.info.created = parseTime(formatTime(created));
            result.info.expires = expires ? parseTime(formatTime(*expires)) : QDateTime();
            result.info.comment = comment;
            result.plaintextKey = QString::fromLatin1(key.value());
            return result;
        }
        // Only a key_id collision is worth another try; the driver does not expose the
        // extended result code, so check for the id explicitly.
        QSqlQuery exists(c.db());
        exists.prepare(QStringLiteral("SELECT 1 FROM api_keys WHERE key_id = ?"));
        exists.addBindValue(keyId);
        if (!exists.exec() || !exists.next())
            return storeError(QStringLiteral("cannot store the new key"), q.lastError());
    }
    return Error{QStringLiteral("keystore_error"), QStringLiteral("cannot allocate a unique key id")};
}

Result<QList<ApiKeyInfo>> ApiKeyStore::list() const
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlQuery q(c.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key_id, caller, team, created_at, expires_at, revoked_at, comment "
                               "FROM api_keys ORDER BY created_at, key_id")))
        return storeError(QStringLiteral("cannot list keys"), q.lastError());
    QList<ApiKeyInfo> keys;
    while (q.next())
        keys.append(readInfo(q));
    return keys;
}

Result<bool> ApiKeyStore::revoke(const QString &keyId)
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL"));
    q.addBindValue(formatTime(now()));
    q.addBindValue(keyId);
    if (!q.exec())
        return storeError(QStringLiteral("cannot revoke key"), q.lastError());
    if (q.numRowsAffected() == 1)
        return true;
    QSqlQuery exists(c.db());
    exists.prepare(QStringLiteral("SELECT 1 FROM api_keys WHERE key_id = ?"));
    exists.addBindValue(keyId);
    if (!exists.exec())
        return storeError(QStringLiteral("cannot revoke key"), exists.lastError());
    if (!exists.next())
        return Error{QStringLiteral("not_found"), QStringLiteral("no key with id %1").arg(keyId)};
    return false;
}

Result<QList<StoredKey>> ApiKeyStore::loadActive() const
{
    Connection c(m_path);
    if (c.error())
        return *c.error();
    QSqlQuery q(c.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT key_id, caller, team, expires_at, key_sha256 FROM api_keys WHERE revoked_at IS NULL")))
        return storeError(QStringLiteral("cannot load keys"), q.lastError());
    const QDateTime at = now();
    QList<StoredKey> keys;
    while (q.next()) {
        StoredKey key;
        key.keyId = q.value(0).toString();
        key.callerId = q.value(1).toString();
        key.team = q.value(2).toString();
        key.expires = parseTime(q.value(3));
        key.sha256 = q.value(4).toByteArray();
        if (key.expires.isValid() && key.expires <= at)
            continue;
        keys.append(std::move(key));
    }
    return keys;
}

} // namespace perimeter::auth
