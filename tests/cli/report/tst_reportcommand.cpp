// SPDX-License-Identifier: Apache-2.0
#include "cli/ReportCommand.h"
#include "observe/SqliteAuditStore.h"
#include "report/AuditAnalytics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace perimeter;
using namespace perimeter::observe;
using perimeter::cli::ReportCommand;

namespace {

struct Run {
    int rc = -1;
    QString out;
    QString err;
};

Run runReport(AuditStore &store, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = ReportCommand::run(store, args, out, err);
    out.flush();
    err.flush();
    return r;
}

const QDateTime kDay = QDateTime(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

AuditRecord rec(const QString &id, int hour, const QString &team, const QString &caller, const QString &model,
                const QString &tier, const QString &sensitivity, double cost, std::optional<double> counterfactual)
{
    AuditRecord r;
    r.requestId = id;
    r.ts = kDay.addSecs(hour * 3600);
    r.caller = caller;
    r.team = team;
    r.modelRequested = model;
    r.modelServed = tier.isEmpty() ? QString() : model;
    r.tier = tier;
    r.endpointId = tier == QLatin1String("cloud") ? QStringLiteral("openai") : tier.isEmpty() ? QString() : QStringLiteral("gpu-1");
    r.decision = tier.isEmpty() ? QStringLiteral("rejected") : QStringLiteral("routed");
    r.reason = tier.isEmpty() ? QStringLiteral("residency_violation") : QStringLiteral("ok");
    r.sensitivity = sensitivity;
    r.status = tier.isEmpty() ? 403 : 200;
    r.tokensIn = tier.isEmpty() ? 0 : 1000;
    r.tokensOut = tier.isEmpty() ? 0 : 500;
    r.costAmount = cost;
    r.costBasis = tier == QLatin1String("cloud") ? QStringLiteral("list_price") : tier.isEmpty() ? QString() : QStringLiteral("blended_rate");
    r.costCounterfactual = counterfactual;
    return r;
}

QJsonArray jsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QJsonObject rowFor(const QJsonArray &rows, const QString &column, const QString &key)
{
    for (const QJsonValue &v : rows) {
        if (v.toObject().value(column).toString() == key)
            return v.toObject();
    }
    return {};
}

class BrokenAnalytics final : public perimeter::report::AuditAnalytics {
public:
    using Filter = perimeter::report::AuditFilter;
    Result<perimeter::report::TimeSeries> series(const Filter &, qint64) const override { return failure(); }
    Result<QList<perimeter::report::BreakdownRow>> breakdown(const Filter &, perimeter::report::Dimension) const override { return failure(); }
    Result<QList<perimeter::report::ReasonCount>> topRejections(const Filter &, int) const override { return failure(); }
    Result<perimeter::report::AuditStats> totals(const Filter &) const override { return failure(); }
    Result<qint64> count(const Filter &) const override { return failure(); }
    Status forEachRecord(const Filter &, const std::function<bool(const AuditRecord &)> &) const override { return failure(); }

private:
    static Error failure() { return Error{QStringLiteral("audit_store_error"), QStringLiteral("unable to open database file")}; }
};

class BrokenStore final : public AuditStore {
public:
    bool append(AuditRecord) override { return false; }
    Status flush() override { return Ok{}; }
    Result<QList<AuditRecord>> query(const AuditQuery &) const override { return failure(); }
    Result<ChainVerification> verify() const override { return failure(); }
    Result<QList<AuditAggregateRow>> aggregate(const AuditAggregateQuery &) const override { return failure(); }

private:
    static Error failure() { return Error{QStringLiteral("audit_store_error"), QStringLiteral("unable to open database file")}; }
};

} // namespace

class tst_ReportCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void costByTeam();
    void costBy_data();
    void costBy();
    void costTableHasTotals();
    void costPeriod();
    void auditSummaryJson();
    void auditAnswersNoForACleanPeriod();
    void auditCsv();
    void auditWithRecords();
    void auditReportsABrokenChain();
    void auditFilters_data();
    void auditFilters();
    void auditCsvWithRecords();
    void auditToFile();
    void auditToUnwritableFile();
    void auditWithoutAnalytics();
    void badUsage_data();
    void badUsage();
    void storeFailureIsExit1_data();
    void storeFailureIsExit1();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteAuditStore> m_store;
};

void tst_ReportCommand::initTestCase()
{
    auto store = SqliteAuditStore::open(m_dir.path(), 64);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    const QList<AuditRecord> records = {
        rec(QStringLiteral("r1"), 0, QStringLiteral("risk"), QStringLiteral("alice"), QStringLiteral("llama-70b"), QStringLiteral("onprem"),
            QStringLiteral("restricted"), 0.015, 0.00045),
        rec(QStringLiteral("r2"), 1, QStringLiteral("risk"), QStringLiteral("alice"), QStringLiteral("gpt-4o"), QStringLiteral("cloud"),
            QStringLiteral("internal"), 0.0075, 0.015),
        rec(QStringLiteral("r3"), 2, QStringLiteral("risk"), QStringLiteral("bob"), QStringLiteral("gpt-4o"), QString(),
            QStringLiteral("confidential"), 0.0, std::nullopt),
        rec(QStringLiteral("r4"), 3, QStringLiteral("ops"), QStringLiteral("carol"), QStringLiteral("gpt-4o"), QStringLiteral("cloud"),
            QStringLiteral("public"), 0.0075, std::nullopt),
        // The one that should never happen: confidential data served from the cloud.
        rec(QStringLiteral("r5"), 26, QStringLiteral("ops"), QStringLiteral("carol"), QStringLiteral("gpt-4o"), QStringLiteral("cloud"),
            QStringLiteral("confidential"), 0.0075, 0.015),
    };
    for (const auto &r : records)
        QVERIFY(m_store->append(r));
    QVERIFY(m_store->flush().ok());
}

void tst_ReportCommand::costByTeam()
{
    const Run r = runReport(*m_store, {QStringLiteral("cost"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonArray rows = jsonArray(r.out);
    QCOMPARE(rows.size(), 2);
    const QJsonObject risk = rowFor(rows, QStringLiteral("team"), QStringLiteral("risk"));
    QCOMPARE(risk.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    QCOMPARE(risk.value(QStringLiteral("requests")).toInt(), 3);
    QCOMPARE(risk.value(QStringLiteral("onprem_requests")).toInt(), 1);
    QCOMPARE(risk.value(QStringLiteral("cloud_requests")).toInt(), 1);
    QCOMPARE(risk.value(QStringLiteral("tokens_in")).toInt(), 2000);
    QCOMPARE(risk.value(QStringLiteral("cost")).toDouble(), 0.0225);
    QCOMPARE(risk.value(QStringLiteral("onprem_cost")).toDouble(), 0.015);
    QCOMPARE(risk.value(QStringLiteral("cloud_cost")).toDouble(), 0.0075);
    QCOMPARE(risk.value(QStringLiteral("counterfactual")).toDouble(), 0.01545);
    QCOMPARE(risk.value(QStringLiteral("counterfactual_requests")).toInt(), 2);
    // 0.01545 - (0.015 + 0.0075): on-prem cost more than the cloud would have here.
    QCOMPARE(risk.value(QStringLiteral("difference")).toDouble(), -0.00705);
    const QJsonObject ops = rowFor(rows, QStringLiteral("team"), QStringLiteral("ops"));
    // Only r5 has a counterfactual: the difference compares like with like.
    QCOMPARE(ops.value(QStringLiteral("counterfactual_requests")).toInt(), 1);
    QCOMPARE(ops.value(QStringLiteral("difference")).toDouble(), 0.0075);
}

void tst_ReportCommand::costBy_data()
{
    QTest::addColumn<QString>("by");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("requests");
    QTest::addColumn<double>("cost");
    QTest::newRow("caller") << "caller" << "carol" << 2 << 0.015;
    QTest::newRow("model") << "model" << "gpt-4o" << 4 << 0.0225;
    QTest::newRow("tier") << "tier" << "cloud" << 3 << 0.0225;
    QTest::newRow("endpoint") << "endpoint" << "gpu-1" << 1 << 0.015;
}

void tst_ReportCommand::costBy()
{
    QFETCH(QString, by);
    QFETCH(QString, key);
    QFETCH(int, requests);
    QFETCH(double, cost);
    const Run r = runReport(*m_store, {QStringLiteral("cost"), QStringLiteral("--by"), by, QStringLiteral("--format=jsonl")});
    QCOMPARE(r.rc, 0);
    QJsonObject row;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        if (o.value(by).toString() == key)
            row = o;
    }
    QCOMPARE(row.value(QStringLiteral("requests")).toInt(), requests);
    QCOMPARE(row.value(QStringLiteral("cost")).toDouble(), cost);
}

void tst_ReportCommand::costTableHasTotals()
{
    const Run r = runReport(*m_store, {QStringLiteral("cost"), QStringLiteral("--by=tier")});
    QCOMPARE(r.rc, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QLatin1String("TIER")));
    QVERIFY(lines.first().contains(QLatin1String("COUNTERFACTUAL")));
    QVERIFY2(lines.last().startsWith(QLatin1String("TOTAL")), qPrintable(r.out));
    QVERIFY(lines.last().contains(QLatin1String(" 5 ")));
    QVERIFY(lines.last().contains(QLatin1String("0.0375")));
}

void tst_ReportCommand::costPeriod()
{
    const Run r = runReport(*m_store, {QStringLiteral("cost"), QStringLiteral("--from"), QStringLiteral("2026-11-25"),
                                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.rc, 0);
    const QJsonArray rows = jsonArray(r.out);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("team")).toString(), QStringLiteral("ops"));
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("requests")).toInt(), 1);
}

void tst_ReportCommand::auditSummaryJson()
{
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--from"), QStringLiteral("2026-11-24"),
                                       QStringLiteral("--to"), QStringLiteral("2026-11-25")});
    QCOMPARE(r.rc, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("period")).toObject().value(QStringLiteral("from")).toString(), QStringLiteral("2026-11-24T00:00:00.000Z"));
    QCOMPARE(o.value(QStringLiteral("period")).toObject().value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-26T00:00:00.000Z"));
    const QJsonObject requests = o.value(QStringLiteral("requests")).toObject();
    QCOMPARE(requests.value(QStringLiteral("total")).toInt(), 5);
    const QJsonObject byTier = requests.value(QStringLiteral("by_tier_and_level")).toObject();
    QCOMPARE(byTier.value(QStringLiteral("onprem")).toObject().value(QStringLiteral("restricted")).toInt(), 1);
    QCOMPARE(byTier.value(QStringLiteral("cloud")).toObject().value(QStringLiteral("confidential")).toInt(), 1);
    QCOMPARE(byTier.value(QStringLiteral("cloud")).toObject().value(QStringLiteral("public")).toInt(), 1);
    QCOMPARE(byTier.value(QStringLiteral("none")).toObject().value(QStringLiteral("confidential")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("rejections_by_reason")).toObject().value(QStringLiteral("residency_violation")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("cost")).toObject().value(QStringLiteral("USD")).toObject().value(QStringLiteral("total")).toDouble(), 0.0375);
    const QJsonObject chain = o.value(QStringLiteral("chain")).toObject();
    QCOMPARE(chain.value(QStringLiteral("verified")).toBool(), true);
    QCOMPARE(chain.value(QStringLiteral("head_hash")).toString().size(), 64);
    const QJsonObject residency = o.value(QStringLiteral("residency")).toObject();
    QCOMPARE(residency.value(QStringLiteral("answer")).toString(), QStringLiteral("yes"));
    QCOMPARE(residency.value(QStringLiteral("evidence_request_ids")).toArray(), QJsonArray{QStringLiteral("r5")});
    QVERIFY(!o.contains(QStringLiteral("records")));
}

void tst_ReportCommand::auditAnswersNoForACleanPeriod()
{
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--to"), QStringLiteral("2026-11-24")});
    QCOMPARE(r.rc, 0);
    const QJsonObject residency = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("residency")).toObject();
    QCOMPARE(residency.value(QStringLiteral("answer")).toString(), QStringLiteral("no"));
    QVERIFY(residency.value(QStringLiteral("evidence_request_ids")).toArray().isEmpty());
}

void tst_ReportCommand::auditCsv()
{
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--format"), QStringLiteral("csv")});
    QCOMPARE(r.rc, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QStringLiteral("section,item,value"));
    QVERIFY(lines.contains(QStringLiteral("requests,total,5")));
    QVERIFY(lines.contains(QStringLiteral("requests_by_tier_level,cloud/confidential,1")));
    QVERIFY(lines.contains(QStringLiteral("rejections,residency_violation,1")));
    QVERIFY(lines.contains(QStringLiteral("cost,USD/total,0.037500")));
    QVERIFY(lines.contains(QStringLiteral("chain,verified,true")));
    QVERIFY(lines.contains(QStringLiteral("residency,confidential_or_restricted_to_cloud,yes")));
    QVERIFY(lines.contains(QStringLiteral("residency_evidence,request_id,r5")));
    for (const QString &line : lines)
        QCOMPARE(line.count(QLatin1Char(',')), 2);
}

void tst_ReportCommand::auditWithRecords()
{
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--records"), QStringLiteral("--to=2026-11-24")});
    QCOMPARE(r.rc, 0);
    const QJsonArray records = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("records")).toArray();
    QCOMPARE(records.size(), 4);
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("request_id")).toString(), QStringLiteral("r1"));
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("hash")).toString().size(), 64);
}

void tst_ReportCommand::auditReportsABrokenChain()
{
    QTemporaryDir dir;
    auto opened = SqliteAuditStore::open(dir.path(), 16);
    QVERIFY(opened.ok());
    auto store = std::move(opened).value();
    for (int i = 0; i < 3; ++i)
        QVERIFY(store->append(rec(QStringLiteral("t%1").arg(i), i, QStringLiteral("risk"), QStringLiteral("alice"),
                                  QStringLiteral("gpt-4o"), QStringLiteral("cloud"), QStringLiteral("confidential"), 0.01, std::nullopt)));
    QVERIFY(store->flush().ok());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(store->databasePath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        // Hiding a leak after the fact: the chain notices.
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_records SET sensitivity = 'public' WHERE request_id = 't1'")));
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_records SET cost_amount = 0 WHERE request_id = 't2'")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    const Run r = runReport(*store, {QStringLiteral("audit")});
    QCOMPARE(r.rc, 0);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonObject chain = report.value(QStringLiteral("chain")).toObject();
    QCOMPARE(chain.value(QStringLiteral("verified")).toBool(true), false);
    QCOMPARE(chain.value(QStringLiteral("problem")).toString(), QStringLiteral("altered"));
    QCOMPARE(chain.value(QStringLiteral("first_bad_request_id")).toString(), QStringLiteral("t1"));
    // The doctored record no longer counts as evidence, which is why the chain result sits
    // in the same report.
    QCOMPARE(report.value(QStringLiteral("residency")).toObject().value(QStringLiteral("evidence_request_ids")).toArray(),
             (QJsonArray{QStringLiteral("t0"), QStringLiteral("t2")}));
}

void tst_ReportCommand::auditFilters_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("description");
    QTest::newRow("team") << QStringList{QStringLiteral("--team=ops")} << 2 << "yes" << "team = ops";
    QTest::newRow("team and tier") << QStringList{QStringLiteral("--team"), QStringLiteral("risk"), QStringLiteral("--tier=onprem,none")}
                                   << 2 << "no" << "tier = onprem or (none); team = risk";
    QTest::newRow("repeated caller") << QStringList{QStringLiteral("--caller=alice"), QStringLiteral("--caller=bob")} << 3 << "no"
                                     << "caller = alice or bob";
    QTest::newRow("level and decision") << QStringList{QStringLiteral("--sensitivity=confidential"), QStringLiteral("--decision=routed")}
                                        << 1 << "yes" << "sensitivity = confidential; decision = routed";
    QTest::newRow("model endpoint reason") << QStringList{QStringLiteral("--model=gpt-4o"), QStringLiteral("--endpoint=openai"),
                                                          QStringLiteral("--reason=ok")} << 3 << "yes" << "model = gpt-4o; endpoint = openai; reason = ok";
}

void tst_ReportCommand::auditFilters()
{
    QFETCH(QStringList, args);
    QFETCH(int, total);
    QFETCH(QString, answer);
    QFETCH(QString, description);
    const Run r = runReport(*m_store, QStringList{QStringLiteral("audit")} + args);
    QCOMPARE(r.rc, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("requests")).toObject().value(QStringLiteral("total")).toInt(), total);
    QCOMPARE(o.value(QStringLiteral("residency")).toObject().value(QStringLiteral("answer")).toString(), answer);
    // The chain still covers the whole trail, whatever the filter.
    QCOMPARE(o.value(QStringLiteral("chain")).toObject().value(QStringLiteral("records_checked")).toInt(), 5);
    const Run csv = runReport(*m_store, QStringList{QStringLiteral("audit"), QStringLiteral("--format=csv")} + args);
    QVERIFY2(csv.out.contains(QStringLiteral("filter,records,") + description), qPrintable(csv.out));
}

void tst_ReportCommand::auditCsvWithRecords()
{
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--format=csv"), QStringLiteral("--records"),
                                       QStringLiteral("--to=2026-11-24")});
    QCOMPARE(r.rc, 0);
    const QStringList parts = r.out.split(QStringLiteral("\n\n"));
    QCOMPARE(parts.size(), 2);
    const QStringList rows = parts.at(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(rows.size(), 5); // header + r1..r4
    QVERIFY(rows.at(0).startsWith(QLatin1String("request_id,ts,caller,team,")));
    QVERIFY(rows.at(1).startsWith(QLatin1String("r1,")));
    QVERIFY(rows.at(4).startsWith(QLatin1String("r4,")));
}

void tst_ReportCommand::auditToFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.json"));
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--out"), path, QStringLiteral("--records")});
    QCOMPARE(r.rc, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("Yes: 1 confidential or restricted request(s) went to the cloud: r5.")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("report written to ") + path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(o.value(QStringLiteral("records")).toArray().size(), 5);
    QCOMPARE(o.value(QStringLiteral("residency")).toObject().value(QStringLiteral("evidence_request_ids")).toArray(),
             QJsonArray{QStringLiteral("r5")});
}

void tst_ReportCommand::auditToUnwritableFile()
{
    const Run r = runReport(*m_store, {QStringLiteral("audit"), QStringLiteral("--out=/nonexistent-dir/audit.json")});
    QCOMPARE(r.rc, 1);
    QVERIFY2(r.err.contains(QLatin1String("cannot write /nonexistent-dir/audit.json")), qPrintable(r.err));
}

void tst_ReportCommand::auditWithoutAnalytics()
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = ReportCommand::audit(*m_store, nullptr, QStringLiteral("no queries here"), {}, out, err);
    err.flush();
    QCOMPARE(r.rc, 1);
    QVERIFY(r.err.contains(QLatin1String("no queries here")));
}

void tst_ReportCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no subcommand") << QStringList{} << "usage: perimeterctl report SUBCOMMAND";
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("budget")} << "unknown subcommand 'budget'";
    QTest::newRow("bad group") << QStringList{QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("planet")} << "--by must be";
    QTest::newRow("bad format") << QStringList{QStringLiteral("cost"), QStringLiteral("--format=xml")} << "--format must be one of";
    QTest::newRow("bad date") << QStringList{QStringLiteral("cost"), QStringLiteral("--from"), QStringLiteral("yesterday")} << "--from: expected";
    QTest::newRow("inverted period") << QStringList{QStringLiteral("cost"), QStringLiteral("--from=2026-11-25"), QStringLiteral("--to=2026-11-24")}
                                     << "--from must be earlier";
    QTest::newRow("twice") << QStringList{QStringLiteral("cost"), QStringLiteral("--by=team"), QStringLiteral("--by=caller")} << "--by given more than once";
    QTest::newRow("audit pdf to a terminal") << QStringList{QStringLiteral("audit"), QStringLiteral("--format=pdf")}
                                             << "--format pdf needs --out FILE";
    QTest::newRow("audit pdf in a headless build") << QStringList{QStringLiteral("audit"), QStringLiteral("--format=pdf"), QStringLiteral("--out=x.pdf")}
                                                   << "PDF reports are not available in this build";
    QTest::newRow("audit table") << QStringList{QStringLiteral("audit"), QStringLiteral("--format=table")} << "--format must be json, csv or pdf";
    QTest::newRow("bad filter values") << QStringList{QStringLiteral("audit"), QStringLiteral("--tier=mars"), QStringLiteral("--sensitivity"),
                                                      QStringLiteral("public,secret"), QStringLiteral("--decision=maybe")}
                                       << "--tier 'mars': must be onprem, cloud, none\n--sensitivity 'secret': must be public, internal, "
                                          "confidential, restricted, none\n--decision 'maybe': must be routed, rejected, failed";
    QTest::newRow("empty out") << QStringList{QStringLiteral("audit"), QStringLiteral("--out=")} << "--out needs a file name";
    QTest::newRow("positional") << QStringList{QStringLiteral("audit"), QStringLiteral("now")} << "unexpected argument 'now'";
}

void tst_ReportCommand::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runReport(*m_store, args);
    QCOMPARE(r.rc, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_ReportCommand::storeFailureIsExit1_data()
{
    QTest::addColumn<QString>("subcommand");
    QTest::newRow("cost") << "cost";
    QTest::newRow("audit") << "audit";
}

void tst_ReportCommand::storeFailureIsExit1()
{
    QFETCH(QString, subcommand);
    BrokenStore store;
    BrokenAnalytics analytics;
    Run r;
    if (subcommand == QLatin1String("audit")) {
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        r.rc = ReportCommand::audit(store, &analytics, QString(), {}, out, err);
    } else {
        r = runReport(store, {subcommand});
    }
    QCOMPARE(r.rc, 1);
    QVERIFY(r.err.contains(QLatin1String("unable to open database file")));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_ReportCommand)
#include "tst_reportcommand.moc"
