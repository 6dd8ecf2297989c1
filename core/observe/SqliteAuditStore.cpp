// SPDX-License-Identifier: Apache-2.0
#include "SqliteAuditStore.h"
#include "AuditChain.h"
#include "AuditRecordJson.h"
#include "ChainAnchor.h"
#include "common/ThreadName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <QtDebug>
#include <cmath>

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
    "tokens_out, latency_ms, upstream_ms, ttft_ms, streamed, cost_amount, cost_currency, cost_basis, "
    "cost_counterfactual");
constexpr int kColumnCount = 26;
// Read back after kColumns in queries that need the chain.
const QString kChainColumns = QStringLiteral("prev_hash, hash");

// Opens a write transaction that takes the database's write lock at once. A deferred BEGIN
// would let two processes both read the chain head and then race for the lock, and the loser
// would have to retry with a stale tail; IMMEDIATE makes the read of the tail part of the
// serialised section, so the chain cannot fork whoever writes. Waits up to the busy timeout.
Status beginImmediate(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("BEGIN IMMEDIATE"));
}

Status commit(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return exec(q, QStringLiteral("COMMIT"));
}

void rollback(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

struct ChainHead {
    QByteArray baseHash;
    qint64 lastId = 0;
    QByteArray lastHash;
    qint64 recordCount = 0;
};

Result<ChainHead> readChainHead(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT base_hash, last_id, last_hash, record_count FROM audit_chain_head WHERE id = 1")))
        return storageError(QStringLiteral("cannot read the audit chain head"), q.lastError());
    if (!q.next())
        return Error{QStringLiteral("audit_chain_broken"), QStringLiteral("the audit chain head is missing")};
    ChainHead head;
    head.baseHash = q.value(0).toString().toLatin1();
    head.lastId = q.value(1).toLongLong();
    head.lastHash = q.value(2).toString().toLatin1();
    head.recordCount = q.value(3).toLongLong();
    return head;
}

Status writeChainHead(QSqlDatabase &db, const ChainHead &head)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("UPDATE audit_chain_head SET last_id = ?, last_hash = ?, record_count = ? WHERE id = 1")))
        return storageError(QStringLiteral("cannot update the audit chain head"), q.lastError());
    q.addBindValue(head.lastId);
    q.addBindValue(QString::fromLatin1(head.lastHash));
    q.addBindValue(head.recordCount);
    if (!q.exec())
        return storageError(QStringLiteral("cannot update the audit chain head"), q.lastError());
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("audit_chain_broken"), QStringLiteral("the audit chain head is missing")};
    return Ok{};
}

Result<AuditRecord> readRecord(const QSqlQuery &q, int offset = 0);
Status chainExistingRecords(QSqlDatabase &db);

// The covering index of report::SqliteAuditAnalytics (dashboard series and breakdowns): every
// column those queries filter or sum, led by ts_ms, so a period is one index range scan and
// never touches the (wide: hashes, findings) table rows. IF NOT EXISTS: added to files of any
// version on open; best effort, since a read-only copy still opens (its reports are slower).
void ensureReportIndex(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS audit_records_report ON audit_records (ts_ms, tier, decision, "
                          "sensitivity, team, caller, model_served, model_requested, endpoint_id, endpoint_path, reason, "
                          "latency_ms, tokens_in, tokens_out, cost_amount, cost_currency, cost_counterfactual)"));
}

Status migrate(QSqlDatabase &db)
{
    QSqlQuery q(db);
    // The common case, a current file, needs no write lock: a read-only copy of the trail
    // (an auditor's) opens and verifies.
    if (q.exec(QStringLiteral("SELECT version FROM schema_version")) && q.next()
        && q.value(0).toInt() == SqliteAuditStore::kSchemaVersion) {
        q.finish();
        ensureReportIndex(db);
        return Ok{};
    }
    q.finish();
    // Two processes may open a new or old file at the same moment: the first migrates, the
    // second waits for the lock and then finds the current version.
    if (auto s = beginImmediate(db); !s)
        return s.error();
    auto fail = [&](Error e) -> Status {
        q.finish();
        rollback(db);
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
    if (version < 2) {
        // v2: the hash chain (AuditChain.h) and the counterfactual cost. Records written by
        // v1 are chained here in id order, i.e. the order they were committed in.
        const QStringList statements = {
            QStringLiteral("ALTER TABLE audit_records ADD COLUMN cost_counterfactual REAL"),
            QStringLiteral("ALTER TABLE audit_records ADD COLUMN prev_hash TEXT"),
            QStringLiteral("ALTER TABLE audit_records ADD COLUMN hash TEXT"),
            // One row: where the chain starts (genesis, or the last archived record once
            // retention removes old ones) and where it ends, so that deleting the newest
            // records is detected too.
            QStringLiteral("CREATE TABLE audit_chain_head ("
                           "id INTEGER PRIMARY KEY CHECK (id = 1), "
                           "base_hash TEXT NOT NULL, last_id INTEGER NOT NULL, "
                           "last_hash TEXT NOT NULL, record_count INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO audit_chain_head (id, base_hash, last_id, last_hash, record_count) VALUES (1, '%1', 0, '%1', 0)")
                .arg(QString::fromLatin1(AuditChain::genesisHash())),
        };
        for (const QString &sql : statements) {
            if (auto s = exec(q, sql); !s)
                return fail(s.error());
        }
        q.finish();
        if (auto s = chainExistingRecords(db); !s)
            return fail(s.error());
        if (auto s = exec(q, QStringLiteral("UPDATE schema_version SET version = 2")); !s)
            return fail(s.error());
    }
    q.finish();
    if (auto s = commit(db); !s)
        return fail(s.error());
    ensureReportIndex(db);
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
    q.addBindValue(r.costCounterfactual && std::isfinite(*r.costCounterfactual) ? QVariant(*r.costCounterfactual)
                                                                               : QVariant(QMetaType::fromType<double>()));
}

Result<AuditRecord> readRecord(const QSqlQuery &q, int offset)
{
    auto millisOrMinusOne = [](const QVariant &v) { return v.isNull() ? qint64(-1) : v.toLongLong(); };
    AuditRecord r;
    r.requestId = q.value(offset + 0).toString();
    // ts_ms holds the same instant as the ts text and is far cheaper to read back.
    r.ts = QDateTime::fromMSecsSinceEpoch(q.value(offset + 2).toLongLong(), Qt::UTC);
    r.caller = q.value(offset + 3).toString();
    r.team = q.value(offset + 4).toString();
    r.endpointPath = q.value(offset + 5).toString();
    r.modelRequested = q.value(offset + 6).toString();
    r.modelServed = q.value(offset + 7).toString();
    r.tier = q.value(offset + 8).toString();
    r.endpointId = q.value(offset + 9).toString();
    r.decision = q.value(offset + 10).toString();
    r.reason = q.value(offset + 11).toString();
    r.sensitivity = q.value(offset + 12).toString();
    auto findings = findingTypesFromJson(q.value(offset + 13).toString());
    if (!findings)
        return Error{findings.error().code,
                     QStringLiteral("audit record %1: %2").arg(r.requestId, findings.error().message)};
    r.findingTypes = findings.value();
    r.policyVersion = q.value(offset + 14).toString();
    r.status = q.value(offset + 15).toInt();
    r.tokensIn = q.value(offset + 16).toLongLong();
    r.tokensOut = q.value(offset + 17).toLongLong();
    r.latencyMs = q.value(offset + 18).toLongLong();
    r.upstreamMs = millisOrMinusOne(q.value(offset + 19));
    r.ttftMs = millisOrMinusOne(q.value(offset + 20));
    r.streamed = q.value(offset + 21).toLongLong() != 0;
    r.costAmount = q.value(offset + 22).toDouble();
    r.costCurrency = q.value(offset + 23).toString();
    r.costBasis = q.value(offset + 24).toString();
    if (!q.value(offset + 25).isNull())
        r.costCounterfactual = q.value(offset + 25).toDouble();
    return r;
}

Status chainExistingRecords(QSqlDatabase &db)
{
    ChainHead head;
    head.baseHash = AuditChain::genesisHash();
    head.lastHash = head.baseHash;
    QSqlQuery select(db);
    select.setForwardOnly(true);
    QSqlQuery update(db);
    if (!select.prepare(QStringLiteral("SELECT id, %1 FROM audit_records WHERE id > ? ORDER BY id LIMIT 1000").arg(kColumns))
        || !update.prepare(QStringLiteral("UPDATE audit_records SET prev_hash = ?, hash = ? WHERE id = ?")))
        return storageError(QStringLiteral("cannot chain existing audit records"), select.lastError());
    // In chunks, never updating rows under an open cursor over the same table.
    for (;;) {
        select.addBindValue(head.lastId);
        if (!select.exec())
            return storageError(QStringLiteral("cannot chain existing audit records"), select.lastError());
        QList<std::pair<qint64, AuditRecord>> chunk;
        while (select.next()) {
            auto record = readRecord(select, 1);
            if (!record)
                return record.error();
            chunk.append({select.value(0).toLongLong(), std::move(record).value()});
        }
        select.finish();
        if (chunk.isEmpty())
            break;
        for (const auto &[id, record] : chunk) {
            const QByteArray hash = AuditChain::hashRecord(head.lastHash, record);
            if (hash.isEmpty())
                return Error{QStringLiteral("audit_store_error"), QStringLiteral("SHA-256 is not available")};
            update.addBindValue(QString::fromLatin1(head.lastHash));
            update.addBindValue(QString::fromLatin1(hash));
            update.addBindValue(id);
            if (!update.exec())
                return storageError(QStringLiteral("cannot chain existing audit records"), update.lastError());
            head.lastHash = hash;
            head.lastId = id;
            ++head.recordCount;
        }
    }
    return writeChainHead(db, head);
}

} // namespace

QString chainProblemName(ChainVerification::Problem problem)
{
    switch (problem) {
    case ChainVerification::Problem::None: return QStringLiteral("none");
    case ChainVerification::Problem::Altered: return QStringLiteral("altered");
    case ChainVerification::Problem::Missing: return QStringLiteral("missing");
    case ChainVerification::Problem::Reordered: return QStringLiteral("reordered");
    case ChainVerification::Problem::Unchained: return QStringLiteral("unchained");
    }
    return QStringLiteral("unknown");
}

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
    ThreadName::set("audit-writer");
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
            const bool prepared = insert.prepare(QStringLiteral("INSERT INTO audit_records (%1, %2) VALUES (%3)")
                                                     .arg(kColumns, kChainColumns,
                                                          QStringLiteral("?, ").repeated(kColumnCount + 1) + QStringLiteral("?")));
            // Decision traces live beside the records (not in the chain, not contract columns);
            // a file that cannot take the table still records, without traces.
            QSqlQuery traceInsert(db);
            if (QSqlQuery create(db); !create.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS decision_traces (request_id TEXT PRIMARY KEY, trace_json TEXT NOT NULL)"))
                || !traceInsert.prepare(QStringLiteral("INSERT INTO decision_traces (request_id, trace_json) VALUES (?, ?)")))
                qWarning("audit writer: decision traces will not be stored: %s", qUtf8Printable(traceInsert.lastError().text()));
            else
                m_traceInsert = &traceInsert;
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
            m_traceInsert = nullptr;
            traceInsert = QSqlQuery();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
}

qsizetype SqliteAuditStore::writeBatch(QSqlDatabase &db, QSqlQuery &insert, std::deque<AuditRecord> &batch,
                                       QString *errorMessage)
{
    if (auto begun = beginImmediate(db); !begun) {
        *errorMessage = begun.error().message;
        return batch.size();
    }
    // The tail is read inside the write lock: another store (another process) may have
    // appended since this writer's last batch.
    auto head = readChainHead(db);
    if (!head) {
        rollback(db);
        *errorMessage = head.error().message;
        return batch.size();
    }
    ChainHead &tail = head.value();
    qsizetype failed = 0;
    for (const AuditRecord &record : batch) {
        const QByteArray hash = AuditChain::hashRecord(tail.lastHash, record);
        if (hash.isEmpty()) {
            ++failed;
            *errorMessage = QStringLiteral("SHA-256 is not available");
            continue;
        }
        bindRecord(insert, record);
        insert.addBindValue(QString::fromLatin1(tail.lastHash));
        insert.addBindValue(QString::fromLatin1(hash));
        // A failed statement (e.g. a duplicate request_id) rolls back only itself in SQLite,
        // so one bad record does not cost the rest of the batch; it simply is not chained.
        if (!insert.exec()) {
            ++failed;
            *errorMessage = insert.lastError().text();
            continue;
        }
        tail.lastHash = hash;
        tail.lastId = insert.lastInsertId().toLongLong();
        ++tail.recordCount;
        if (m_traceInsert && !record.decisionTrace.isEmpty()) {
            m_traceInsert->addBindValue(record.requestId);
            m_traceInsert->addBindValue(QString::fromUtf8(record.decisionTrace));
            // The record itself is stored; a lost trace is reported, never a lost record.
            if (!m_traceInsert->exec())
                qWarning("audit writer: decision trace of %s not stored: %s", qUtf8Printable(record.requestId),
                         qUtf8Printable(m_traceInsert->lastError().text()));
        }
    }
    insert.finish();
    if (auto written = writeChainHead(db, tail); !written) {
        rollback(db);
        *errorMessage = written.error().message;
        return batch.size();
    }
    if (auto committed = commit(db); !committed) {
        *errorMessage = committed.error().message;
        rollback(db);
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
    if (!query.sensitivities.isEmpty()) {
        QStringList alternatives;
        QStringList placeholders;
        for (const QString &level : query.sensitivities) {
            if (level.isEmpty()) {
                alternatives << QStringLiteral("sensitivity IS NULL");
            } else {
                placeholders << QStringLiteral("?");
                values << level;
            }
        }
        if (!placeholders.isEmpty())
            alternatives.prepend(QStringLiteral("sensitivity IN (%1)").arg(placeholders.join(QStringLiteral(", "))));
        where << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    QString sql = QStringLiteral("SELECT %1, %2 FROM audit_records").arg(kColumns, kChainColumns);
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
        record.value().prevHash = q.value(kColumnCount).toString();
        record.value().hash = q.value(kColumnCount + 1).toString();
        records.append(std::move(record).value());
    }
    return records;
}

Result<ChainVerification> SqliteAuditStore::verify() const
{
    std::lock_guard lock(m_readMutex);
    // One read transaction: the head and the records come from the same WAL snapshot even
    // while a writer (this process or another) keeps appending.
    QSqlQuery begin(m_readDb);
    if (!begin.exec(QStringLiteral("BEGIN")))
        return storageError(QStringLiteral("audit verification failed"), begin.lastError());
    struct EndRead {
        QSqlDatabase &db;
        ~EndRead() { rollback(db); }
    } endRead{m_readDb};

    auto headRead = readChainHead(m_readDb);
    if (!headRead) {
        if (headRead.error().code != QLatin1String("audit_chain_broken"))
            return headRead.error();
        ChainVerification v;
        v.ok = false;
        v.problem = ChainVerification::Problem::Missing;
        v.detail = headRead.error().message;
        return v;
    }
    const ChainHead head = headRead.value();

    ChainVerification v;
    auto fail = [&v](ChainVerification::Problem problem, qint64 id, const QString &requestId, const QString &detail) {
        v.ok = false;
        v.problem = problem;
        v.firstBadId = id;
        v.firstBadRequestId = requestId;
        v.detail = detail;
        return v;
    };

    // Retention moves the oldest records to archives: the live chain then starts at the last
    // chain anchor, and the anchors must agree with the head (ChainAnchor.h).
    v.baseHash = QString::fromLatin1(head.baseHash);
    auto anchors = ChainAnchorTable::readAll(m_readDb);
    if (!anchors)
        return anchors.error();
    if (const QString problem = ChainAnchorTable::checkAgainstBase(anchors.value(), head.baseHash); !problem.isEmpty())
        return fail(ChainVerification::Problem::Altered, -1, QString(), problem);

    QSqlQuery q(m_readDb);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, %1, %2 FROM audit_records ORDER BY id").arg(kColumns, kChainColumns)))
        return storageError(QStringLiteral("audit verification failed"), q.lastError());
    QSqlQuery linked(m_readDb);
    linked.setForwardOnly(true);
    if (!linked.prepare(QStringLiteral("SELECT id, request_id FROM audit_records WHERE hash = ? ORDER BY id LIMIT 1")))
        return storageError(QStringLiteral("audit verification failed"), linked.lastError());

    QByteArray expected = head.baseHash;
    qint64 previousId = 0;
    QString previousRequestId;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString requestId = q.value(1).toString();
        ++v.recordsChecked;
        const QVariant prevValue = q.value(1 + kColumnCount);
        const QVariant hashValue = q.value(2 + kColumnCount);
        if (prevValue.isNull() || hashValue.isNull())
            return fail(ChainVerification::Problem::Unchained, id, requestId,
                        QStringLiteral("record %1 (%2) has no chain hash").arg(id).arg(requestId));
        const QByteArray prevHash = prevValue.toString().toLatin1();
        const QByteArray hash = hashValue.toString().toLatin1();
        auto record = readRecord(q, 1);
        if (!record)
            return fail(ChainVerification::Problem::Altered, id, requestId,
                        QStringLiteral("record %1 (%2) cannot be read: %3").arg(id).arg(requestId, record.error().message));
        // Reads take the instant from ts_ms; the RFC 3339 text must still say the same.
        if (q.value(2).toString() != formatAuditTimestamp(record.value().ts))
            return fail(ChainVerification::Problem::Altered, id, requestId,
                        QStringLiteral("record %1 (%2): ts and ts_ms disagree").arg(id).arg(requestId));
        if (AuditChain::hashRecord(prevHash, record.value()) != hash)
            return fail(ChainVerification::Problem::Altered, id, requestId,
                        QStringLiteral("record %1 (%2) does not match its hash: a field or the hash was changed")
                            .arg(id)
                            .arg(requestId));
        if (prevHash != expected) {
            linked.addBindValue(QString::fromLatin1(prevHash));
            if (!linked.exec())
                return storageError(QStringLiteral("audit verification failed"), linked.lastError());
            const bool found = linked.next();
            const qint64 linkedId = found ? linked.value(0).toLongLong() : -1;
            const QString linkedRequest = found ? linked.value(1).toString() : QString();
            linked.finish();
            const QString after = previousId > 0 ? QStringLiteral("record %1 (%2)").arg(previousId).arg(previousRequestId)
                                                 : QStringLiteral("the start of the chain");
            if (found)
                return fail(ChainVerification::Problem::Reordered, id, requestId,
                            QStringLiteral("record %1 (%2) follows %3 but was chained after record %4 (%5)")
                                .arg(id)
                                .arg(requestId, after)
                                .arg(linkedId)
                                .arg(linkedRequest));
            return fail(ChainVerification::Problem::Missing, id, requestId,
                        QStringLiteral("record(s) between %1 and record %2 (%3) are missing").arg(after).arg(id).arg(requestId));
        }
        expected = hash;
        previousId = id;
        previousRequestId = requestId;
    }
    q.finish();
    if (expected != head.lastHash || v.recordsChecked != head.recordCount) {
        if (head.recordCount > v.recordsChecked || head.lastId > previousId)
            return fail(ChainVerification::Problem::Missing, previousId + 1, QString(),
                        QStringLiteral("the chain head names %1 record(s) ending at record %2 but %3 are stored; the record(s) after %4 are missing")
                            .arg(head.recordCount)
                            .arg(head.lastId)
                            .arg(v.recordsChecked)
                            .arg(previousId > 0 ? QStringLiteral("record %1 (%2)").arg(previousId).arg(previousRequestId)
                                                : QStringLiteral("the start of the chain")));
        return fail(ChainVerification::Problem::Altered, head.lastId, QString(),
                    QStringLiteral("the chain head does not match the stored records"));
    }
    v.headHash = QString::fromLatin1(expected);
    return v;
}

Result<QList<std::pair<qint64, AuditRecord>>> SqliteAuditStore::chainSegment(qint64 afterId, int limit) const
{
    std::lock_guard lock(m_readMutex);
    QSqlQuery q(m_readDb);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT id, %1, %2 FROM audit_records WHERE id > ? ORDER BY id LIMIT ?").arg(kColumns, kChainColumns)))
        return storageError(QStringLiteral("audit query failed"), q.lastError());
    q.addBindValue(afterId);
    q.addBindValue(limit);
    if (!q.exec())
        return storageError(QStringLiteral("audit query failed"), q.lastError());
    QList<std::pair<qint64, AuditRecord>> records;
    while (q.next()) {
        auto record = readRecord(q, 1);
        if (!record)
            return record.error();
        record.value().prevHash = q.value(1 + kColumnCount).toString();
        record.value().hash = q.value(2 + kColumnCount).toString();
        records.append({q.value(0).toLongLong(), std::move(record).value()});
    }
    return records;
}

Result<std::optional<QByteArray>> SqliteAuditStore::decisionTrace(const QString &requestId) const
{
    std::lock_guard lock(m_readMutex);
    QSqlQuery q(m_readDb);
    q.setForwardOnly(true);
    // A trail written before traces existed has no table yet: that is "no trace", not an error.
    if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'decision_traces'")))
        return storageError(QStringLiteral("decision trace query failed"), q.lastError());
    if (!q.next())
        return std::optional<QByteArray>();
    q.finish();
    if (!q.prepare(QStringLiteral("SELECT trace_json FROM decision_traces WHERE request_id = ?")))
        return storageError(QStringLiteral("decision trace query failed"), q.lastError());
    q.addBindValue(requestId);
    if (!q.exec())
        return storageError(QStringLiteral("decision trace query failed"), q.lastError());
    if (!q.next())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(q.value(0).toString().toUtf8());
}

Result<QList<AuditAggregateRow>> SqliteAuditStore::aggregate(const AuditAggregateQuery &query) const
{
    QString key;
    switch (query.groupBy) {
    case AuditGroupBy::Team: key = QStringLiteral("team"); break;
    case AuditGroupBy::Caller: key = QStringLiteral("caller"); break;
    case AuditGroupBy::Model: key = QStringLiteral("COALESCE(model_served, model_requested)"); break;
    case AuditGroupBy::Tier: key = QStringLiteral("tier"); break;
    case AuditGroupBy::Endpoint: key = QStringLiteral("endpoint_id"); break;
    case AuditGroupBy::Sensitivity: key = QStringLiteral("sensitivity"); break;
    case AuditGroupBy::Reason: key = QStringLiteral("reason"); break;
    }
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
    // Plain SQL-92 aggregates (CASE, COALESCE, GROUP BY on the expression) so PostgreSQL
    // runs the same statement.
    QString sql = QStringLiteral(
        "SELECT %1, cost_currency, COUNT(*), "
        "SUM(CASE WHEN decision = 'routed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN decision = 'rejected' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN decision = 'failed' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN tier = 'onprem' THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN tier = 'cloud' THEN 1 ELSE 0 END), "
        "SUM(tokens_in), SUM(tokens_out), SUM(cost_amount), "
        "SUM(CASE WHEN tier = 'onprem' THEN cost_amount ELSE 0 END), "
        "SUM(CASE WHEN tier = 'cloud' THEN cost_amount ELSE 0 END), "
        "SUM(COALESCE(cost_counterfactual, 0)), COUNT(cost_counterfactual), "
        "SUM(CASE WHEN cost_counterfactual IS NULL THEN 0 ELSE cost_amount END) "
        "FROM audit_records").arg(key);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" GROUP BY %1, cost_currency ORDER BY %1, cost_currency").arg(key);

    std::lock_guard lock(m_readMutex);
    QSqlQuery q(m_readDb);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storageError(QStringLiteral("audit aggregation failed"), q.lastError());
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (!q.exec())
        return storageError(QStringLiteral("audit aggregation failed"), q.lastError());
    QList<AuditAggregateRow> rows;
    while (q.next()) {
        AuditAggregateRow row;
        row.key = q.value(0).toString();
        row.currency = q.value(1).toString();
        row.requests = q.value(2).toLongLong();
        row.routed = q.value(3).toLongLong();
        row.rejected = q.value(4).toLongLong();
        row.failed = q.value(5).toLongLong();
        row.onpremRequests = q.value(6).toLongLong();
        row.cloudRequests = q.value(7).toLongLong();
        row.tokensIn = q.value(8).toLongLong();
        row.tokensOut = q.value(9).toLongLong();
        row.cost = q.value(10).toDouble();
        row.onpremCost = q.value(11).toDouble();
        row.cloudCost = q.value(12).toDouble();
        row.counterfactual = q.value(13).toDouble();
        row.counterfactualRecords = q.value(14).toLongLong();
        row.costWithCounterfactual = q.value(15).toDouble();
        rows.append(row);
    }
    return rows;
}

} // namespace perimeter::observe
