// SPDX-License-Identifier: Apache-2.0
#include "observe/AuditChain.h"
#include "observe/AuditRecordJson.h"
#include "observe/SqliteAuditStore.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <thread>

Q_DECLARE_METATYPE(perimeter::observe::AuditRecord)

using namespace perimeter;
using namespace perimeter::observe;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 11, 24), QTime(5, 0, 0, 123), Qt::UTC);

AuditRecord makeRecord(const QString &id, qint64 offsetMs = 0)
{
    AuditRecord r;
    r.requestId = id;
    r.ts = kBase.addMSecs(offsetMs);
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("llama-70b");
    r.modelServed = QStringLiteral("llama-70b");
    r.tier = QStringLiteral("onprem");
    r.endpointId = QStringLiteral("gpu-1");
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("confidential");
    r.findingTypes = {{QStringLiteral("CREDIT_CARD"), 1}};
    r.policyVersion = QStringLiteral("7");
    r.status = 200;
    r.tokensIn = 100;
    r.tokensOut = 20;
    r.latencyMs = 50;
    r.upstreamMs = 45;
    r.costAmount = 0.0012;
    r.costBasis = QStringLiteral("blended_rate");
    r.costCounterfactual = 0.0031;
    return r;
}

// A second connection to the file, as an attacker with write access to the database would use.
class RawConnection {
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("tst.chain.raw.%1").arg(reinterpret_cast<quintptr>(this)))
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
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        const bool ok = q.exec(sql);
        if (!ok)
            qWarning("raw SQL failed: %s", qPrintable(q.lastError().text()));
        return ok;
    }
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

std::unique_ptr<SqliteAuditStore> openStore(const QString &dir)
{
    auto store = SqliteAuditStore::open(dir, 4096);
    if (!store)
        qWarning("%s", qPrintable(store.error().message));
    return store ? std::move(store).value() : nullptr;
}

// Writes r1..rN and closes the store, so raw SQL sees every record.
void writeRecords(const QString &dir, int count)
{
    auto store = openStore(dir);
    QVERIFY(store);
    for (int i = 1; i <= count; ++i)
        QVERIFY(store->append(makeRecord(QStringLiteral("r%1").arg(i), i)));
    QVERIFY(store->flush().ok());
}

ChainVerification verifyDir(const QString &dir)
{
    auto store = openStore(dir);
    if (!store)
        return {};
    auto v = store->verify();
    if (!v) {
        qWarning("%s", qPrintable(v.error().message));
        return {};
    }
    return v.value();
}

} // namespace

class tst_AuditChain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void canonicalFormIsFixed();
    void canonicalFormIsUnambiguous_data();
    void canonicalFormIsUnambiguous();
    void hashMatchesIndependentSha256();
    void storedRecordsVerify_data();
    void storedRecordsVerify();
    void queryReturnsTheChain();
    void emptyTrailVerifies();
    void tamperedFieldIsNamed_data();
    void tamperedFieldIsNamed();
    void deletedRecordIsMissing_data();
    void deletedRecordIsMissing();
    void reorderedRecordsAreNamed();
    void recordInsertedBehindTheStoreIsNamed();
    void chainSurvivesReopen();
    void versionOneFileIsMigratedAndChained();
    void concurrentStoresKeepOneChain();
    void verifyWhileWriting();
};

void tst_AuditChain::canonicalFormIsFixed()
{
    AuditRecord r = makeRecord(QStringLiteral("req-1"));
    r.ttftMs = -1;
    const QByteArray expected =
        "perimeter-audit-chain-v1\n"
        "request_id=5:req-1\n"
        "ts=24:2026-11-24T05:00:00.123Z\n"
        "caller=5:alice\n"
        "team=4:risk\n"
        "endpoint_path=20:/v1/chat/completions\n"
        "model_requested=9:llama-70b\n"
        "model_served=9:llama-70b\n"
        "tier=6:onprem\n"
        "endpoint_id=5:gpu-1\n"
        "decision=6:routed\n"
        "reason=2:ok\n"
        "sensitivity=12:confidential\n"
        "finding_types=17:{\"CREDIT_CARD\":1}\n"
        "policy_version=1:7\n"
        "status=3:200\n"
        "tokens_in=3:100\n"
        "tokens_out=2:20\n"
        "latency_ms=2:50\n"
        "upstream_ms=2:45\n"
        "ttft_ms=0:\n"
        "streamed=5:false\n"
        "cost_amount=6:0.0012\n"
        "cost_currency=3:USD\n"
        "cost_basis=12:blended_rate\n"
        "cost_counterfactual=6:0.0031\n";
    QCOMPARE(AuditChain::canonicalForm(r), expected);
}

void tst_AuditChain::canonicalFormIsUnambiguous_data()
{
    QTest::addColumn<AuditRecord>("a");
    QTest::addColumn<AuditRecord>("b");
    AuditRecord base = makeRecord(QStringLiteral("x"));
    AuditRecord a = base, b = base;
    a.caller = QStringLiteral("ab");
    a.team = QStringLiteral("c");
    b.caller = QStringLiteral("a");
    b.team = QStringLiteral("bc");
    QTest::newRow("boundary between caller and team") << a << b;
    a = base;
    b = base;
    a.caller = QStringLiteral("a\nteam=4:risk");
    a.team = QString();
    b.caller = QStringLiteral("a");
    b.team = QStringLiteral("risk");
    QTest::newRow("value that looks like the next field") << a << b;
    a = base;
    b = base;
    a.costCounterfactual.reset();
    b.costCounterfactual = 0.0;
    QTest::newRow("absent vs zero counterfactual") << a << b;
    a = base;
    b = base;
    a.upstreamMs = -1;
    b.upstreamMs = 0;
    QTest::newRow("absent vs zero upstream") << a << b;
}

void tst_AuditChain::canonicalFormIsUnambiguous()
{
    QFETCH(AuditRecord, a);
    QFETCH(AuditRecord, b);
    QVERIFY(AuditChain::canonicalForm(a) != AuditChain::canonicalForm(b));
    QVERIFY(AuditChain::hashRecord(AuditChain::genesisHash(), a) != AuditChain::hashRecord(AuditChain::genesisHash(), b));
}

void tst_AuditChain::hashMatchesIndependentSha256()
{
    const AuditRecord r = makeRecord(QStringLiteral("req-9"));
    const QByteArray canonical = AuditChain::canonicalForm(r);
    const QByteArray prev = AuditChain::genesisHash();
    const QByteArray expected = QCryptographicHash::hash(prev + canonical, QCryptographicHash::Sha256).toHex();
    QCOMPARE(AuditChain::hashRecord(prev, r), expected);
    QCOMPARE(expected.size(), AuditChain::kHashHexLength);
    // The previous hash is part of the input: the same record hashes differently elsewhere.
    QVERIFY(AuditChain::hashRecord(expected, r) != expected);
}

void tst_AuditChain::storedRecordsVerify_data()
{
    QTest::addColumn<AuditRecord>("record");
    QTest::newRow("full") << makeRecord(QStringLiteral("full"));
    AuditRecord empty;
    empty.requestId = QStringLiteral("empty");
    empty.ts = kBase;
    empty.decision = QStringLiteral("rejected");
    empty.costCurrency.clear();
    QTest::newRow("empty fields and sentinels") << empty;
    AuditRecord odd = makeRecord(QStringLiteral("odd"));
    odd.caller = QStringLiteral("s\u00e9bastien \u4e2d\u6587 \"q\" \\ \n");
    odd.costAmount = 0.1 + 0.2;
    odd.costCounterfactual = -0.0;
    odd.upstreamMs = -7;
    odd.streamed = true;
    odd.ttftMs = 0;
    odd.findingTypes = {{QStringLiteral("odd key"), 3}, {QStringLiteral("EMAIL_ADDRESS"), 2}};
    QTest::newRow("unicode, awkward doubles, unusual sentinels") << odd;
    AuditRecord big = makeRecord(QStringLiteral("big"));
    big.tokensIn = 9007199254740991LL;
    big.costAmount = 1e-12;
    big.costCounterfactual = 123456789.123456;
    QTest::newRow("large and tiny numbers") << big;
}

void tst_AuditChain::storedRecordsVerify()
{
    QFETCH(AuditRecord, record);
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    QVERIFY(store);
    QVERIFY(store->append(makeRecord(QStringLiteral("before"))));
    QVERIFY(store->append(record));
    QVERIFY(store->append(makeRecord(QStringLiteral("after"))));
    QVERIFY(store->flush().ok());
    auto v = store->verify();
    QVERIFY2(v.ok(), v.ok() ? "" : qPrintable(v.error().message));
    QVERIFY2(v.value().ok, qPrintable(v.value().detail));
    QCOMPARE(v.value().recordsChecked, qint64(3));
    QCOMPARE(v.value().headHash.size(), AuditChain::kHashHexLength);
}

void tst_AuditChain::queryReturnsTheChain()
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    QVERIFY(store);
    for (int i = 0; i < 3; ++i)
        QVERIFY(store->append(makeRecord(QStringLiteral("q%1").arg(i), i)));
    QVERIFY(store->flush().ok());
    auto records = store->query({});
    QVERIFY(records.ok());
    QCOMPARE(records.value().size(), 3);
    const auto &list = records.value();
    QCOMPARE(list.at(0).prevHash, QString::fromLatin1(AuditChain::genesisHash()));
    for (int i = 0; i < 3; ++i) {
        AuditRecord r = list.at(i);
        QCOMPARE(r.hash, QString::fromLatin1(AuditChain::hashRecord(r.prevHash.toLatin1(), r)));
        if (i > 0)
            QCOMPARE(r.prevHash, list.at(i - 1).hash);
    }
    QCOMPARE(store->verify().value().headHash, list.last().hash);
}

void tst_AuditChain::emptyTrailVerifies()
{
    QTemporaryDir dir;
    const ChainVerification v = verifyDir(dir.path());
    QVERIFY(v.ok);
    QCOMPARE(v.recordsChecked, qint64(0));
    QCOMPARE(v.headHash, QString::fromLatin1(AuditChain::genesisHash()));
}

void tst_AuditChain::tamperedFieldIsNamed_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::newRow("caller") << QStringLiteral("caller = 'mallory'");
    QTest::newRow("tier moved on-prem") << QStringLiteral("tier = 'cloud'");
    QTest::newRow("sensitivity lowered") << QStringLiteral("sensitivity = 'public'");
    QTest::newRow("finding types erased") << QStringLiteral("finding_types = '{}'");
    QTest::newRow("tokens") << QStringLiteral("tokens_out = tokens_out + 1");
    QTest::newRow("cost") << QStringLiteral("cost_amount = 0");
    QTest::newRow("counterfactual removed") << QStringLiteral("cost_counterfactual = NULL");
    QTest::newRow("upstream sentinel") << QStringLiteral("upstream_ms = NULL");
    QTest::newRow("instant") << QStringLiteral("ts_ms = ts_ms + 1000");
    QTest::newRow("timestamp text only") << QStringLiteral("ts = '2020-01-01T00:00:00.000Z'");
    QTest::newRow("request id") << QStringLiteral("request_id = 'r3-forged'");
    QTest::newRow("hash rewritten") << QStringLiteral("hash = '%1'").arg(QString(64, QLatin1Char('f')));
    QTest::newRow("streamed") << QStringLiteral("streamed = 1");
}

void tst_AuditChain::tamperedFieldIsNamed()
{
    QFETCH(QString, assignment);
    QTemporaryDir dir;
    writeRecords(dir.path(), 5);
    {
        RawConnection raw(dir.filePath(QStringLiteral("audit.db")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_records SET %1 WHERE request_id = 'r3'").arg(assignment)));
    }
    const ChainVerification v = verifyDir(dir.path());
    QVERIFY(!v.ok);
    QCOMPARE(chainProblemName(v.problem), QStringLiteral("altered"));
    QCOMPARE(v.firstBadId, qint64(3));
    QVERIFY(v.firstBadRequestId.startsWith(QLatin1String("r3")));
    QVERIFY2(v.detail.contains(QLatin1String("record 3")), qPrintable(v.detail));
}

void tst_AuditChain::deletedRecordIsMissing_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<qint64>("badId");
    QTest::addColumn<QString>("badRequest");
    QTest::newRow("middle") << QStringLiteral("request_id = 'r3'") << qint64(4) << QStringLiteral("r4");
    QTest::newRow("first") << QStringLiteral("request_id = 'r1'") << qint64(2) << QStringLiteral("r2");
    QTest::newRow("last") << QStringLiteral("request_id = 'r5'") << qint64(5) << QString();
    QTest::newRow("newest two") << QStringLiteral("id >= 4") << qint64(4) << QString();
    QTest::newRow("all") << QStringLiteral("1 = 1") << qint64(1) << QString();
}

void tst_AuditChain::deletedRecordIsMissing()
{
    QFETCH(QString, where);
    QFETCH(qint64, badId);
    QFETCH(QString, badRequest);
    QTemporaryDir dir;
    writeRecords(dir.path(), 5);
    {
        RawConnection raw(dir.filePath(QStringLiteral("audit.db")));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM audit_records WHERE %1").arg(where)));
    }
    const ChainVerification v = verifyDir(dir.path());
    QVERIFY(!v.ok);
    QCOMPARE(chainProblemName(v.problem), QStringLiteral("missing"));
    QCOMPARE(v.firstBadId, badId);
    QCOMPARE(v.firstBadRequestId, badRequest);
}

void tst_AuditChain::reorderedRecordsAreNamed()
{
    QTemporaryDir dir;
    writeRecords(dir.path(), 5);
    {
        RawConnection raw(dir.filePath(QStringLiteral("audit.db")));
        // Swap records 2 and 3: each row still matches its own hash.
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_records SET id = 100 WHERE id = 2")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_records SET id = 2 WHERE id = 3")));
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_records SET id = 3 WHERE id = 100")));
    }
    const ChainVerification v = verifyDir(dir.path());
    QVERIFY(!v.ok);
    QCOMPARE(chainProblemName(v.problem), QStringLiteral("reordered"));
    QCOMPARE(v.firstBadId, qint64(2));
    QCOMPARE(v.firstBadRequestId, QStringLiteral("r3"));
}

void tst_AuditChain::recordInsertedBehindTheStoreIsNamed()
{
    QTemporaryDir dir;
    writeRecords(dir.path(), 2);
    {
        RawConnection raw(dir.filePath(QStringLiteral("audit.db")));
        QVERIFY(raw.exec(QStringLiteral(
            "INSERT INTO audit_records (request_id, ts, ts_ms, decision, finding_types, status, tokens_in, tokens_out, "
            "latency_ms, streamed, cost_amount) SELECT 'forged', ts, ts_ms, decision, finding_types, status, tokens_in, "
            "tokens_out, latency_ms, streamed, cost_amount FROM audit_records WHERE id = 2")));
    }
    const ChainVerification v = verifyDir(dir.path());
    QVERIFY(!v.ok);
    QCOMPARE(chainProblemName(v.problem), QStringLiteral("unchained"));
    QCOMPARE(v.firstBadRequestId, QStringLiteral("forged"));
}

void tst_AuditChain::chainSurvivesReopen()
{
    QTemporaryDir dir;
    writeRecords(dir.path(), 3);
    {
        auto store = openStore(dir.path());
        QVERIFY(store);
        for (int i = 4; i <= 6; ++i)
            QVERIFY(store->append(makeRecord(QStringLiteral("r%1").arg(i), i)));
        QVERIFY(store->flush().ok());
        auto records = store->query({});
        QVERIFY(records.ok());
        QCOMPARE(records.value().size(), 6);
        QCOMPARE(records.value().at(3).prevHash, records.value().at(2).hash);
    }
    const ChainVerification v = verifyDir(dir.path());
    QVERIFY2(v.ok, qPrintable(v.detail));
    QCOMPARE(v.recordsChecked, qint64(6));
}

void tst_AuditChain::versionOneFileIsMigratedAndChained()
{
    QTemporaryDir dir;
    {
        // The v1 schema exactly as SqliteAuditStore 1 created it, with three records.
        RawConnection raw(dir.filePath(QStringLiteral("audit.db")));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (1)")));
        QVERIFY(raw.exec(QStringLiteral(
            "CREATE TABLE audit_records (id INTEGER PRIMARY KEY, request_id TEXT NOT NULL, ts TEXT NOT NULL, "
            "ts_ms INTEGER NOT NULL, caller TEXT, team TEXT, endpoint_path TEXT, model_requested TEXT, "
            "model_served TEXT, tier TEXT, endpoint_id TEXT, decision TEXT NOT NULL, reason TEXT, sensitivity TEXT, "
            "finding_types TEXT NOT NULL, policy_version TEXT, status INTEGER NOT NULL, tokens_in INTEGER NOT NULL, "
            "tokens_out INTEGER NOT NULL, latency_ms INTEGER NOT NULL, upstream_ms INTEGER, ttft_ms INTEGER, "
            "streamed INTEGER NOT NULL, cost_amount REAL NOT NULL, cost_currency TEXT, cost_basis TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("CREATE UNIQUE INDEX audit_records_request_id ON audit_records (request_id)")));
        const qint64 ms = kBase.toMSecsSinceEpoch();
        // Inserted out of time order on purpose: the chain follows commit (id) order.
        const QList<std::pair<QString, qint64>> rows = {{QStringLiteral("old-b"), ms + 2000},
                                                        {QStringLiteral("old-a"), ms + 1000},
                                                        {QStringLiteral("old-c"), ms + 3000}};
        for (const auto &[id, t] : rows) {
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO audit_records (request_id, ts, ts_ms, caller, decision, finding_types, status, tokens_in, "
                "tokens_out, latency_ms, streamed, cost_amount, cost_currency) VALUES ('%1', '%2', %3, 'bob', 'routed', "
                "'{\"EMAIL_ADDRESS\":1}', 200, 5, 6, 7, 0, 0.25, 'USD')")
                                 .arg(id, formatAuditTimestamp(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)))
                                 .arg(t)));
        }
    }
    {
        auto store = openStore(dir.path());
        QVERIFY(store);
        QVERIFY(store->append(makeRecord(QStringLiteral("new"), 5000)));
        QVERIFY(store->flush().ok());
        auto v = store->verify();
        QVERIFY(v.ok());
        QVERIFY2(v.value().ok, qPrintable(v.value().detail));
        QCOMPARE(v.value().recordsChecked, qint64(4));
    }
    RawConnection raw(dir.filePath(QStringLiteral("audit.db")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT version FROM schema_version")).toInt(), SqliteAuditStore::kSchemaVersion);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT prev_hash FROM audit_records WHERE request_id = 'old-b'")).toString(),
             QString::fromLatin1(AuditChain::genesisHash()));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT prev_hash FROM audit_records WHERE request_id = 'old-a'")),
             raw.scalar(QStringLiteral("SELECT hash FROM audit_records WHERE request_id = 'old-b'")));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT record_count FROM audit_chain_head")).toInt(), 4);
}

void tst_AuditChain::concurrentStoresKeepOneChain()
{
    // Two stores on one file stand for two processes (each has its own writer connection).
    QTemporaryDir dir;
    auto first = openStore(dir.path());
    auto second = openStore(dir.path());
    QVERIFY(first && second);
    const int perWriter = 3000;
    auto producer = [](SqliteAuditStore *store, const QString &prefix, int count) {
        for (int i = 0; i < count; ++i) {
            while (!store->append(makeRecord(QStringLiteral("%1-%2").arg(prefix).arg(i), i)))
                std::this_thread::yield();
        }
    };
    std::thread a(producer, first.get(), QStringLiteral("a"), perWriter);
    std::thread b(producer, second.get(), QStringLiteral("b"), perWriter);
    a.join();
    b.join();
    QVERIFY(first->flush().ok());
    QVERIFY(second->flush().ok());
    auto v = first->verify();
    QVERIFY(v.ok());
    QVERIFY2(v.value().ok, qPrintable(v.value().detail));
    QCOMPARE(v.value().recordsChecked, qint64(2 * perWriter));
    QCOMPARE(second->verify().value().headHash, v.value().headHash);
    // Both writers really interleaved batches; otherwise this test would prove nothing.
    auto records = first->query({});
    QVERIFY(records.ok());
    int switches = 0;
    for (qsizetype i = 1; i < records.value().size(); ++i) {
        if (records.value().at(i).requestId.at(0) != records.value().at(i - 1).requestId.at(0))
            ++switches;
    }
    QVERIFY2(switches >= 1, "the two writers never alternated");
}

void tst_AuditChain::verifyWhileWriting()
{
    QTemporaryDir dir;
    auto store = openStore(dir.path());
    QVERIFY(store);
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        int i = 0;
        while (!stop.load()) {
            store->append(makeRecord(QStringLiteral("w%1").arg(i), i));
            ++i;
            if (i % 200 == 0)
                store->flush();
        }
    });
    auto reader = openStore(dir.path());
    QVERIFY(reader);
    for (int round = 0; round < 20; ++round) {
        auto v = reader->verify();
        QVERIFY(v.ok());
        QVERIFY2(v.value().ok, qPrintable(v.value().detail));
    }
    stop = true;
    writer.join();
    QVERIFY(store->flush().ok());
    QVERIFY(store->verify().value().ok);
}

QTEST_GUILESS_MAIN(tst_AuditChain)
#include "tst_auditchain.moc"
