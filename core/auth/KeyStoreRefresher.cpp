// SPDX-License-Identifier: Apache-2.0
#include "KeyStoreRefresher.h"
#include "ApiKeyAuthenticator.h"
#include "ApiKeyStore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace perimeter::auth {

KeyStoreRefresher::KeyStoreRefresher(std::shared_ptr<ApiKeyStore> store,
                                     std::shared_ptr<ApiKeyAuthenticator> authenticator, int intervalMs,
                                     QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_authenticator(std::move(authenticator))
{
    m_timer.setInterval(intervalMs > 0 ? intervalMs : kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &KeyStoreRefresher::refreshNow);
    connect(&m_watcher, &QFutureWatcher<LoadResult>::finished, this, &KeyStoreRefresher::onLoaded);
}

KeyStoreRefresher::~KeyStoreRefresher()
{
    // A load still running keeps the store alive through its own shared_ptr and its result
    // is dropped; waiting here would block whichever thread destroys us.
    m_watcher.disconnect(this);
}

void KeyStoreRefresher::setIntervalMs(int intervalMs)
{
    if (intervalMs > 0)
        m_timer.setInterval(intervalMs);
}

void KeyStoreRefresher::start()
{
    m_timer.start();
    refreshNow();
}

void KeyStoreRefresher::stop()
{
    m_timer.stop();
}

void KeyStoreRefresher::refreshNow()
{
    if (m_loading)
        return;
    m_loading = true;
    std::shared_ptr<ApiKeyStore> store = m_store;
    m_watcher.setFuture(QtConcurrent::run([store] {
        LoadResult result;
        auto loaded = store->loadActive();
        if (loaded) {
            result.ok = true;
            result.keys = std::move(loaded).value();
        } else {
            result.error = loaded.error().message;
        }
        return result;
    }));
}

void KeyStoreRefresher::onLoaded()
{
    m_loading = false;
    LoadResult result = m_watcher.result();
    if (!result.ok) {
        Q_EMIT refreshFailed(result.error);
        return;
    }
    const int count = static_cast<int>(result.keys.size());
    m_authenticator->setStoredKeys(std::move(result.keys));
    Q_EMIT refreshed(count);
}

} // namespace perimeter::auth
