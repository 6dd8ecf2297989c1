// SPDX-License-Identifier: Apache-2.0
#include "observe/SinkRecordFormat.h"
#include "observe/SinkSpool.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter::observe;

namespace {

AuditRecord sampleRecord()
{
    AuditRecord r;
    r.requestId = QStringLiteral("req_0123456789abcdef0123456789abcdef");
    r.ts = QDateTime(QDate(2026, 11, 30), QTime(12, 0, 0, 250), Qt::UTC);
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("llama-70b");
    r.modelServed = QStringLiteral("llama-70b");
    r.tier = QStringLiteral("onprem");
    r.endpointId = QStringLiteral("gpu-1");
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("restricted");
    r.findingTypes = {{QStringLiteral("US_SSN"), 1}, {QStringLiteral("CREDIT_CARD"), 2}};
    r.policyVersion = QStringLiteral("p-1");
    r.status = 200;
    r.tokensIn = 10;
    r.tokensOut = 20;
    r.latencyMs = 35;
    r.upstreamMs = 30;
    r.streamed = false;
    r.costAmount = 0.5;
    r.costBasis = QStringLiteral("blended_rate");
    r.costCounterfactual = 1.25;
    r.prevHash = QStringLiteral("prev-hash-must-not-leave");
    r.hash = QStringLiteral("hash-must-not-leave");
    return r;
}

QJsonObject parse(const QByteArray &line)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? doc.object() : QJsonObject();
}

} // namespace

class SinkRecordFormatTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void carriesExactlyTheAllowList();
    void callerControlledValuesAreReduced_data();
    void callerControlledValuesAreReduced();
    void extractedFieldsAreAlreadyReduced_data();
    void extractedFieldsAreAlreadyReduced();
    void spoolKeepsOrderAcrossReopen();
    void spoolBoundDropsOldestFirst();
};

void SinkRecordFormatTest::carriesExactlyTheAllowList()
{
    const QByteArray line = SinkRecordFormat::toJsonLine(sampleRecord(), true);
    QVERIFY(!line.contains('\n'));
    const QJsonObject o = parse(line);
    QStringList keys = o.keys();
    QStringList expected = SinkRecordFormat::fieldNames();
    keys.sort();
    expected.sort();
    QCOMPARE(keys, expected);
    QCOMPARE(o.value(QStringLiteral("model_requested")).toString(), QStringLiteral("llama-70b"));
    QCOMPARE(o.value(QStringLiteral("finding_types")).toObject().value(QStringLiteral("CREDIT_CARD")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("ts")).toString(), QStringLiteral("2026-11-30T12:00:00.250Z"));
    QCOMPARE(o.value(QStringLiteral("ttft_ms")), QJsonValue(QJsonValue::Null));
    // Chain hashes and anything else of the record that is not on the list stay home.
    QVERIFY(!line.contains("hash-must-not-leave"));
}

void SinkRecordFormatTest::callerControlledValuesAreReduced_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("configured");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("findingType");
    QTest::addColumn<QByteArray>("mustNotAppear");
    QTest::newRow("card number as model name") << QStringLiteral("4111111111111111") << false << QStringLiteral("/v1/chat/completions")
                                               << QStringLiteral("CREDIT_CARD") << QByteArray("4111111111111111");
    QTest::newRow("ssn in the path") << QStringLiteral("llama-70b") << true << QStringLiteral("/v1/123-45-6789")
                                     << QStringLiteral("US_SSN") << QByteArray("123-45-6789");
    QTest::newRow("secret as a finding type key") << QStringLiteral("llama-70b") << true << QStringLiteral("/v1/embeddings")
                                                  << QStringLiteral("sk live 0123456789abcdefghij") << QByteArray("0123456789abcdefghij");
}

void SinkRecordFormatTest::callerControlledValuesAreReduced()
{
    QFETCH(QString, model);
    QFETCH(bool, configured);
    QFETCH(QString, path);
    QFETCH(QString, findingType);
    QFETCH(QByteArray, mustNotAppear);
    AuditRecord r = sampleRecord();
    r.modelRequested = model;
    r.endpointPath = path;
    r.findingTypes = {{findingType, 1}};
    const QByteArray line = SinkRecordFormat::toJsonLine(r, configured);
    QVERIFY2(!line.contains(mustNotAppear), line.constData());
    const QJsonObject o = parse(line);
    QCOMPARE(o.value(QStringLiteral("model_requested_known")).toBool(), configured);
    QVERIFY(SinkRecordFormat::knownPaths().contains(o.value(QStringLiteral("endpoint_path")).toString())
            || o.value(QStringLiteral("endpoint_path")).toString() == QLatin1String("other"));
}

void SinkRecordFormatTest::extractedFieldsAreAlreadyReduced_data()
{
    callerControlledValuesAreReduced_data();
}

// The gateway thread hands extract()'s fields to the sink queue: an unreduced model name or
// path must not even reach the queue, and the line formatted later on the worker is the same.
void SinkRecordFormatTest::extractedFieldsAreAlreadyReduced()
{
    QFETCH(QString, model);
    QFETCH(bool, configured);
    QFETCH(QString, path);
    QFETCH(QString, findingType);
    QFETCH(QByteArray, mustNotAppear);
    AuditRecord r = sampleRecord();
    r.modelRequested = model;
    r.endpointPath = path;
    r.findingTypes = {{findingType, 1}};
    const SinkRecordFormat::Record fields = SinkRecordFormat::extract(r, configured);
    QCOMPARE(fields.modelRequestedKnown, configured);
    QCOMPARE(fields.modelRequested, configured ? model : QString());
    QVERIFY(SinkRecordFormat::knownPaths().contains(fields.endpointPath) || fields.endpointPath == QLatin1String("other"));
    const QByteArray line = SinkRecordFormat::toJsonLine(fields);
    QVERIFY2(!line.contains(mustNotAppear), line.constData());
    QCOMPARE(line, SinkRecordFormat::toJsonLine(r, configured));
    QVERIFY(!line.contains("hash-must-not-leave"));
}

void SinkRecordFormatTest::spoolKeepsOrderAcrossReopen()
{
    QTemporaryDir dir;
    {
        auto spool = SinkSpool::open(dir.path(), 1 << 20);
        QVERIFY(spool.ok());
        for (int i = 0; i < 12; ++i)
            QVERIFY(spool.value().append(QByteArray("batch-") + QByteArray::number(i) + "\n", 1).ok());
        QCOMPARE(spool.value().files(), 12);
    }
    auto reopened = SinkSpool::open(dir.path(), 1 << 20);
    QVERIFY(reopened.ok());
    auto &spool = reopened.value();
    QCOMPARE(spool.records(), qint64(12));
    for (int i = 0; i < 12; ++i) {
        auto entry = spool.oldest();
        QVERIFY(entry);
        QCOMPARE(spool.read(*entry).value(), QByteArray("batch-") + QByteArray::number(i) + "\n");
        spool.remove(*entry);
    }
    QVERIFY(spool.isEmpty());
    QCOMPARE(spool.bytes(), qint64(0));
    // New batches continue after the old sequence, not from 1 again.
    QVERIFY(spool.append("later\n", 1).ok());
    QVERIFY(spool.oldest()->sequence > 12);
}

void SinkRecordFormatTest::spoolBoundDropsOldestFirst()
{
    QTemporaryDir dir;
    auto opened = SinkSpool::open(dir.path(), 100);
    QVERIFY(opened.ok());
    auto &spool = opened.value();
    const QByteArray batch(40, 'x'); // three do not fit in 100 bytes
    QCOMPARE(spool.append(batch, 4).value().droppedRecords, qint64(0));
    QCOMPARE(spool.append(batch, 5).value().droppedRecords, qint64(0));
    const auto third = spool.append(batch, 6).value();
    QCOMPARE(third.droppedRecords, qint64(4)); // the oldest batch
    QCOMPARE(third.droppedFiles, 1);
    QCOMPARE(spool.records(), qint64(11));
    QVERIFY(spool.bytes() <= 100);
    QCOMPARE(spool.oldest()->records, 5);
}

QTEST_MAIN(SinkRecordFormatTest)
#include "tst_sinkrecordformat.moc"
