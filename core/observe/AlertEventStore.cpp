// SPDX-License-Identifier: Apache-2.0
#include "AlertEventStore.h"
#include "common/ThreadName.h"
#include <QDir>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <atomic>

namespace perimeter::observe {

namespace {

QString connectionName()
{
    return QStringLiteral("alert-events-") + QUuid::createUuid().toString(QUuid::Id128);
}

Result<QSqlDatabase> openConnection(const QString &path, const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // The audit writer holds write transactions for a batch at a time: wait for it.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error{QStringLiteral("alert_store_unavailable"), QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text())};
    return db;
}

Status createTable(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        return Error{QStringLiteral("alert_store_unavailable"), q.lastError().text()};
    q.finish();
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS alert_events ("
                               "id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, rule TEXT NOT NULL, "
                               "state TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, threshold REAL NOT NULL, "
                               "scope_tier TEXT NOT NULL, scope_endpoint TEXT, window_seconds INTEGER NOT NULL, "
                               "requests INTEGER NOT NULL, message TEXT NOT NULL)")))
        return Error{QStringLiteral("alert_store_unavailable"), QStringLiteral("cannot create alert_events: %1").arg(q.lastError().text())};
    if (!q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS alert_events_ts ON alert_events (ts)")))
        return Error{QStringLiteral("alert_store_unavailable"), q.lastError().text()};
    return Ok{};
}

} // namespace

AlertEventStore::AlertEventStore(QString path) : m_path(std::move(path)) {}

Result<std::unique_ptr<AlertEventStore>> AlertEventStore::open(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return Error{QStringLiteral("data_dir_unwritable"), QStringLiteral("cannot create data_dir %1").arg(dataDir)};
    std::unique_ptr<AlertEventStore> store(new AlertEventStore(QDir(dataDir).filePath(QStringLiteral("audit.db"))));
    store->m_writer = std::thread([s = store.get()]() { s->writerLoop(); });
    std::unique_lock lock(store->m_mutex);
    store->m_done.wait(lock, [&]() { return store->m_ready || !store->m_startError.isEmpty(); });
    if (!store->m_startError.isEmpty()) {
        const QString message = store->m_startError;
        lock.unlock();
        store->m_writer.join();
        store->m_writer = std::thread();
        return Error{QStringLiteral("alert_store_unavailable"), message};
    }
    return store;
}

AlertEventStore::~AlertEventStore()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_writer.joinable())
        m_writer.join();
}

void AlertEventStore::append(AlertEvent event)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(event));
        ++m_appended;
    }
    m_wake.notify_one();
}

Status AlertEventStore::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_appended;
    m_done.wait(lock, [&]() { return m_processed >= target; });
    if (m_failures > 0)
        return Error{QStringLiteral("alert_store_write_failed"), m_lastError};
    return Ok{};
}

quint64 AlertEventStore::writeFailures() const
{
    std::lock_guard lock(m_mutex);
    return m_failures;
}

void AlertEventStore::writerLoop()
{
    ThreadName::set("alert-writer");
    const QString name = connectionName();
    {
        auto opened = openConnection(m_path, name);
        Status created = opened.ok() ? createTable(opened.value()) : Status(opened.error());
        {
            std::lock_guard lock(m_mutex);
            if (!created)
                m_startError = created.error().message;
            else
                m_ready = true;
        }
        m_done.notify_all();
        if (!created) {
            if (opened.ok())
                opened.value().close();
            QSqlDatabase::removeDatabase(name);
            return;
        }
        QSqlDatabase db = opened.value();
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO alert_events (ts, rule, state, metric, value, threshold, scope_tier, scope_endpoint, "
                                      "window_seconds, requests, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [&]() { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() && m_stopping)
                break;
            std::deque<AlertEvent> batch;
            batch.swap(m_queue);
            lock.unlock();
            quint64 failed = 0;
            QString error;
            for (const auto &e : batch) {
                insert.addBindValue(e.ts.toUTC().toString(Qt::ISODateWithMs));
                insert.addBindValue(e.rule);
                insert.addBindValue(e.stateName());
                insert.addBindValue(e.metric);
                insert.addBindValue(e.value);
                insert.addBindValue(e.threshold);
                insert.addBindValue(e.scopeTier);
                insert.addBindValue(e.scopeEndpoint.isEmpty() ? QVariant() : QVariant(e.scopeEndpoint));
                insert.addBindValue(e.windowSeconds);
                insert.addBindValue(e.requests);
                insert.addBindValue(e.message);
                if (!insert.exec()) {
                    ++failed;
                    error = insert.lastError().text();
                }
            }
            lock.lock();
            m_processed += quint64(batch.size());
            m_failures += failed;
            if (failed)
                m_lastError = error;
            m_done.notify_all();
        }
        lock.unlock();
        insert.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Result<QList<AlertEvent>> AlertEventStore::list() const
{
    const QString name = connectionName();
    QList<AlertEvent> events;
    QString error;
    {
        auto opened = openConnection(m_path, name);
        if (!opened.ok()) {
            error = opened.error().message;
        } else {
            QSqlDatabase db = opened.value();
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT ts, rule, state, metric, value, threshold, scope_tier, scope_endpoint, window_seconds, "
                                       "requests, message FROM alert_events ORDER BY id"))) {
                error = q.lastError().text();
            } else {
                while (q.next()) {
                    AlertEvent e;
                    e.ts = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
                    e.rule = q.value(1).toString();
                    e.state = q.value(2).toString() == QLatin1String("firing") ? AlertEvent::State::Firing : AlertEvent::State::Resolved;
                    e.metric = q.value(3).toString();
                    e.value = q.value(4).toDouble();
                    e.threshold = q.value(5).toDouble();
                    e.scopeTier = q.value(6).toString();
                    e.scopeEndpoint = q.value(7).toString();
                    e.windowSeconds = q.value(8).toInt();
                    e.requests = q.value(9).toLongLong();
                    e.message = q.value(10).toString();
                    events.append(e);
                }
            }
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (!error.isEmpty())
        return Error{QStringLiteral("alert_store_unavailable"), error};
    return events;
}

} // namespace perimeter::observe
