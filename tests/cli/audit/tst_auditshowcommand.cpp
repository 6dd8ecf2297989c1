// SPDX-License-Identifier: Apache-2.0
#include "cli/AuditCommand.h"
#include "observe/SqliteAuditStore.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace perimeter;
using namespace perimeter::cli;

namespace {
struct Run {
    int rc = -1;
    QString out;
    QString err;
};

Run run(observe::AuditStore &store, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = AuditCommand::run(store, args, out, err);
    return r;
}

const char *kTrace = "{\"trace_version\":1,\"request_id\":\"req_a\",\"policy_version\":\"p-7\",\"model\":\"m\","
                     "\"level\":{\"classified\":true,\"value\":\"confidential\",\"from_findings\":\"confidential\","
                     "\"why\":\"findings of type IBAN\",\"caller_label\":null,\"failed_closed\":false,"
                     "\"findings\":[{\"type\":\"IBAN\",\"count\":2,\"max_score\":1.0,\"level\":\"confidential\",\"sets_level\":true}]},"
                     "\"rules\":[\"levels.confidential: confidential data may go to onprem\"],\"permitted_tiers\":[\"onprem\"],"
                     "\"candidates\":[{\"endpoint\":\"gpu\",\"tier\":\"onprem\",\"kept\":true,\"why\":\"candidate\",\"attempt\":1,"
                     "\"in_flight\":1,\"capacity\":4,\"utilization\":0.25,\"latency_ms\":null,\"upstream_waiting\":3},"
                     "{\"endpoint\":\"saas\",\"tier\":\"cloud\",\"kept\":false,\"why\":\"tier cloud not permitted for confidential data\",\"attempt\":1}],"
                     "\"choice\":{\"endpoint\":\"gpu\",\"tier\":\"onprem\",\"reason\":\"least utilised\"},\"steps\":[\"gpu (onprem): candidate\"],"
                     "\"queue\":{\"outcome\":\"dispatched\",\"waited_ms\":120},"
                     "\"outcome\":{\"decision\":\"routed\",\"reason\":\"ok\",\"status\":200,\"attempts\":1},"
                     "\"shadow\":{\"policy_version\":\"next\",\"level\":\"confidential\",\"permitted_tiers\":[],\"tiers_from\":\"levels\","
                     "\"decision\":\"rejected\",\"reason\":\"residency_violation\",\"agrees\":false,\"differences\":[\"tiers\",\"decision\",\"reason\"]}}";
} // namespace

class AuditShowCommandTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<observe::SqliteAuditStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = observe::SqliteAuditStore::open(m_dir.path(), 64);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        m_store = std::move(opened).value();
        observe::AuditRecord withTrace;
        withTrace.requestId = QStringLiteral("req_a");
        withTrace.caller = QStringLiteral("alice");
        withTrace.team = QStringLiteral("risk");
        withTrace.modelRequested = QStringLiteral("m");
        withTrace.decision = QStringLiteral("routed");
        withTrace.reason = QStringLiteral("ok");
        withTrace.tier = QStringLiteral("onprem");
        withTrace.endpointId = QStringLiteral("gpu");
        withTrace.sensitivity = QStringLiteral("confidential");
        withTrace.findingTypes = {{QStringLiteral("IBAN"), 2}};
        withTrace.policyVersion = QStringLiteral("p-7");
        withTrace.status = 200;
        withTrace.decisionTrace = kTrace;
        observe::AuditRecord without = withTrace;
        without.requestId = QStringLiteral("req_old");
        without.decisionTrace.clear();
        QVERIFY(m_store->append(withTrace));
        QVERIFY(m_store->append(without));
        QVERIFY(m_store->flush().ok());
    }

    void storesTheTraceBesideTheRecord()
    {
        auto trace = m_store->decisionTrace(QStringLiteral("req_a"));
        QVERIFY(trace.ok());
        QVERIFY(trace.value().has_value());
        QCOMPARE(QJsonDocument::fromJson(*trace.value()).object(), QJsonDocument::fromJson(kTrace).object());
        QVERIFY(!m_store->decisionTrace(QStringLiteral("req_old")).value().has_value());
        QVERIFY(!m_store->decisionTrace(QStringLiteral("req_missing")).value().has_value());
        // The trace table is beside the chain, not in it: the trail still verifies.
        QVERIFY(m_store->verify().value().ok);
    }

    void tableNamesEveryPart()
    {
        const auto r = run(*m_store, {QStringLiteral("show"), QStringLiteral("req_a")});
        QCOMPARE(r.rc, 0);
        for (const char *expected : {"request       req_a", "alice (team risk)", "Decision trace (policy p-7)", "confidential: findings of type IBAN",
                                     "IBAN x2, best score 1.00", "levels.confidential", "#1 gpu (onprem) kept", "endpoint queue 3",
                                     "#1 saas (cloud) dropped: tier cloud not permitted", "choice      gpu (onprem): least utilised",
                                     "queue       dispatched after 120 ms", "routed (ok), HTTP 200, 1 attempt(s)", "DIFFERS in tiers, decision, reason"})
            QVERIFY2(r.out.contains(QLatin1String(expected)), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(QLatin1String(expected), r.out)));
    }

    void jsonCarriesRecordAndTrace()
    {
        const auto r = run(*m_store, {QStringLiteral("show"), QStringLiteral("req_a"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.rc, 0);
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8());
        const auto o = doc.isArray() ? doc.array().first().toObject() : doc.object();
        QCOMPARE(o[QStringLiteral("record")][QStringLiteral("request_id")].toString(), QStringLiteral("req_a"));
        QCOMPARE(o[QStringLiteral("decision_trace")][QStringLiteral("choice")][QStringLiteral("endpoint")].toString(), QStringLiteral("gpu"));
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("rc");
        QTest::addColumn<QString>("message");
        QTest::newRow("no id") << QStringList{QStringLiteral("show")} << 2 << "REQUEST_ID is required";
        QTest::newRow("two ids") << QStringList{QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")} << 2 << "exactly one";
        QTest::newRow("bad format") << QStringList{QStringLiteral("show"), QStringLiteral("req_a"), QStringLiteral("--format"), QStringLiteral("xml")} << 2 << "--format";
        QTest::newRow("unknown request") << QStringList{QStringLiteral("show"), QStringLiteral("req_missing")} << 1 << "no audit record for request req_missing";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, rc);
        QFETCH(QString, message);
        const auto r = run(*m_store, args);
        QCOMPARE(r.rc, rc);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void recordWithoutTraceSaysSo()
    {
        const auto r = run(*m_store, {QStringLiteral("show"), QStringLiteral("req_old")});
        QCOMPARE(r.rc, 0);
        QVERIFY(r.out.contains(QStringLiteral("No decision trace is stored")));
    }
};

QTEST_GUILESS_MAIN(AuditShowCommandTest)
#include "tst_auditshowcommand.moc"
