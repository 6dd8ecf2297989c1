// SPDX-License-Identifier: Apache-2.0
#include "SqliteAuditStore.h"
#include "AuditRecordJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <QtDebug>

namespace perimeter::observe {

namespace {

std::atomic<quint64> g_connectionCounter{0};

QString uniqueConnectionName(const char *role)
{
    return QStringLiteral("perimeter.audit.%1.%2")
        .arg(QLatin1String(role))
        .arg(g_connectionCounter.fetch_add(1, std::memory_order_relaxed));
}

Error storageError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("audit_store_error"), QStringLiteral("%1: %2").arg(what, error.text())};
}

Status exec(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        return storageError(QStringLiteral("audit store statement failed"), query.lastError());
    return Ok{};
}

// Opens a connection for the current thread; Qt connections must stay in the thread that
// created them, which is why each role (schema, writer, reader) gets its own.
Result<QSqlDatabase> openConnection(const QString &name, const QString &path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    // Another process (perimeterctl, a second reader) may briefly hold the write lock.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return storageError(QStringLiteral("cannot open audit database"), db.lastError());
    QSqlQuery pragma(db);
    // WAL: readers never block the writer and vice versa; NORMAL is durable across
    // application crashes (only a power loss can cost the last commits), which is the
    // usual trade for an append-only log.
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !pragma.next()
        || pragma.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return Error{QStringLiteral("audit_store_error"), QStringLiteral("cannot switch audit database to WAL mode")};
    }
    pragma.finish();
    if (auto s = exec(pragma, QStringLiteral("PRAGMA synchronous=NORMAL")); !s)
        return s.error();
    return db;
}

void closeConnection(const QString &name)
{
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

const QString kColumns = QStringLiteral(
    "request_id, ts, ts_ms, caller, team, endpoint_path, model_requested, model_served, tier, "
    "endpoint_id, decision, reason, sensitivity, finding_types, policy_version, status, tokens_in, "
    "tokens_out, latency_ms, upstream_ms, ttft_ms, streamed, cost_amount, cost_currency, cost_basis");

Status migrate(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!db.transaction())
        return storageError(QStringLiteral("cannot start schema transaction"), db.lastError());
    auto fail = [&](Error e) -> Status {
        db.rollback();
        return e;
    };
    if (auto s = exec(q, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")); !s)
        return fail(s.error());
    if (auto s = exec(q, QStringLiteral("SELECT version FROM schema_version")); !s)
        return fail(s.error());
    int version = 0;
    if (q.next())
        version = q.value(0).toInt();
    q.finish();
    if (version > SqliteAuditStore::kSchemaVersion) {
        return fail(Error{QStringLiteral("audit_store_error"),
                          QStringLiteral("audit database schema version %1 is newer than this program supports (%2)")
                              .arg(version)
                              .arg(SqliteAuditStore::kSchemaVersion)});
    }
    if (version < 1) {
        // id keeps insertion order for records with the same millisecond.
        const QStringList statements = {
            QStringLiteral("CREATE TABLE audit_records ("
                           "id INTEGER PRIMARY KEY, "
                           "request_id TEXT NOT NULL, "
                           "ts TEXT NOT NULL, "
                           "ts_ms INTEGER NOT NULL, "
                           "caller TEXT, team TEXT, endpoint_path TEXT, model_requested TEXT, "
                           "model_served TEXT, tier TEXT, endpoint_id TEXT, "
                           "decision TEXT NOT NULL, reason TEXT, sensitivity TEXT, "
                           "finding_types TEXT NOT NULL, policy_version TEXT, "
                           "status INTEGER NOT NULL, tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL, "
                           "latency_ms INTEGER NOT NULL, upstream_ms INTEGER, ttft_ms INTEGER, "
                           "streamed INTEGER NOT NULL, cost_amount REAL NOT NULL, "
                           "cost_currency TEXT, cost_basis TEXT)"),
            QStringLiteral("CREATE UNIQUE INDEX audit_records_request_id ON audit_records (request_id)"),
            QStringLiteral("CREATE INDEX audit_records_ts_ms ON audit_records (ts_ms)"),
            QStringLiteral("CREATE INDEX audit_records_caller ON audit_records (caller)"),
            QStringLiteral("CREATE INDEX audit_records_tier ON audit_records (tier)"),
            QStringLiteral("CREATE INDEX audit_records_decision ON audit_records (decision)"),
            QStringLiteral("DELETE FROM schema_version"),
            QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"),
        };
        for (const QString &sql : statements) {
            if (auto s = exec(q, sql); !s)
                return fail(s.error());
        }
    }
    // Later versions: `if (version < 2) { ALTER TABLE ...; UPDATE schema_version ... }`.
    if (!db.commit())
        return fail(storageError(QStringLiteral("cannot commit audit schema"), db.lastError()));
    return Ok{};
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QVariant nullableMillis(qint64 ms)
{
    return ms < 0 ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(ms);
}

void bindRecord(QSqlQuery &q, const AuditRecord &r)
{
    q.addBindValue(r.requestId);
    q.addBindValue(formatAuditTimestamp(r.ts));
    q.addBindValue(r.ts.toMSecsSinceEpoch());
    q.addBindValue(nullableText(r.caller));
    q.addBindValue(nullableText(r.team));
    q.addBindValue(nullableText(r.endpointPath));
    q.addBindValue(nullableText(r.modelRequested));
    q.addBindValue(nullableText(r.modelServed));
    q.addBindValue(nullableText(r.tier));
    q.addBindValue(nullableText(r.endpointId));
    q.addBindValue(r.decision);
    q.addBindValue(nullableText(r.reason));
    q.addBindValue(nullableText(r.sensitivity));
    q.addBindValue(findingTypesToJson(r.findingTypes));
    q.addBindValue(nullableText(r.policyVersion));
    q.addBindValue(r.status);
    q.addBindValue(r.tokensIn);
    q.addBindValue(r.tokensOut);
    q.addBindValue(r.latencyMs);
    q.addBindValue(nullableMillis(r.upstreamMs));
    q.addBindValue(nullableMillis(r.ttftMs));
    q.addBindValue(r.streamed ? 1 : 0);
    q.addBindValue(r.costAmount);
    q.addBindValue(nullableText(r.costCurrency));
    q.addBindValue(nullableText(r.costBasis));
}

Result<AuditRecord> readRecord(const QSqlQuery &q)
{
    auto millisOrMinusOne = [](const QVariant &v) { return v.isNull() ? qint64(-1) : v.toLongLong(); };
    AuditRecord r;
    r.requestId = q.value(0).toString();
    // ts_ms holds the same instant as the ts text and is far cheaper to read back.
    r.ts = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    r.caller = q.value(3).toString();
    r.team = q.value(4).toString();
    r.endpointPath = q.value(5).toString();
    r.modelRequested = q.value(6).toString();
    r.modelServed = q.value(7).toString();
    r.tier = q.value(8).toString();
    r.endpointId = q.value(9).toString();
    r.decision = q.value(10).toString();
    r.reason = q.value(11).toString();
    r.sensitivity = q.value(12).toString();
    auto findings = findingTypesFromJson(q.value(13).toString());
    if (!findings)
        return Error{findings.error().code,
                     QStringLiteral("audit record %1: %2").arg(r.requestId, findings.error().message)};
    r.findingTypes = findings.value();
    r.policyVersion = q.value(14).toString();
    r.status = q.value(15).toInt();
    r.tokensIn = q.value(16).toLongLong();
    r.tokensOut = q.value(17).toLongLong();
    r.latencyMs = q.value(18).toLongLong();
    r.upstreamMs = millisOrMinusOne(q.value(19));
    r.ttftMs = millisOrMinusOne(q.value(20));
    r.streamed = q.value(21).toLongLong() != 0;
    r.costAmount = q.value(22).toDouble();
    r.costCurrency = q.value(23).toString();
    r.costBasis = q.value(24).toString();
    return r;
}

} // namespace

SqliteAuditStore::SqliteAuditStore(QString path, int capacity)
    : m_path(std::move(path)), m_capacity(capacity)
{
}

Result<std::unique_ptr<SqliteAuditStore>> SqliteAuditStore::open(const QString &dataDir, int queueCapacity)
{
    if (queueCapacity < 1)
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("audit queue capacity must be at least 1")};
    if (dataDir.isEmpty())
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("audit data directory is empty")};

    const QString absDir = QDir(dataDir).absolutePath();
    if (!QFileInfo::exists(absDir)) {
        if (!QDir().mkpath(absDir))
            return Error{QStringLiteral("audit_store_error"), QStringLiteral("cannot create data directory %1").arg(absDir)};
        // The trail names callers and models: keep it private to the service account.
        QFile::setPermissions(absDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!QFileInfo(absDir).isDir()) {
        return Error{QStringLiteral("audit_store_error"), QStringLiteral("%1 is not a directory").arg(absDir)};
    }

    const QString path = QDir(absDir).filePath(QStringLiteral("audit.db"));
    const bool existed = QFileInfo::exists(path);
    {
        const QString name = uniqueConnectionName("schema");
        Status migrated = Ok{};
        {
            auto db = openConnection(name, path);
            migrated = db ? migrate(db.value()) : Status(db.error());
        }
        closeConnection(name);
        if (!migrated)
            return migrated.error();
    }
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    std::unique_ptr<SqliteAuditStore> store(new SqliteAuditStore(path, queueCapacity));
    if (auto started = store->start(); !started)
        return started.error();
    return store;
}

Status SqliteAuditStore::start()
{
    m_readConnection = uniqueConnectionName("read");
    {
        auto db = openConnection(m_readConnection, m_path);
        if (!db) {
            closeConnection(m_readConnection);
            m_readConnection.clear();
            return db.error();
        }
        m_readDb = db.value();
    }

    const QString writerName = uniqueConnectionName("write");
    m_writer = std::thread([this, writerName] { writerLoop(writerName); });
    std::unique_lock lock(m_mutex);
    m_progress.wait(lock, [this] { return m_writerReady; });
    if (!m_writerStartError.isEmpty()) {
        lock.unlock();
        m_writer.join();
        return Error{QStringLiteral("audit_store_error"), m_writerStartError};
    }
    return Ok{};
}

SqliteAuditStore::~SqliteAuditStore()
{
    if (m_writer.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wakeWriter.notify_one();
        m_writer.join();
    }
    if (!m_readConnection.isEmpty()) {
        m_readDb.close();
        m_readDb = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_readConnection);
    }
}

bool SqliteAuditStore::append(AuditRecord record)
{
    if (!record.ts.isValid())
        record.ts = QDateTime::currentDateTimeUtc();
    bool wasEmpty = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping && m_queue.size() < static_cast<size_t>(m_capacity)) {
            wasEmpty = m_queue.empty();
            m_queue.push_back(std::move(record));
            ++m_accepted;
            if (wasEmpty)
                m_wakeWriter.notify_one();
            return true;
        }
    }
    const quint64 dropped = m_dropped.fetch_add(1, std::memory_order_relaxed) + 1;
    // Under sustained overload every request would log; powers of two keep the log readable
    // while still showing that drops continue.
    if ((dropped & (dropped - 1)) == 0)
        qWarning("audit queue full (capacity %d): %llu audit record(s) dropped so far", m_capacity,
                 static_cast<unsigned long long>(dropped));
    return false;
}

Status SqliteAuditStore::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_accepted;
    const quint64 failedBefore = m_failed;
    m_progress.wait(lock, [&] { return m_processed >= target; });
    if (m_failed != failedBefore) {
        return Error{QStringLiteral("audit_write_failed"),
                     QStringLiteral("%1 audit record(s) could not be stored: %2")
                         .arg(m_failed - failedBefore)
                         .arg(m_lastWriteError)};
    }
    return Ok{};
}

quint64 SqliteAuditStore::writeFailureCount() const
{
    std::lock_guard lock(m_mutex);
    return m_failed;
}

quint64 SqliteAuditStore::committedCount() const
{
    std::lock_guard lock(m_mutex);
    return m_committed;
}

void SqliteAuditStore::writerLoop(const QString &connectionName)
{
    {
        auto opened = openConnection(connectionName, m_path);
        if (!opened) {
            std::lock_guard lock(m_mutex);
            m_writerStartError = opened.error().message;
            m_writerReady = true;
            m_progress.notify_all();
        } else {
            QSqlDatabase db = opened.value();
            // Prepared once: re-preparing per batch costs a parse of the statement each time.
            QSqlQuery insert(db);
            const bool prepared = insert.prepare(QStringLiteral("INSERT INTO audit_records (%1) VALUES (%2)")
                                                     .arg(kColumns, QStringLiteral("?, ").repeated(24) + QStringLiteral("?")));
            {
                std::lock_guard lock(m_mutex);
                if (!prepared)
                    m_writerStartError = QStringLiteral("cannot prepare the audit insert: %1").arg(insert.lastError().text());
                m_writerReady = true;
            }
            m_progress.notify_all();

            std::deque<AuditRecord> batch;
            for (;;) {
                if (!prepared)
                    break;
                {
                    std::unique_lock lock(m_mutex);
                    m_wakeWriter.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                    if (m_queue.empty())
                        break; // stopping and drained
                    const size_t n = std::min(m_queue.size(), static_cast<size_t>(kMaxBatch));
                    std::move(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n),
                              std::back_inserter(batch));
                    m_queue.erase(m_queue.begin(), m_queue.begin() + static_cast<std::ptrdiff_t>(n));
                }
                QString errorMessage;
                const qsizetype size = batch.size();
                const qsizetype failed = writeBatch(db, insert, batch, &errorMessage);
                batch.clear();
                {
                    std::lock_guard lock(m_mutex);
                    m_processed += static_cast<quint64>(size);
                    m_committed += static_cast<quint64>(size - failed);
                    if (failed > 0) {
                        m_failed += static_cast<quint64>(failed);
                        m_lastWriteError = errorMessage;
                    }
                }
                m_progress.notify_all();
                if (failed > 0)
                    qWarning("audit writer: %lld audit record(s) could not be stored: %s",
                             static_cast<long long>(failed), qUtf8Printable(errorMessage));
            }
            insert.finish();
            insert = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
}

qsizetype SqliteAuditStore::writeBatch(QSqlDatabase &db, QSqlQuery &insert, std::deque<AuditRecord> &batch,
                                       QString *errorMessage)
{
    if (!db.transaction()) {
        *errorMessage = db.lastError().text();
        return batch.size();
    }
    qsizetype failed = 0;
    for (const AuditRecord &record : batch) {
        bindRecord(insert, record);
        // A failed statement (e.g. a duplicate request_id) rolls back only itself in SQLite,
        // so one bad record does not cost the rest of the batch.
        if (!insert.exec()) {
            ++failed;
            *errorMessage = insert.lastError().text();
        }
    }
    insert.finish();
    if (!db.commit()) {
        *errorMessage = db.lastError().text();
        db.rollback();
        return batch.size();
    }
    return failed;
}

Result<QList<AuditRecord>> SqliteAuditStore::query(const AuditQuery &query) const
{
    QStringList where;
    QVariantList values;
    if (query.from) {
        where << QStringLiteral("ts_ms >= ?");
        values << query.from->toMSecsSinceEpoch();
    }
    if (query.to) {
        where << QStringLiteral("ts_ms < ?");
        values << query.to->toMSecsSinceEpoch();
    }
    const std::pair<const char *, const QString *> textFilters[] = {
        {"caller", &query.caller}, {"tier", &query.tier}, {"decision", &query.decision}, {"request_id", &query.requestId}};
    for (const auto &[column, value] : textFilters) {
        if (!value->isEmpty()) {
            where << QStringLiteral("%1 = ?").arg(QLatin1String(column));
            values << *value;
        }
    }
    QString sql = QStringLiteral("SELECT %1 FROM audit_records").arg(kColumns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY ts_ms, id");
    if (query.limit >= 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << query.limit;
    }

    std::lock_guard lock(m_readMutex);
    // The read connection is only ever used under m_readMutex; Qt's per-thread rule is about
    // unsynchronised use, and SQLite itself is built thread-safe (serialized) on Debian.
    QSqlQuery q(m_readDb);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storageError(QStringLiteral("audit query failed"), q.lastError());
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return storageError(QStringLiteral("audit query failed"), q.lastError());
    QList<AuditRecord> records;
    while (q.next()) {
        auto record = readRecord(q);
        if (!record)
            return record.error();
        records.append(std::move(record).value());
    }
    return records;
}

} // namespace perimeter::observe
