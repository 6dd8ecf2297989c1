// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ApiKeyTypes.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <memory>

namespace perimeter::auth {

class ApiKeyStore;
class ApiKeyAuthenticator;

// Keeps an ApiKeyAuthenticator in step with keys.db so that `perimeterctl keys create|revoke`
// takes effect without a restart (within one interval). The SQLite read runs on Qt's global
// thread pool; only the finished snapshot comes back to this object's thread, so the
// gateway's event loop never touches SQLite. At most one load is in flight; ticks that come
// while one runs are skipped.
class KeyStoreRefresher : public QObject {
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 2000;

    KeyStoreRefresher(std::shared_ptr<ApiKeyStore> store, std::shared_ptr<ApiKeyAuthenticator> authenticator,
                      int intervalMs = kDefaultIntervalMs, QObject *parent = nullptr);
    ~KeyStoreRefresher() override;

    int intervalMs() const { return m_timer.interval(); }
    void setIntervalMs(int intervalMs);
    bool isActive() const { return m_timer.isActive(); }
    bool isLoading() const { return m_loading; }

public Q_SLOTS:
    // Loads once at once, then every interval.
    void start();
    void stop();
    // Starts a load unless one is already running.
    void refreshNow();

Q_SIGNALS:
    // The authenticator now holds activeKeys keystore keys.
    void refreshed(int activeKeys);
    // The previous snapshot stays in force; the message names no key material.
    void refreshFailed(const QString &message);

private:
    struct LoadResult {
        bool ok = false;
        QList<StoredKey> keys;
        QString error;
    };
    void onLoaded();

    std::shared_ptr<ApiKeyStore> m_store;
    std::shared_ptr<ApiKeyAuthenticator> m_authenticator;
    QTimer m_timer;
    QFutureWatcher<LoadResult> m_watcher;
    bool m_loading = false;
};

} // namespace perimeter::auth
