// SPDX-License-Identifier: Apache-2.0
#include "ApiKeyAuthenticator.h"
#include "ApiKeyCrypto.h"

namespace perimeter::auth {

namespace {

Error unauthenticated(const char *message)
{
    return Error{QStringLiteral("unauthenticated"), QString::fromLatin1(message)};
}

bool isOws(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

ApiKeyAuthenticator::ApiKeyAuthenticator(QList<ConfiguredKey> configuredKeys, Clock clock)
    : m_clock(std::move(clock)), m_configured(std::move(configuredKeys))
{
    std::lock_guard lock(m_sourceMutex);
    rebuildLocked();
}

void ApiKeyAuthenticator::setConfiguredKeys(QList<ConfiguredKey> keys)
{
    std::lock_guard lock(m_sourceMutex);
    m_configured = std::move(keys);
    rebuildLocked();
}

void ApiKeyAuthenticator::setStoredKeys(QList<StoredKey> keys)
{
    std::lock_guard lock(m_sourceMutex);
    m_stored = std::move(keys);
    rebuildLocked();
}

void ApiKeyAuthenticator::rebuildLocked()
{
    auto next = std::make_shared<Snapshot>();
    next->reserve(m_configured.size() + m_stored.size());
    // Config keys first: when the same key is in both, the operator's file wins.
    for (const ConfiguredKey &key : m_configured) {
        if (key.sha256.size() != 32 || next->contains(key.sha256))
            continue;
        Principal p{key.callerId, key.team, QStringLiteral("config:") + key.callerId, QStringLiteral("config")};
        next->insert(key.sha256, Entry{std::move(p), key.sha256, QDateTime()});
    }
    for (const StoredKey &key : m_stored) {
        if (key.sha256.size() != 32 || next->contains(key.sha256))
            continue;
        Principal p{key.callerId, key.team, key.keyId, QStringLiteral("keystore")};
        next->insert(key.sha256, Entry{std::move(p), key.sha256, key.expires});
    }
    std::shared_ptr<const Snapshot> frozen = std::move(next);
    std::lock_guard lock(m_snapshotMutex);
    m_snapshot.swap(frozen);
    // The previous snapshot is released here or by the last reader still holding it.
}

std::shared_ptr<const ApiKeyAuthenticator::Snapshot> ApiKeyAuthenticator::snapshot() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshot;
}

qsizetype ApiKeyAuthenticator::keyCount() const
{
    return snapshot()->size();
}

Result<Principal> ApiKeyAuthenticator::authenticate(const QByteArray &header) const
{
    // Parse "Bearer <token>" (RFC 6750 §2.1; the scheme is case-insensitive, RFC 9110 §11.1).
    qsizetype begin = 0;
    qsizetype end = header.size();
    while (begin < end && isOws(header.at(begin)))
        ++begin;
    while (end > begin && isOws(header.at(end - 1)))
        --end;
    if (begin == end)
        return unauthenticated("missing API key: send \"Authorization: Bearer <key>\"");
    static const QByteArray scheme = QByteArrayLiteral("bearer");
    const QByteArrayView value(header.constData() + begin, end - begin);
    if (value.size() <= scheme.size() || value.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0
        || !isOws(value.at(scheme.size()))) {
        return unauthenticated("malformed Authorization header: expected \"Bearer <key>\"");
    }
    QByteArrayView token = value.sliced(scheme.size());
    while (!token.isEmpty() && isOws(token.front()))
        token = token.sliced(1);
    if (token.isEmpty() || token.size() > kMaxCredentialLength)
        return unauthenticated("malformed Authorization header: expected \"Bearer <key>\"");
    for (const char c : token) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f)
            return unauthenticated("malformed Authorization header: expected \"Bearer <key>\"");
    }

    // Why a hash-table lookup by SHA-256 does not leak keys through timing: the table is
    // keyed by the digest of the *presented* key, so any timing difference in hashing,
    // bucketing or comparing reveals at most how many leading digest bytes of the attacker's
    // own guess match a stored digest. Turning that into a stored key would need a SHA-256
    // preimage, and issued keys carry 256 random bits, so there is nothing to guess
    // byte-by-byte (unlike comparing plaintext secrets). CRYPTO_memcmp on the final match
    // keeps the one comparison that decides acceptance constant-time anyway.
    const QByteArray presented = ApiKeyCrypto::sha256(QByteArray(token.data(), token.size()));
    if (presented.size() != 32)
        return unauthenticated("API key could not be verified");
    const auto keys = snapshot();
    const auto it = keys->constFind(presented);
    if (it == keys->constEnd() || !ApiKeyCrypto::digestsEqual(it->sha256, presented))
        return unauthenticated("invalid or revoked API key");
    if (it->expires.isValid()) {
        const QDateTime now = m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
        if (now >= it->expires)
            return unauthenticated("API key expired");
    }
    return it->principal;
}

} // namespace perimeter::auth
