// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ApiKeyTypes.h"
#include "Authenticator.h"

#include <QHash>
#include <QList>
#include <functional>
#include <memory>
#include <mutex>

namespace perimeter::auth {

// Verifies "Authorization: Bearer <api key>" against the keys of the config file and a
// snapshot of the active keystore keys. authenticate() does no I/O and holds a lock only to
// copy a shared_ptr, so it is safe on the gateway thread while another thread swaps in a new
// snapshot (KeyStoreRefresher).
class ApiKeyAuthenticator final : public Authenticator {
public:
    using Clock = std::function<QDateTime()>;
    static constexpr qsizetype kMaxCredentialLength = 4096;

    explicit ApiKeyAuthenticator(QList<ConfiguredKey> configuredKeys = {}, Clock clock = {});

    Result<Principal> authenticate(const QByteArray &authorizationHeaderValue) const override;

    // Both are thread-safe and take effect for the next authenticate() call.
    void setConfiguredKeys(QList<ConfiguredKey> keys); // config reload (SIGHUP)
    void setStoredKeys(QList<StoredKey> keys);         // keystore refresh

    // Keys currently accepted (config + keystore, duplicates counted once).
    qsizetype keyCount() const;

private:
    struct Entry {
        Principal principal;
        QByteArray sha256;
        QDateTime expires; // invalid = never
    };
    using Snapshot = QHash<QByteArray, Entry>;

    void rebuildLocked();
    std::shared_ptr<const Snapshot> snapshot() const;

    const Clock m_clock;

    std::mutex m_sourceMutex; // serialises rebuilds
    QList<ConfiguredKey> m_configured;
    QList<StoredKey> m_stored;

    mutable std::mutex m_snapshotMutex; // guards only the pointer swap/copy
    std::shared_ptr<const Snapshot> m_snapshot;
};

} // namespace perimeter::auth
