// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace perimeter::auth {

// A caller key from the configuration file (callers[].api_key_sha256). Defined here so that
// auth does not depend on the config module.
struct ConfiguredKey {
    QString callerId;
    QString team;
    QByteArray sha256; // 32 raw bytes
};

// An active keystore key as the authenticator needs it.
struct StoredKey {
    QString keyId;
    QString callerId;
    QString team;
    QDateTime expires; // invalid = never
    QByteArray sha256; // 32 raw bytes
};

// What `keys list` shows: never the key nor its hash.
struct ApiKeyInfo {
    QString keyId;
    QString callerId;
    QString team;
    QDateTime created;
    QDateTime expires; // invalid = never
    QDateTime revoked; // invalid = not revoked
    QString comment;

    bool isRevoked() const { return revoked.isValid(); }
    bool isExpired(const QDateTime &now) const { return expires.isValid() && expires <= now; }
};

// Returned once by ApiKeyStore::create(); the plaintext exists nowhere else afterwards.
struct CreatedApiKey {
    ApiKeyInfo info;
    QString plaintextKey;
};

} // namespace perimeter::auth
