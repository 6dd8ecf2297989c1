// SPDX-License-Identifier: Apache-2.0
#include "cli/AuditCommand.h"
#include "observe/AuditRecordJson.h"
#include "observe/SqliteAuditStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace perimeter;
using namespace perimeter::observe;
using perimeter::cli::AuditCommand;

namespace {

struct Run {
    int rc = -1;
    QString out;
    QString err;
};

Run runAudit(AuditStore &store, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = AuditCommand::run(store, args, out, err);
    out.flush();
    err.flush();
    return r;
}

AuditRecord record(const QString &id, const QDateTime &ts, const QString &caller, const QString &tier,
                   const QString &decision)
{
    AuditRecord r;
    r.requestId = id;
    r.ts = ts;
    r.caller = caller;
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("llama-70b");
    r.modelServed = tier.isEmpty() ? QString() : QStringLiteral("llama-70b");
    r.tier = tier;
    r.endpointId = tier == QLatin1String("cloud") ? QStringLiteral("openai") : QStringLiteral("gpu-1");
    r.decision = decision;
    r.reason = decision == QLatin1String("routed") ? QStringLiteral("ok") : QStringLiteral("residency_violation");
    r.sensitivity = QStringLiteral("confidential");
    r.findingTypes = {{QStringLiteral("CREDIT_CARD"), 1}};
    r.status = decision == QLatin1String("routed") ? 200 : 403;
    r.latencyMs = 12;
    return r;
}

// Exercises the CLI's runtime-failure path without a broken database.
class FailingStore final : public AuditStore {
public:
    bool append(AuditRecord) override { return false; }
    Status flush() override { return Ok{}; }
    Result<QList<AuditRecord>> query(const AuditQuery &) const override
    {
        return Error{QStringLiteral("audit_store_error"), QStringLiteral("disk on fire")};
    }
    Result<ChainVerification> verify() const override
    {
        return Error{QStringLiteral("audit_store_error"), QStringLiteral("disk on fire")};
    }
    Result<QList<AuditAggregateRow>> aggregate(const AuditAggregateQuery &) const override
    {
        return Error{QStringLiteral("audit_store_error"), QStringLiteral("disk on fire")};
    }
};

QStringList requestIdsFromJsonl(const QString &text)
{
    QStringList ids;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        ids << QJsonDocument::fromJson(line.toUtf8()).object().value(QStringLiteral("request_id")).toString();
    return ids;
}

} // namespace

class tst_AuditCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tableIsDefaultAndOldestFirst();
    void jsonArrayHasEveryField();
    void jsonlOneObjectPerLine();
    void filters_data();
    void filters();
    void emptyResult_data();
    void emptyResult();
    void badUsage_data();
    void badUsage();
    void help_data();
    void help();
    void storeFailureIsExit1();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteAuditStore> m_store;
};

void tst_AuditCommand::initTestCase()
{
    auto store = SqliteAuditStore::open(m_dir.path(), 64);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    const QDateTime day1(QDate(2026, 11, 23), QTime(23, 59, 59, 999), Qt::UTC);
    const QDateTime day2(QDate(2026, 11, 24), QTime(0, 0), Qt::UTC);
    // Appended out of order: the output must still be oldest first.
    QVERIFY(m_store->append(record(QStringLiteral("r3"), day2.addSecs(7200), QStringLiteral("bob"), QStringLiteral("cloud"), QStringLiteral("routed"))));
    QVERIFY(m_store->append(record(QStringLiteral("r1"), day1, QStringLiteral("alice"), QStringLiteral("onprem"), QStringLiteral("routed"))));
    QVERIFY(m_store->append(record(QStringLiteral("r2"), day2, QStringLiteral("alice"), QString(), QStringLiteral("rejected"))));
    AuditRecord last = record(QStringLiteral("r4"), day2.addDays(1), QStringLiteral("carol"), QStringLiteral("onprem"), QStringLiteral("failed"));
    last.upstreamMs = -1;
    last.findingTypes.clear();
    QVERIFY(m_store->append(last));
    QVERIFY(m_store->flush().ok());
}

void tst_AuditCommand::tableIsDefaultAndOldestFirst()
{
    const Run r = runAudit(*m_store, {QStringLiteral("list")});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.err.isEmpty());
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("TS ")));
    const qsizetype idColumn = lines.at(0).indexOf(QStringLiteral("REQUEST_ID"));
    QVERIFY(idColumn > 0);
    const QStringList expected{QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3"), QStringLiteral("r4")};
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(lines.at(i + 1).mid(idColumn, 2), expected.at(i));
        QVERIFY(lines.at(i + 1).startsWith(QStringLiteral("2026-11-2")));
    }
    QVERIFY(lines.at(1).contains(QStringLiteral("CREDIT_CARD:1")));
    QVERIFY(lines.at(2).contains(QStringLiteral("residency_violation")));
}

void tst_AuditCommand::jsonArrayHasEveryField()
{
    const Run r = runAudit(*m_store, {QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.rc, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 4);
    QStringList contract = auditFieldNames() + auditChainFieldNames();
    contract.sort();
    for (const QJsonValue &v : array) {
        QStringList keys = v.toObject().keys();
        keys.sort();
        QCOMPARE(keys, contract);
    }
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("request_id")).toString(), QStringLiteral("r1"));
    QCOMPARE(first.value(QStringLiteral("ts")).toString(), QStringLiteral("2026-11-23T23:59:59.999Z"));
    QCOMPARE(first.value(QStringLiteral("finding_types")).toObject().value(QStringLiteral("CREDIT_CARD")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("status")).toInt(), 200);
    QVERIFY(array.at(1).toObject().value(QStringLiteral("tier")).isNull());
    QVERIFY(array.at(3).toObject().value(QStringLiteral("upstream_ms")).isNull());
    // The JSON reads back into the same records.
    auto back = auditRecordFromJson(array.at(2).toObject());
    QVERIFY(back.ok());
    QCOMPARE(back.value().caller, QStringLiteral("bob"));
}

void tst_AuditCommand::jsonlOneObjectPerLine()
{
    const Run r = runAudit(*m_store, {QStringLiteral("list"), QStringLiteral("--format=jsonl")});
    QCOMPARE(r.rc, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    for (const QString &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().size(), auditFieldNames().size() + auditChainFieldNames().size());
    }
    QCOMPARE(requestIdsFromJsonl(r.out), (QStringList{QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3"), QStringLiteral("r4")}));
}

void tst_AuditCommand::filters_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("from date") << QStringList{s("--from"), s("2026-11-24")} << QStringList{s("r2"), s("r3"), s("r4")};
    QTest::newRow("to date includes the day") << QStringList{s("--to"), s("2026-11-24")} << QStringList{s("r1"), s("r2"), s("r3")};
    QTest::newRow("one day") << QStringList{s("--from"), s("2026-11-24"), s("--to"), s("2026-11-24")} << QStringList{s("r2"), s("r3")};
    QTest::newRow("to timestamp is exclusive") << QStringList{s("--to"), s("2026-11-24T00:00:00Z")} << QStringList{s("r1")};
    QTest::newRow("from timestamp with offset") << QStringList{s("--from"), s("2026-11-24T03:00:00+01:00")} << QStringList{s("r3"), s("r4")};
    QTest::newRow("caller") << QStringList{s("--caller"), s("alice")} << QStringList{s("r1"), s("r2")};
    QTest::newRow("tier") << QStringList{s("--tier"), s("cloud")} << QStringList{s("r3")};
    QTest::newRow("decision") << QStringList{s("--decision"), s("failed")} << QStringList{s("r4")};
    QTest::newRow("request id") << QStringList{s("--request-id"), s("r2")} << QStringList{s("r2")};
    QTest::newRow("limit") << QStringList{s("--limit"), s("2")} << QStringList{s("r1"), s("r2")};
    QTest::newRow("combined") << QStringList{s("--caller=alice"), s("--decision=routed"), s("--tier=onprem")} << QStringList{s("r1")};
}

void tst_AuditCommand::filters()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    const Run r = runAudit(*m_store, QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("jsonl")} + args);
    QVERIFY2(r.rc == 0, qPrintable(r.err));
    QCOMPARE(requestIdsFromJsonl(r.out), expected);
}

void tst_AuditCommand::emptyResult_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("table") << QStringLiteral("table") << QString();
    QTest::newRow("json") << QStringLiteral("json") << QStringLiteral("[\n]\n");
    QTest::newRow("jsonl") << QStringLiteral("jsonl") << QString();
}

void tst_AuditCommand::emptyResult()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const Run r = runAudit(*m_store, {QStringLiteral("list"), QStringLiteral("--caller"), QStringLiteral("nobody"),
                                      QStringLiteral("--format"), format});
    QCOMPARE(r.rc, 0);
    if (format == QLatin1String("table"))
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1); // header only
    else
        QCOMPARE(r.out, expected);
}

void tst_AuditCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("no subcommand") << QStringList{};
    QTest::newRow("unknown subcommand") << QStringList{s("purge")};
    QTest::newRow("unknown option") << QStringList{s("list"), s("--bogus")};
    QTest::newRow("positional argument") << QStringList{s("list"), s("alice")};
    QTest::newRow("bad tier") << QStringList{s("list"), s("--tier"), s("moon")};
    QTest::newRow("bad decision") << QStringList{s("list"), s("--decision"), s("maybe")};
    QTest::newRow("bad from") << QStringList{s("list"), s("--from"), s("yesterday")};
    QTest::newRow("timestamp without zone") << QStringList{s("list"), s("--from"), s("2026-11-24T05:00:00")};
    QTest::newRow("impossible date") << QStringList{s("list"), s("--to"), s("2026-02-30")};
    QTest::newRow("from after to") << QStringList{s("list"), s("--from"), s("2026-11-25"), s("--to"), s("2026-11-24")};
    QTest::newRow("negative limit") << QStringList{s("list"), s("--limit"), s("-1")};
    QTest::newRow("non-numeric limit") << QStringList{s("list"), s("--limit"), s("ten")};
    QTest::newRow("bad format") << QStringList{s("list"), s("--format"), s("xml")};
    QTest::newRow("missing value") << QStringList{s("list"), s("--caller")};
    QTest::newRow("repeated option") << QStringList{s("list"), s("--caller"), s("a"), s("--caller"), s("b")};
    QTest::newRow("empty caller") << QStringList{s("list"), s("--caller"), QString()};
}

void tst_AuditCommand::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = runAudit(*m_store, args);
    QCOMPARE(r.rc, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains(QStringLiteral("usage: perimeterctl audit")));
}

void tst_AuditCommand::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("audit --help") << QStringList{QStringLiteral("--help")};
    QTest::newRow("audit list --help") << QStringList{QStringLiteral("list"), QStringLiteral("--help")};
}

void tst_AuditCommand::help()
{
    QFETCH(QStringList, args);
    const Run r = runAudit(*m_store, args);
    QCOMPARE(r.rc, 0);
    QVERIFY(r.out.contains(QStringLiteral("usage: perimeterctl audit")));
    QVERIFY(r.err.isEmpty());
}

void tst_AuditCommand::storeFailureIsExit1()
{
    FailingStore store;
    const Run r = runAudit(store, {QStringLiteral("list")});
    QCOMPARE(r.rc, 1);
    QVERIFY(r.err.contains(QStringLiteral("disk on fire")));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AuditCommand)
#include "tst_auditcommand.moc"
