// SPDX-License-Identifier: Apache-2.0
#include "observe/AuditRecordJson.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace perimeter;
using namespace perimeter::observe;

class tst_AuditRecordJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseTimestamp_data();
    void parseTimestamp();
    void formatTimestamp();
    void fieldNamesMatchTheContract();
    void nullsAndSentinels();
    void roundTrip();
    void rejectsBadRecords_data();
    void rejectsBadRecords();
    void findingTypesJson();
};

void tst_AuditRecordJson::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime t(QDate(2026, 11, 24), QTime(5, 0, 0, 123), Qt::UTC);
    QTest::newRow("utc with ms") << QStringLiteral("2026-11-24T05:00:00.123Z") << true << t;
    QTest::newRow("lower-case t and z") << QStringLiteral("2026-11-24t05:00:00.123z") << true << t;
    QTest::newRow("offset") << QStringLiteral("2026-11-24T07:00:00.123+02:00") << true << t;
    QTest::newRow("negative offset") << QStringLiteral("2026-11-24T00:30:00.123-04:30") << true << t;
    QTest::newRow("microseconds truncated") << QStringLiteral("2026-11-24T05:00:00.123456Z") << true << t;
    QTest::newRow("no fraction") << QStringLiteral("2026-11-24T05:00:00Z") << true << t.addMSecs(-123);
    QTest::newRow("space separator") << QStringLiteral("2026-11-24 05:00:00.123Z") << true << t;
    QTest::newRow("no zone is ambiguous") << QStringLiteral("2026-11-24T05:00:00") << false << QDateTime();
    QTest::newRow("date only") << QStringLiteral("2026-11-24") << false << QDateTime();
    QTest::newRow("bad month") << QStringLiteral("2026-13-24T05:00:00Z") << false << QDateTime();
    QTest::newRow("garbage") << QStringLiteral("yesterday") << false << QDateTime();
    QTest::newRow("empty") << QString() << false << QDateTime();
}

void tst_AuditRecordJson::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QDateTime, expected);
    const auto parsed = parseAuditTimestamp(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(*parsed, expected);
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
    }
}

void tst_AuditRecordJson::formatTimestamp()
{
    QCOMPARE(formatAuditTimestamp(QDateTime(QDate(2026, 11, 24), QTime(5, 0, 0, 123), Qt::UTC)),
             QStringLiteral("2026-11-24T05:00:00.123Z"));
    QCOMPARE(formatAuditTimestamp(QDateTime(QDate(2026, 11, 24), QTime(7, 0, 0), QTimeZone(7200))),
             QStringLiteral("2026-11-24T05:00:00.000Z"));
}

void tst_AuditRecordJson::fieldNamesMatchTheContract()
{
    const QStringList contract = QStringLiteral(
        "request_id, ts, caller, team, endpoint_path, model_requested, model_served, tier, endpoint_id, "
        "decision, reason, sensitivity, finding_types, policy_version, status, tokens_in, tokens_out, "
        "latency_ms, upstream_ms, ttft_ms, streamed, cost_amount, cost_currency, cost_basis, cost_counterfactual")
        .split(QStringLiteral(", "));
    QCOMPARE(auditFieldNames(), contract);
    QCOMPARE(auditChainFieldNames(), (QStringList{QStringLiteral("prev_hash"), QStringLiteral("hash")}));
    AuditRecord r;
    r.requestId = QStringLiteral("x");
    r.ts = QDateTime::currentDateTimeUtc();
    QStringList keys = auditRecordToJson(r).keys();
    QStringList sortedContract = contract + auditChainFieldNames();
    keys.sort();
    sortedContract.sort();
    QCOMPARE(keys, sortedContract);
}

void tst_AuditRecordJson::nullsAndSentinels()
{
    AuditRecord r;
    r.requestId = QStringLiteral("req");
    r.ts = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    r.decision = QStringLiteral("rejected");
    const QJsonObject o = auditRecordToJson(r);
    QVERIFY(o.value(QStringLiteral("upstream_ms")).isNull());
    QVERIFY(o.value(QStringLiteral("ttft_ms")).isNull());
    QVERIFY(o.value(QStringLiteral("tier")).isNull());
    QVERIFY(o.value(QStringLiteral("caller")).isNull());
    QCOMPARE(o.value(QStringLiteral("cost_currency")).toString(), QStringLiteral("USD"));
    QCOMPARE(o.value(QStringLiteral("finding_types")).toObject(), QJsonObject());
    QCOMPARE(o.value(QStringLiteral("streamed")).toBool(true), false);
}

void tst_AuditRecordJson::roundTrip()
{
    AuditRecord r;
    r.requestId = QStringLiteral("req-1");
    r.ts = QDateTime(QDate(2026, 11, 24), QTime(5, 0, 0, 123), Qt::UTC);
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/embeddings");
    r.modelRequested = QStringLiteral("embed");
    r.modelServed = QStringLiteral("embed");
    r.tier = QStringLiteral("onprem");
    r.endpointId = QStringLiteral("gpu-1");
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("restricted");
    r.findingTypes = {{QStringLiteral("US_SSN"), 2}};
    r.policyVersion = QStringLiteral("v9");
    r.status = 200;
    r.tokensIn = 10;
    r.tokensOut = 0;
    r.latencyMs = 33;
    r.upstreamMs = 30;
    r.ttftMs = -1;
    r.costAmount = 1.5;
    r.costBasis = QStringLiteral("blended_rate");
    r.costCounterfactual = 4.25;
    r.prevHash = QString(64, QLatin1Char('0'));
    r.hash = QString(64, QLatin1Char('a'));
    auto back = auditRecordFromJson(auditRecordToJson(r));
    QVERIFY(back.ok());
    QCOMPARE(back.value().costCounterfactual, std::optional<double>(4.25));
    QCOMPARE(back.value().hash, r.hash);
    QCOMPARE(auditRecordToJson(back.value()), auditRecordToJson(r));
    QCOMPARE(back.value().ttftMs, qint64(-1));
    QCOMPARE(back.value().findingTypes, r.findingTypes);
}

void tst_AuditRecordJson::rejectsBadRecords_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("missing request id") << QStringLiteral("request_id") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("bad ts") << QStringLiteral("ts") << QJsonValue(QStringLiteral("now"));
    QTest::newRow("status as string") << QStringLiteral("status") << QJsonValue(QStringLiteral("200"));
    QTest::newRow("counterfactual as string") << QStringLiteral("cost_counterfactual") << QJsonValue(QStringLiteral("1.0"));
    QTest::newRow("fractional tokens") << QStringLiteral("tokens_in") << QJsonValue(1.5);
    QTest::newRow("finding count negative") << QStringLiteral("finding_types") << QJsonValue(QJsonObject{{QStringLiteral("X"), -1}});
    QTest::newRow("finding types array") << QStringLiteral("finding_types") << QJsonValue(QJsonArray{1});
    QTest::newRow("streamed as int") << QStringLiteral("streamed") << QJsonValue(1);
    QTest::newRow("decision null") << QStringLiteral("decision") << QJsonValue(QJsonValue::Null);
}

void tst_AuditRecordJson::rejectsBadRecords()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    AuditRecord r;
    r.requestId = QStringLiteral("req");
    r.ts = QDateTime::currentDateTimeUtc();
    r.decision = QStringLiteral("routed");
    QJsonObject o = auditRecordToJson(r);
    if (value.isUndefined())
        o.remove(field);
    else
        o.insert(field, value);
    auto parsed = auditRecordFromJson(o);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("invalid_audit_record"));
    QVERIFY2(parsed.error().message.contains(field), qPrintable(parsed.error().message));
}

void tst_AuditRecordJson::findingTypesJson()
{
    QCOMPARE(findingTypesToJson({{QStringLiteral("EMAIL_ADDRESS"), 2}, {QStringLiteral("CREDIT_CARD"), 1}}),
             QStringLiteral("{\"CREDIT_CARD\":1,\"EMAIL_ADDRESS\":2}"));
    QCOMPARE(findingTypesToJson({}), QStringLiteral("{}"));
    QVERIFY(!findingTypesFromJson(QStringLiteral("[1]")).ok());
    QVERIFY(!findingTypesFromJson(QStringLiteral("{\"A\":\"1\"}")).ok());
    QCOMPARE(findingTypesFromJson(QStringLiteral("{\"A\":3}")).value().value(QStringLiteral("A")), 3);
}

QTEST_GUILESS_MAIN(tst_AuditRecordJson)
#include "tst_auditrecordjson.moc"
