// SPDX-License-Identifier: Apache-2.0
#include "observe/SqliteAuditStore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <future>
#include <thread>

Q_DECLARE_METATYPE(perimeter::observe::AuditRecord)
Q_DECLARE_METATYPE(perimeter::observe::AuditQuery)

using namespace perimeter;
using namespace perimeter::observe;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 11, 24), QTime(5, 0, 0, 123), Qt::UTC);

AuditRecord makeRecord(const QString &id, qint64 offsetMs = 0, const QString &caller = QStringLiteral("alice"),
                       const QString &tier = QStringLiteral("onprem"), const QString &decision = QStringLiteral("routed"))
{
    AuditRecord r;
    r.requestId = id;
    r.ts = kBase.addMSecs(offsetMs);
    r.caller = caller;
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("llama-70b");
    r.modelServed = QStringLiteral("llama-70b");
    r.tier = tier;
    r.endpointId = QStringLiteral("gpu-1");
    r.decision = decision;
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("internal");
    r.status = 200;
    return r;
}

void compareRecords(const AuditRecord &a, const AuditRecord &e)
{
    QCOMPARE(a.requestId, e.requestId);
    QCOMPARE(a.ts, e.ts);
    QCOMPARE(a.ts.timeSpec(), Qt::UTC);
    QCOMPARE(a.caller, e.caller);
    QCOMPARE(a.team, e.team);
    QCOMPARE(a.endpointPath, e.endpointPath);
    QCOMPARE(a.modelRequested, e.modelRequested);
    QCOMPARE(a.modelServed, e.modelServed);
    QCOMPARE(a.tier, e.tier);
    QCOMPARE(a.endpointId, e.endpointId);
    QCOMPARE(a.decision, e.decision);
    QCOMPARE(a.reason, e.reason);
    QCOMPARE(a.sensitivity, e.sensitivity);
    QCOMPARE(a.findingTypes, e.findingTypes);
    QCOMPARE(a.policyVersion, e.policyVersion);
    QCOMPARE(a.status, e.status);
    QCOMPARE(a.tokensIn, e.tokensIn);
    QCOMPARE(a.tokensOut, e.tokensOut);
    QCOMPARE(a.latencyMs, e.latencyMs);
    QCOMPARE(a.upstreamMs, e.upstreamMs);
    QCOMPARE(a.ttftMs, e.ttftMs);
    QCOMPARE(a.streamed, e.streamed);
    QCOMPARE(a.costAmount, e.costAmount);
    QCOMPARE(a.costCurrency, e.costCurrency);
    QCOMPARE(a.costBasis, e.costBasis);
}

QStringList ids(const QList<AuditRecord> &records)
{
    QStringList result;
    for (const auto &r : records)
        result << r.requestId;
    return result;
}

// A second, independent connection to the file, as another process would see it.
class RawConnection {
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("tst.raw.%1").arg(reinterpret_cast<quintptr>(this)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return QVariant();
        return q.value(0);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace

class tst_SqliteAuditStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void openCreatesPrivateDirectoryAndSchema();
    void openRejectsBadArguments_data();
    void openRejectsBadArguments();
    void openRefusesNewerSchema();
    void walModeIsOn();
    void roundTrip_data();
    void roundTrip();
    void storedColumns();
    void missingTimestampIsStamped();
    void batchesCommitEverything();
    void flushWaitsForCommit();
    void flushWithNothingQueued();
    void queueFullReturnsFalse();
    void duplicateRequestIdFailsOnlyThatRecord();
    void queryFilters_data();
    void queryFilters();
    void queryIsOldestFirst();
    void queryFromAnotherThread();
    void reopenKeepsData();
};

void tst_SqliteAuditStore::openCreatesPrivateDirectoryAndSchema()
{
    QTemporaryDir tmp;
    const QString dataDir = tmp.filePath(QStringLiteral("nested/var"));
    auto store = SqliteAuditStore::open(dataDir, 16);
    QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(store.value()->databasePath(), dataDir + QStringLiteral("/audit.db"));
    QVERIFY(QFileInfo::exists(store.value()->databasePath()));
    QCOMPARE(QFileInfo(dataDir).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther),
             QFileDevice::Permissions());
    QVERIFY(QFileInfo(dataDir).permissions().testFlag(QFile::WriteOwner));

    RawConnection raw(store.value()->databasePath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(), SqliteAuditStore::kSchemaVersion);
    QSqlQuery columns(raw.db());
    QVERIFY(columns.exec(QStringLiteral("PRAGMA table_info(audit_records)")));
    QStringList names;
    while (columns.next())
        names << columns.value(1).toString();
    for (const QString &field : {QStringLiteral("request_id"), QStringLiteral("ts"), QStringLiteral("ts_ms"),
                                 QStringLiteral("caller"), QStringLiteral("team"), QStringLiteral("endpoint_path"),
                                 QStringLiteral("model_requested"), QStringLiteral("model_served"),
                                 QStringLiteral("tier"), QStringLiteral("endpoint_id"), QStringLiteral("decision"),
                                 QStringLiteral("reason"), QStringLiteral("sensitivity"),
                                 QStringLiteral("finding_types"), QStringLiteral("policy_version"),
                                 QStringLiteral("status"), QStringLiteral("tokens_in"), QStringLiteral("tokens_out"),
                                 QStringLiteral("latency_ms"), QStringLiteral("upstream_ms"),
                                 QStringLiteral("ttft_ms"), QStringLiteral("streamed"),
                                 QStringLiteral("cost_amount"), QStringLiteral("cost_currency"),
                                 QStringLiteral("cost_basis")}) {
        QVERIFY2(names.contains(field), qPrintable(field));
    }
    QSqlQuery indexes(raw.db());
    QVERIFY(indexes.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_records'")));
    QStringList indexSql;
    while (indexes.next())
        indexSql << indexes.value(1).toString();
    const QString all = indexSql.join(QLatin1Char('\n'));
    QVERIFY(all.contains(QStringLiteral("UNIQUE INDEX audit_records_request_id ON audit_records (request_id)")));
    for (const char *column : {"ts_ms", "caller", "tier", "decision"})
        QVERIFY2(all.contains(QStringLiteral("ON audit_records (%1)").arg(QLatin1String(column))), column);
}

void tst_SqliteAuditStore::openRejectsBadArguments_data()
{
    QTest::addColumn<bool>("useFile");
    QTest::addColumn<int>("capacity");
    QTest::newRow("zero capacity") << false << 0;
    QTest::newRow("negative capacity") << false << -5;
    QTest::newRow("data dir is a file") << true << 16;
}

void tst_SqliteAuditStore::openRejectsBadArguments()
{
    QFETCH(bool, useFile);
    QFETCH(int, capacity);
    QTemporaryDir tmp;
    QString dataDir = tmp.path();
    if (useFile) {
        dataDir = tmp.filePath(QStringLiteral("plain-file"));
        QFile f(dataDir);
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    auto store = SqliteAuditStore::open(dataDir, capacity);
    QVERIFY(!store.ok());
    QVERIFY(!store.error().code.isEmpty());
}

void tst_SqliteAuditStore::openRefusesNewerSchema()
{
    QTemporaryDir tmp;
    {
        auto store = SqliteAuditStore::open(tmp.path(), 4);
        QVERIFY(store.ok());
    }
    {
        RawConnection raw(tmp.filePath(QStringLiteral("audit.db")));
        QSqlQuery q(raw.db());
        QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
    }
    auto again = SqliteAuditStore::open(tmp.path(), 4);
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QStringLiteral("99")));
}

void tst_SqliteAuditStore::walModeIsOn()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(store.ok());
    RawConnection raw(store.value()->databasePath());
    QCOMPARE(raw.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void tst_SqliteAuditStore::roundTrip_data()
{
    QTest::addColumn<AuditRecord>("record");

    AuditRecord full = makeRecord(QStringLiteral("req-full"));
    full.ts = QDateTime(QDate(2026, 11, 24), QTime(5, 0, 0, 123), Qt::UTC);
    full.tier = QStringLiteral("cloud");
    full.endpointId = QStringLiteral("openai");
    full.modelRequested = QStringLiteral("gpt-4o");
    full.modelServed = QStringLiteral("gpt-4o-2024-08-06");
    full.sensitivity = QStringLiteral("confidential");
    full.findingTypes = {{QStringLiteral("CREDIT_CARD"), 1}, {QStringLiteral("EMAIL_ADDRESS"), 3}};
    full.policyVersion = QStringLiteral("policy-7");
    full.status = 200;
    full.tokensIn = 12345678901LL;
    full.tokensOut = 42;
    full.latencyMs = 1500;
    full.upstreamMs = 1480;
    full.ttftMs = 95;
    full.streamed = true;
    full.costAmount = 0.000123456789;
    full.costCurrency = QStringLiteral("EUR");
    full.costBasis = QStringLiteral("list_price");
    QTest::newRow("every field set") << full;

    AuditRecord empty;
    empty.requestId = QStringLiteral("req-unauthenticated");
    empty.ts = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    empty.decision = QStringLiteral("rejected");
    empty.reason = QStringLiteral("unauthenticated");
    empty.status = 401;
    empty.costCurrency.clear();
    QTest::newRow("nulls, -1 sentinels, no findings") << empty;

    AuditRecord zeros = makeRecord(QStringLiteral("req-zero"));
    zeros.upstreamMs = 0;
    zeros.ttftMs = 0;
    zeros.findingTypes = {{QStringLiteral("SECRET"), 0}};
    QTest::newRow("zero is not null") << zeros;

    AuditRecord offset = makeRecord(QStringLiteral("req-offset"));
    offset.ts = QDateTime(QDate(2026, 6, 1), QTime(12, 0, 0, 999), QTimeZone(7200));
    offset.caller = QStringLiteral("zoë-東京");
    offset.decision = QStringLiteral("failed");
    offset.reason = QStringLiteral("upstream_timeout");
    offset.status = 504;
    QTest::newRow("non-UTC input time, unicode caller") << offset;
}

void tst_SqliteAuditStore::roundTrip()
{
    QFETCH(AuditRecord, record);
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(store.ok());
    QVERIFY(store.value()->append(record));
    QVERIFY(store.value()->flush().ok());

    AuditQuery q;
    q.requestId = record.requestId;
    auto rows = store.value()->query(q);
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), 1);
    AuditRecord expected = record;
    expected.ts = record.ts.toUTC();
    compareRecords(rows.value().first(), expected);
}

void tst_SqliteAuditStore::storedColumns()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(store.ok());
    AuditRecord r = makeRecord(QStringLiteral("req-1"));
    r.findingTypes = {{QStringLiteral("CREDIT_CARD"), 1}};
    r.tier.clear();
    QVERIFY(store.value()->append(r));
    QVERIFY(store.value()->flush().ok());

    RawConnection raw(store.value()->databasePath());
    QSqlQuery q(raw.db());
    QVERIFY(q.exec(QStringLiteral("SELECT ts, ts_ms, finding_types, upstream_ms, ttft_ms, tier, streamed FROM audit_records")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("2026-11-24T05:00:00.123Z"));
    QCOMPARE(q.value(1).toLongLong(), kBase.toMSecsSinceEpoch());
    QCOMPARE(q.value(2).toString(), QStringLiteral("{\"CREDIT_CARD\":1}"));
    QVERIFY(q.value(3).isNull());
    QVERIFY(q.value(4).isNull());
    QVERIFY(q.value(5).isNull());
    QCOMPARE(q.value(6).toInt(), 0);
}

void tst_SqliteAuditStore::missingTimestampIsStamped()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(store.ok());
    AuditRecord r = makeRecord(QStringLiteral("req-no-ts"));
    r.ts = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(store.value()->append(r));
    QVERIFY(store.value()->flush().ok());
    auto rows = store.value()->query({});
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), 1);
    QVERIFY(rows.value().first().ts >= before.addMSecs(-1));
    QVERIFY(rows.value().first().ts <= QDateTime::currentDateTimeUtc());
}

void tst_SqliteAuditStore::batchesCommitEverything()
{
    QTemporaryDir tmp;
    const int count = SqliteAuditStore::kMaxBatch * 4 + 17;
    auto store = SqliteAuditStore::open(tmp.path(), count);
    QVERIFY(store.ok());
    for (int i = 0; i < count; ++i)
        QVERIFY(store.value()->append(makeRecord(QStringLiteral("req-%1").arg(i), i)));
    QVERIFY(store.value()->flush().ok());
    QCOMPARE(store.value()->committedCount(), quint64(count));
    QCOMPARE(store.value()->droppedCount(), quint64(0));
    auto rows = store.value()->query({});
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), count);
    QCOMPARE(rows.value().first().requestId, QStringLiteral("req-0"));
    QCOMPARE(rows.value().last().requestId, QStringLiteral("req-%1").arg(count - 1));
}

void tst_SqliteAuditStore::flushWaitsForCommit()
{
    QTemporaryDir tmp;
    auto opened = SqliteAuditStore::open(tmp.path(), 64);
    QVERIFY(opened.ok());
    auto &store = *opened.value();

    // Another connection holds the write lock, so the writer cannot commit yet.
    RawConnection blocker(store.databasePath());
    QSqlQuery lock(blocker.db());
    QVERIFY2(lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));

    QVERIFY(store.append(makeRecord(QStringLiteral("req-a"))));
    QVERIFY(store.append(makeRecord(QStringLiteral("req-b"), 1)));
    auto flushed = std::async(std::launch::async, [&store] { return store.flush(); });
    QCOMPARE(flushed.wait_for(std::chrono::milliseconds(200)), std::future_status::timeout);
    QCOMPARE(store.committedCount(), quint64(0));

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(flushed.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    QVERIFY(flushed.get().ok());
    // Everything appended before flush() is visible to any new reader once flush returns.
    QCOMPARE(store.committedCount(), quint64(2));
    RawConnection reader(store.databasePath());
    QCOMPARE(reader.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_records")).toInt(), 2);
}

void tst_SqliteAuditStore::flushWithNothingQueued()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 4);
    QVERIFY(store.ok());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(store.value()->flush().ok());
    QVERIFY(timer.elapsed() < 1000);
}

void tst_SqliteAuditStore::queueFullReturnsFalse()
{
    QTemporaryDir tmp;
    const int capacity = 2;
    auto opened = SqliteAuditStore::open(tmp.path(), capacity);
    QVERIFY(opened.ok());
    auto &store = *opened.value();

    RawConnection blocker(store.databasePath());
    QSqlQuery lock(blocker.db());
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    // The writer holds at most one batch (<= capacity) while blocked, the queue at most
    // `capacity`, so one of the first 2 * capacity + 1 appends must be refused.
    int accepted = 0;
    bool refused = false;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 2 * capacity + 1; ++i) {
        if (!store.append(makeRecord(QStringLiteral("req-%1").arg(i), i))) {
            refused = true;
            break;
        }
        ++accepted;
    }
    QVERIFY(refused);
    QVERIFY(timer.elapsed() < 1000); // append never waited for the blocked writer
    QCOMPARE(store.droppedCount(), quint64(1));
    QVERIFY(accepted >= capacity);

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QVERIFY(store.flush().ok());
    QCOMPARE(store.committedCount(), quint64(accepted));
    auto rows = store.query({});
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), accepted);
    // Room again once the writer caught up.
    QVERIFY(store.append(makeRecord(QStringLiteral("req-after"), 100)));
    QVERIFY(store.flush().ok());
}

void tst_SqliteAuditStore::duplicateRequestIdFailsOnlyThatRecord()
{
    QTemporaryDir tmp;
    auto opened = SqliteAuditStore::open(tmp.path(), 64);
    QVERIFY(opened.ok());
    auto &store = *opened.value();
    QVERIFY(store.append(makeRecord(QStringLiteral("req-1"), 0)));
    QVERIFY(store.append(makeRecord(QStringLiteral("req-1"), 1)));
    QVERIFY(store.append(makeRecord(QStringLiteral("req-2"), 2)));
    auto flushed = store.flush();
    QVERIFY(!flushed.ok());
    QCOMPARE(flushed.error().code, QStringLiteral("audit_write_failed"));
    QCOMPARE(store.writeFailureCount(), quint64(1));
    auto rows = store.query({});
    QVERIFY(rows.ok());
    QCOMPARE(ids(rows.value()), (QStringList{QStringLiteral("req-1"), QStringLiteral("req-2")}));
    // A later flush reports only failures that happened since the previous one.
    QVERIFY(store.append(makeRecord(QStringLiteral("req-3"), 3)));
    QVERIFY(store.flush().ok());
}

void tst_SqliteAuditStore::queryFilters_data()
{
    QTest::addColumn<AuditQuery>("query");
    QTest::addColumn<QStringList>("expected");

    auto q = [] { return AuditQuery(); };
    QTest::newRow("all") << q() << QStringList{QStringLiteral("r0"), QStringLiteral("r1"), QStringLiteral("r2"),
                                               QStringLiteral("r3"), QStringLiteral("r4")};
    AuditQuery from = q();
    from.from = kBase.addSecs(2);
    QTest::newRow("from is inclusive") << from << QStringList{QStringLiteral("r2"), QStringLiteral("r3"), QStringLiteral("r4")};
    AuditQuery to = q();
    to.to = kBase.addSecs(2);
    QTest::newRow("to is exclusive") << to << QStringList{QStringLiteral("r0"), QStringLiteral("r1")};
    AuditQuery range = q();
    range.from = kBase.addSecs(1);
    range.to = kBase.addSecs(3);
    QTest::newRow("range") << range << QStringList{QStringLiteral("r1"), QStringLiteral("r2")};
    AuditQuery caller = q();
    caller.caller = QStringLiteral("bob");
    QTest::newRow("caller") << caller << QStringList{QStringLiteral("r1"), QStringLiteral("r3")};
    AuditQuery tier = q();
    tier.tier = QStringLiteral("cloud");
    QTest::newRow("tier") << tier << QStringList{QStringLiteral("r2"), QStringLiteral("r3")};
    AuditQuery decision = q();
    decision.decision = QStringLiteral("rejected");
    QTest::newRow("decision") << decision << QStringList{QStringLiteral("r4")};
    AuditQuery requestId = q();
    requestId.requestId = QStringLiteral("r3");
    QTest::newRow("request id") << requestId << QStringList{QStringLiteral("r3")};
    AuditQuery limit = q();
    limit.limit = 2;
    QTest::newRow("limit keeps the oldest") << limit << QStringList{QStringLiteral("r0"), QStringLiteral("r1")};
    AuditQuery zero = q();
    zero.limit = 0;
    QTest::newRow("limit 0") << zero << QStringList{};
    AuditQuery combined = q();
    combined.caller = QStringLiteral("bob");
    combined.tier = QStringLiteral("cloud");
    combined.from = kBase;
    QTest::newRow("combined") << combined << QStringList{QStringLiteral("r3")};
    AuditQuery none = q();
    none.caller = QStringLiteral("nobody");
    QTest::newRow("no match") << none << QStringList{};
    AuditQuery injection = q();
    injection.caller = QStringLiteral("x' OR '1'='1");
    QTest::newRow("values are bound, not spliced") << injection << QStringList{};
}

void tst_SqliteAuditStore::queryFilters()
{
    QFETCH(AuditQuery, query);
    QFETCH(QStringList, expected);
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(store.ok());
    // Appended out of time order on purpose.
    const QList<AuditRecord> records = {
        makeRecord(QStringLiteral("r3"), 3000, QStringLiteral("bob"), QStringLiteral("cloud")),
        makeRecord(QStringLiteral("r0"), 0, QStringLiteral("alice"), QStringLiteral("onprem")),
        makeRecord(QStringLiteral("r4"), 4000, QStringLiteral("alice"), QString(), QStringLiteral("rejected")),
        makeRecord(QStringLiteral("r1"), 1000, QStringLiteral("bob"), QStringLiteral("onprem")),
        makeRecord(QStringLiteral("r2"), 2000, QStringLiteral("alice"), QStringLiteral("cloud")),
    };
    for (const auto &r : records)
        QVERIFY(store.value()->append(r));
    QVERIFY(store.value()->flush().ok());
    auto rows = store.value()->query(query);
    QVERIFY(rows.ok());
    QCOMPARE(ids(rows.value()), expected);
}

void tst_SqliteAuditStore::queryIsOldestFirst()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 64);
    QVERIFY(store.ok());
    // Same millisecond: insertion order breaks the tie.
    QVERIFY(store.value()->append(makeRecord(QStringLiteral("late"), 5000)));
    QVERIFY(store.value()->append(makeRecord(QStringLiteral("tie-1"), 10)));
    QVERIFY(store.value()->append(makeRecord(QStringLiteral("tie-2"), 10)));
    QVERIFY(store.value()->append(makeRecord(QStringLiteral("early"), -86'400'000)));
    QVERIFY(store.value()->flush().ok());
    auto rows = store.value()->query({});
    QVERIFY(rows.ok());
    QCOMPARE(ids(rows.value()), (QStringList{QStringLiteral("early"), QStringLiteral("tie-1"),
                                             QStringLiteral("tie-2"), QStringLiteral("late")}));
}

void tst_SqliteAuditStore::queryFromAnotherThread()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 64);
    QVERIFY(store.ok());
    for (int i = 0; i < 10; ++i)
        QVERIFY(store.value()->append(makeRecord(QStringLiteral("req-%1").arg(i), i)));
    QVERIFY(store.value()->flush().ok());
    auto &s = *store.value();
    auto counts = [&s] {
        int n = 0;
        for (int i = 0; i < 20; ++i) {
            auto rows = s.query({});
            n = rows.ok() ? int(rows.value().size()) : -1;
        }
        return n;
    };
    auto a = std::async(std::launch::async, counts);
    auto b = std::async(std::launch::async, counts);
    QCOMPARE(a.get(), 10);
    QCOMPARE(b.get(), 10);
}

void tst_SqliteAuditStore::reopenKeepsData()
{
    QTemporaryDir tmp;
    {
        auto store = SqliteAuditStore::open(tmp.path(), 4096);
        QVERIFY(store.ok());
        for (int i = 0; i < 1000; ++i)
            QVERIFY(store.value()->append(makeRecord(QStringLiteral("req-%1").arg(i), i)));
        // No flush: the destructor drains the queue.
    }
    auto store = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(store.ok());
    auto rows = store.value()->query({});
    QVERIFY(rows.ok());
    QCOMPARE(rows.value().size(), 1000);
    QVERIFY(store.value()->append(makeRecord(QStringLiteral("req-new"), 5000)));
    QVERIFY(store.value()->flush().ok());
    AuditQuery last;
    last.from = kBase.addMSecs(5000);
    auto newest = store.value()->query(last);
    QVERIFY(newest.ok());
    QCOMPARE(ids(newest.value()), QStringList{QStringLiteral("req-new")});
}

QTEST_GUILESS_MAIN(tst_SqliteAuditStore)
#include "tst_sqliteauditstore.moc"
