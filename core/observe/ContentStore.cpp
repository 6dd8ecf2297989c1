// SPDX-License-Identifier: Apache-2.0
#include "ContentStore.h"
#include "common/ThreadName.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <chrono>

Q_LOGGING_CATEGORY(lcContent, "perimeter.content")

namespace perimeter::observe {

namespace {

std::atomic<quint64> g_contentConnections{0};

Error storeError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("content_store_error"), QStringLiteral("%1: %2").arg(what, error.text())};
}

// A connection for the current thread, removed again when this goes out of scope.
class Connection {
public:
    Connection(const QString &path, bool readOnly)
        : m_name(QStringLiteral("perimeter.content.%1").arg(g_contentConnections.fetch_add(1)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                        : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = m_db.open();
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_open = false;
};

Status createSchema(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return storeError(QStringLiteral("cannot switch the content store to WAL mode"), q.lastError());
    q.finish();
    const QStringList statements = {
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        // Only the request id, time, tier and model are in clear: they link the content to
        // the audit record, which holds them anyway.
        QStringLiteral("CREATE TABLE IF NOT EXISTS content_records ("
                       "request_id TEXT PRIMARY KEY, ts_ms INTEGER NOT NULL, tier TEXT NOT NULL, model TEXT, "
                       "streamed INTEGER NOT NULL, request_truncated INTEGER NOT NULL, response_truncated INTEGER NOT NULL, "
                       "request_sealed BLOB NOT NULL, response_sealed BLOB NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS content_records_ts_ms ON content_records (ts_ms)"),
    };
    for (const QString &sql : statements) {
        if (!q.exec(sql))
            return storeError(QStringLiteral("cannot create the content store"), q.lastError());
    }
    return Ok{};
}

Result<qint64> purge(QSqlDatabase &db, const QDateTime &horizon)
{
    QSqlQuery q(db);
    if (!q.prepare(QStringLiteral("DELETE FROM content_records WHERE ts_ms < ?")))
        return storeError(QStringLiteral("content retention failed"), q.lastError());
    q.addBindValue(horizon.toMSecsSinceEpoch());
    if (!q.exec())
        return storeError(QStringLiteral("content retention failed"), q.lastError());
    return qint64(q.numRowsAffected());
}

} // namespace

QByteArray ContentStore::associatedData(const QString &requestId, const char *direction)
{
    return QByteArrayLiteral("perimeter-content-v1\n") + requestId.toUtf8() + '\n' + direction;
}

QByteArray ContentStore::streamText(const QByteArray &sse)
{
    QByteArray text;
    for (QByteArray line : sse.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.startsWith("data:"))
            continue;
        const QByteArray data = line.mid(5).trimmed();
        if (data.isEmpty() || data == "[DONE]")
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(data);
        const QJsonArray choices = doc.object().value(QLatin1String("choices")).toArray();
        if (choices.isEmpty())
            continue;
        const QJsonObject choice = choices.first().toObject();
        const QJsonValue delta = choice.value(QLatin1String("delta")).toObject().value(QLatin1String("content"));
        if (delta.isString())
            text += delta.toString().toUtf8();
        else if (choice.value(QLatin1String("text")).isString())
            text += choice.value(QLatin1String("text")).toString().toUtf8();
    }
    return text;
}

ContentStore::ContentStore(QString path, ContentStoreSettings settings, ContentCipher cipher)
    : m_path(std::move(path)), m_settings(std::move(settings)), m_cipher(std::move(cipher))
{
}

Result<std::unique_ptr<ContentStore>> ContentStore::open(const QString &dataDir, const ContentStoreSettings &settings)
{
    if (!settings.enabled)
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("the content store is not enabled")};
    // Fail closed: without a usable key nothing is stored, and the service does not start.
    auto cipher = ContentCipher::fromKeyFile(settings.keyFile);
    if (!cipher)
        return cipher.error();
    const QString dir = QDir(dataDir).absolutePath();
    if (!QDir().mkpath(dir))
        return Error{QStringLiteral("content_store_error"), QStringLiteral("cannot create data directory %1").arg(dir)};
    const QString path = QDir(dir).filePath(QStringLiteral("content.db"));
    const bool existed = QFileInfo::exists(path);
    {
        Connection schema(path, false);
        if (!schema.isOpen())
            return storeError(QStringLiteral("cannot open the content store"), schema.db().lastError());
        if (auto s = createSchema(schema.db()); !s)
            return s.error();
    }
    if (!existed)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    std::unique_ptr<ContentStore> store(new ContentStore(path, settings, std::move(cipher).value()));
    const QString writerName = QStringLiteral("perimeter.content.writer.%1").arg(g_contentConnections.fetch_add(1));
    store->m_writer = std::thread([s = store.get(), writerName] { s->writerLoop(writerName); });
    std::unique_lock lock(store->m_mutex);
    store->m_progress.wait(lock, [&] { return store->m_ready; });
    if (!store->m_startError.isEmpty()) {
        const QString message = store->m_startError;
        lock.unlock();
        store->m_writer.join();
        return Error{QStringLiteral("content_store_error"), message};
    }
    return store;
}

ContentStore::~ContentStore()
{
    if (m_writer.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_writer.join();
    }
}

bool ContentStore::append(ContentRecord record)
{
    if (record.tier != QLatin1String("onprem"))
        return false;
    if (!record.ts.isValid())
        record.ts = QDateTime::currentDateTimeUtc();
    const qint64 size = record.request.size() + record.response.size();
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping && m_queue.size() < size_t(kMaxQueueRecords) && m_queuedBytes + size <= kMaxQueueBytes) {
            m_queuedBytes += size;
            m_queue.push_back(std::move(record));
            ++m_accepted;
            m_wake.notify_one();
            return true;
        }
    }
    const quint64 dropped = m_dropped.fetch_add(1, std::memory_order_relaxed) + 1;
    if ((dropped & (dropped - 1)) == 0)
        qCWarning(lcContent, "content store queue full: %llu record(s) not stored so far", static_cast<unsigned long long>(dropped));
    return false;
}

Status ContentStore::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_accepted;
    const quint64 failedBefore = m_failed;
    m_progress.wait(lock, [&] { return m_processed >= target; });
    if (m_failed != failedBefore)
        return Error{QStringLiteral("content_store_error"),
                     QStringLiteral("%1 content record(s) could not be stored: %2").arg(m_failed - failedBefore).arg(m_lastError)};
    return Ok{};
}

Result<qint64> ContentStore::purgeOlderThan(const QDateTime &horizon)
{
    Connection c(m_path, false);
    if (!c.isOpen())
        return storeError(QStringLiteral("cannot open the content store"), c.db().lastError());
    return purge(c.db(), horizon);
}

void ContentStore::writerLoop(const QString &connectionName)
{
    ThreadName::set("content-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        QSqlQuery insert(db);
        const bool ok = db.open()
                        && insert.prepare(QStringLiteral(
                            "INSERT OR REPLACE INTO content_records (request_id, ts_ms, tier, model, streamed, request_truncated, "
                            "response_truncated, request_sealed, response_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        {
            std::lock_guard lock(m_mutex);
            if (!ok)
                m_startError = QStringLiteral("cannot open the content store: %1").arg(db.lastError().text());
            m_ready = true;
        }
        m_progress.notify_all();

        using Clock = std::chrono::steady_clock;
        auto nextPurge = Clock::now();
        while (ok) {
            std::deque<ContentRecord> batch;
            bool stop = false;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait_until(lock, nextPurge, [this] { return m_stopping || !m_queue.empty(); });
                stop = m_stopping && m_queue.empty();
                batch.swap(m_queue);
                m_queuedBytes = 0;
            }
            if (Clock::now() >= nextPurge) {
                auto purged = purge(db, QDateTime::currentDateTimeUtc().addDays(-m_settings.retentionDays));
                if (!purged)
                    qCWarning(lcContent, "content retention failed: %s", qUtf8Printable(purged.error().message));
                else if (purged.value() > 0)
                    qCInfo(lcContent, "content retention: %lld record(s) older than %d day(s) deleted",
                           static_cast<long long>(purged.value()), m_settings.retentionDays);
                nextPurge = Clock::now() + std::chrono::hours(1);
            }
            if (stop)
                break;
            if (batch.empty())
                continue;
            qsizetype failed = 0;
            QString error;
            QSqlQuery begin(db);
            begin.exec(QStringLiteral("BEGIN"));
            for (ContentRecord &r : batch) {
                QByteArray response = r.streamed ? streamText(r.response) : r.response;
                const bool requestTruncated = r.request.size() > m_settings.maxBytes;
                const bool responseTruncated = r.responseTruncated || response.size() > m_settings.maxBytes;
                auto sealedRequest = m_cipher.seal(r.request.left(m_settings.maxBytes), associatedData(r.requestId, "request"));
                auto sealedResponse = m_cipher.seal(response.left(m_settings.maxBytes), associatedData(r.requestId, "response"));
                // The plaintext leaves memory as soon as it is sealed.
                response.fill('\0');
                r.request = QByteArray();
                r.response = QByteArray();
                if (!sealedRequest || !sealedResponse) {
                    ++failed;
                    error = (!sealedRequest ? sealedRequest.error() : sealedResponse.error()).message;
                    continue;
                }
                insert.addBindValue(r.requestId);
                insert.addBindValue(r.ts.toMSecsSinceEpoch());
                insert.addBindValue(r.tier);
                insert.addBindValue(r.model);
                insert.addBindValue(r.streamed ? 1 : 0);
                insert.addBindValue(requestTruncated ? 1 : 0);
                insert.addBindValue(responseTruncated ? 1 : 0);
                insert.addBindValue(sealedRequest.value());
                insert.addBindValue(sealedResponse.value());
                if (!insert.exec()) {
                    ++failed;
                    error = insert.lastError().text();
                }
            }
            insert.finish();
            QSqlQuery commit(db);
            if (!commit.exec(QStringLiteral("COMMIT"))) {
                failed = qsizetype(batch.size());
                error = commit.lastError().text();
                QSqlQuery rollback(db);
                rollback.exec(QStringLiteral("ROLLBACK"));
            }
            {
                std::lock_guard lock(m_mutex);
                m_processed += batch.size();
                if (failed > 0) {
                    m_failed += quint64(failed);
                    m_lastError = error;
                }
            }
            if (failed > 0)
                qCWarning(lcContent, "content store: %lld record(s) could not be stored: %s", static_cast<long long>(failed),
                          qUtf8Printable(error));
            m_progress.notify_all();
        }
        insert = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

Result<StoredContent> ContentStore::read(const QString &dataDir, const QString &keyFile, const QString &requestId)
{
    auto cipher = ContentCipher::fromKeyFile(keyFile);
    if (!cipher)
        return cipher.error();
    const QString path = QDir(dataDir).filePath(QStringLiteral("content.db"));
    if (!QFileInfo::exists(path))
        return Error{QStringLiteral("content_not_found"), QStringLiteral("there is no content store in %1").arg(dataDir)};
    Connection c(path, true);
    if (!c.isOpen())
        return storeError(QStringLiteral("cannot open the content store"), c.db().lastError());
    QSqlQuery q(c.db());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT ts_ms, tier, model, streamed, request_truncated, response_truncated, request_sealed, "
                                  "response_sealed FROM content_records WHERE request_id = ?")))
        return storeError(QStringLiteral("cannot read the content store"), q.lastError());
    q.addBindValue(requestId);
    if (!q.exec())
        return storeError(QStringLiteral("cannot read the content store"), q.lastError());
    if (!q.next())
        return Error{QStringLiteral("content_not_found"), QStringLiteral("no stored content for request %1").arg(requestId)};
    StoredContent s;
    s.requestId = requestId;
    s.ts = QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
    s.tier = q.value(1).toString();
    s.model = q.value(2).toString();
    s.streamed = q.value(3).toInt() != 0;
    s.requestTruncated = q.value(4).toInt() != 0;
    s.responseTruncated = q.value(5).toInt() != 0;
    auto request = cipher.value().open(q.value(6).toByteArray(), associatedData(requestId, "request"));
    if (!request)
        return request.error();
    auto response = cipher.value().open(q.value(7).toByteArray(), associatedData(requestId, "response"));
    if (!response)
        return response.error();
    s.request = request.value();
    s.response = response.value();
    return s;
}

} // namespace perimeter::observe
