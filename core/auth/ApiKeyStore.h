// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ApiKeyTypes.h"
#include "common/Result.h"

#include <QList>
#include <functional>
#include <memory>
#include <optional>

namespace perimeter::auth {

// Issued API keys in <dataDir>/keys.db (SQLite, WAL). Only the SHA-256 of a key is stored;
// the plaintext is returned once by create() and cannot be recovered.
//
// Every call opens its own short-lived connection in the calling thread: the CLI, the
// console and KeyStoreRefresher's pool threads can all use one instance without sharing a Qt
// connection across threads, and SQLite/WAL serialises the writers. Calls block: never call
// them on the gateway's event loop (KeyStoreRefresher moves loadActive() off it).
class ApiKeyStore {
public:
    using Clock = std::function<QDateTime()>;
    static constexpr int kSchemaVersion = 1;

    // Creates the directory (0700) and the schema when missing. clock defaults to the UTC wall clock.
    static Result<std::unique_ptr<ApiKeyStore>> open(const QString &dataDir, Clock clock = {});

    // expires must lie in the future; team and comment may be empty.
    Result<CreatedApiKey> create(const QString &callerId, const QString &team,
                                 const std::optional<QDateTime> &expires = std::nullopt,
                                 const QString &comment = QString());
    // Every key, oldest first, revoked and expired ones included.
    Result<QList<ApiKeyInfo>> list() const;
    // true: revoked now; false: it was already revoked. Error "not_found" for an unknown id.
    Result<bool> revoke(const QString &keyId);
    // Keys neither revoked nor expired at the time of the call, with their hashes.
    Result<QList<StoredKey>> loadActive() const;

    QString databasePath() const { return m_path; }

private:
    ApiKeyStore(QString path, Clock clock);
    QDateTime now() const;

    const QString m_path;
    const Clock m_clock;
};

} // namespace perimeter::auth
