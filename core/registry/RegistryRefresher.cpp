// SPDX-License-Identifier: Apache-2.0
#include "RegistryRefresher.h"
#include "ModelRegistry.h"
#include <QtConcurrent/QtConcurrentRun>

namespace perimeter::registry {

RegistryRefresher::RegistryRefresher(std::shared_ptr<ModelRegistry> registry, qint64 knownRevision, int intervalMs, QObject *parent)
    : QObject(parent), m_registry(std::move(registry)), m_known(knownRevision)
{
    m_timer.setInterval(intervalMs > 0 ? intervalMs : kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RegistryRefresher::refreshNow);
    connect(&m_watcher, &QFutureWatcher<Load>::finished, this, &RegistryRefresher::onLoaded);
}

RegistryRefresher::~RegistryRefresher()
{
    // A read still running holds its own shared_ptr to the registry; its result is dropped.
    m_watcher.disconnect(this);
}

void RegistryRefresher::start()
{
    m_timer.start();
}

void RegistryRefresher::stop()
{
    m_timer.stop();
}

void RegistryRefresher::refreshNow()
{
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    auto registry = m_registry;
    const qint64 known = m_known;
    m_watcher.setFuture(QtConcurrent::run([registry, known]() {
        Load load;
        auto revision = registry->revision();
        if (!revision.ok()) {
            load.error = revision.error().message;
            return load;
        }
        load.ok = true;
        load.revision = revision.value();
        if (load.revision == known)
            return load;
        auto records = registry->list();
        if (!records.ok()) {
            load.ok = false;
            load.error = records.error().message;
            return load;
        }
        load.changed = true;
        load.records = std::move(records).value();
        return load;
    }));
}

void RegistryRefresher::onLoaded()
{
    m_loading = false;
    Load load = m_watcher.result();
    if (!load.ok) {
        Q_EMIT refreshFailed(load.error);
    } else if (load.changed && load.revision != m_known) {
        m_known = load.revision;
        Q_EMIT changed(load.records, load.revision);
    }
    if (m_again) {
        m_again = false;
        refreshNow();
    }
}

} // namespace perimeter::registry
