// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ModelRecord.h"
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

namespace perimeter::registry {

class ModelRegistry;

// Lets a running gateway follow registry.db, whoever writes it (perimeterctl, the console, the
// admin API, another perimeterd sharing the data_dir): every interval it reads the registry's
// revision on the thread pool and, when it moved, the records; changed() then comes on this
// object's thread. The event loop never touches SQLite. At most one read is in flight.
class RegistryRefresher : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 1000;

    RegistryRefresher(std::shared_ptr<ModelRegistry> registry, qint64 knownRevision, int intervalMs = kDefaultIntervalMs,
                      QObject *parent = nullptr);
    ~RegistryRefresher() override;

    qint64 knownRevision() const { return m_known; }
    bool isActive() const { return m_timer.isActive(); }

public Q_SLOTS:
    void start();
    void stop();
    // Reads now unless a read is running (then one more follows it).
    void refreshNow();

Q_SIGNALS:
    void changed(const QList<perimeter::registry::ModelRecord> &records, qint64 revision);
    void refreshFailed(const QString &message);

private:
    struct Load {
        bool ok = false;
        bool changed = false;
        qint64 revision = 0;
        QList<ModelRecord> records;
        QString error;
    };
    void onLoaded();

    std::shared_ptr<ModelRegistry> m_registry;
    qint64 m_known;
    QTimer m_timer;
    QFutureWatcher<Load> m_watcher;
    bool m_loading = false;
    bool m_again = false;
};

} // namespace perimeter::registry
