// SPDX-License-Identifier: Apache-2.0
// RemoteSink against a real loopback HTTP receiver that goes down and comes back.
#include "LoopbackHttpReceiver.h"
#include "observe/MetricsRegistry.h"
#include "observe/RemoteSink.h"
#include "observe/RemoteSinkWorker.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using perimeter::test::LoopbackHttpReceiver;

namespace {

QByteArray line(int sequence)
{
    return QByteArray("{\"seq\":") + QByteArray::number(sequence) + ",\"pad\":\"metadata-only-record-padding\"}";
}

// Sequence numbers in the order the receiver got them (every 2xx-answered request).
QList<int> receivedSequence(const LoopbackHttpReceiver &receiver)
{
    QList<int> sequence;
    for (const auto &request : receiver.requests()) {
        for (const QByteArray &l : request.body.split('\n')) {
            if (l.isEmpty())
                continue;
            sequence.append(QJsonDocument::fromJson(l).object().value(QStringLiteral("seq")).toInt(-1));
        }
    }
    return sequence;
}

// Delivery is at least once: a batch whose answer was lost may come twice. What matters is
// that every record arrives and first arrivals keep the order.
QList<int> firstArrivals(const QList<int> &sequence)
{
    QList<int> firsts;
    QSet<int> seen;
    for (int s : sequence) {
        if (!seen.contains(s))
            firsts.append(s);
        seen.insert(s);
    }
    return firsts;
}

QList<int> range(int from, int to)
{
    QList<int> r;
    for (int i = from; i < to; ++i)
        r.append(i);
    return r;
}

double metricValue(const observe::MetricsRegistry &metrics, const QString &series)
{
    const QString text = QString::fromUtf8(metrics.renderPrometheus());
    const QRegularExpression re(QLatin1Char('^') + QRegularExpression::escape(series) + QStringLiteral(" (\\S+)$"),
                                QRegularExpression::MultilineOption);
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

} // namespace

class RemoteSinkTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliversBatchesAsNdjson();
    void recordsAreFormattedOnTheWorkerInOrder_data();
    void recordsAreFormattedOnTheWorkerInOrder();
    void outageAndRecoveryLoseNothingAndKeepOrder();
    void refusedBatchesAreRetried();
    void spoolBoundDropsOldestAndCountsThem();
    void restartReplaysTheSpool();
    void shutdownSpoolsRecordsNotYetFormatted();
    void backoffIsCappedAndJittered_data();
    void backoffIsCappedAndJittered();

private:
    observe::SinkSettings settings(const LoopbackHttpReceiver &receiver, const QString &spoolDir) const
    {
        observe::SinkSettings s;
        s.id = QStringLiteral("siem");
        s.url = QUrl(receiver.url());
        s.batchSize = 5;
        s.flushMs = 30;
        s.spoolDir = spoolDir;
        s.spoolMaxBytes = 10 * 1024 * 1024;
        s.timeoutMs = 2000;
        s.backoffInitialMs = 20;
        s.backoffMaxMs = 150;
        return s;
    }
};

void RemoteSinkTest::deliversBatchesAsNdjson()
{
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    observe::MetricsRegistry metrics;
    auto sink = observe::RemoteSink::create(settings(receiver, dir.filePath(QStringLiteral("spool"))), "sink-secret", &metrics);
    QVERIFY2(sink.ok(), sink.ok() ? "" : qPrintable(sink.error().message));
    for (int i = 0; i < 12; ++i)
        QVERIFY(sink.value()->append(line(i)));
    QTRY_COMPARE_WITH_TIMEOUT(receivedSequence(receiver).size(), 12, 5000);
    QCOMPARE(receivedSequence(receiver), range(0, 12));
    QVERIFY(receiver.requests().size() >= 3); // batch_size 5
    for (const auto &request : receiver.requests()) {
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.path, QByteArray("/ingest"));
        QCOMPARE(request.headers.value("content-type"), QByteArray("application/x-ndjson"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer sink-secret"));
        QVERIFY(request.body.count('\n') <= 5);
        QVERIFY(request.body.endsWith('\n'));
    }
    QTRY_COMPARE(sink.value()->deliveredCount(), quint64(12));
    QCOMPARE(metricValue(metrics, QStringLiteral("perimeter_sink_records_total{sink=\"siem\",outcome=\"delivered\"}")), 12.0);
    QCOMPARE(sink.value()->pendingRecords(), qint64(0));
}

void RemoteSinkTest::recordsAreFormattedOnTheWorkerInOrder_data()
{
    QTest::addColumn<bool>("outage");
    QTest::newRow("sink up") << false;
    QTest::newRow("sink down, then back (via the spool)") << true;
}

// What the gateway hands over since the formatting moved off its thread: allow-listed fields,
// formatted by the worker, interleaved with preformatted lines, order kept, caller-typed
// values reduced, nothing lost across an outage.
void RemoteSinkTest::recordsAreFormattedOnTheWorkerInOrder()
{
    QFETCH(bool, outage);
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    observe::MetricsRegistry metrics;
    auto created = observe::RemoteSink::create(settings(receiver, dir.filePath(QStringLiteral("spool"))), {}, &metrics);
    QVERIFY(created.ok());
    auto &sink = created.value();
    if (outage)
        receiver.stop();
    const int count = 40;
    for (int i = 0; i < count; ++i) {
        if (i % 4 == 3) {
            QVERIFY(sink->append(line(i)));
            continue;
        }
        observe::AuditRecord r;
        r.requestId = QStringLiteral("req_%1").arg(i);
        r.ts = QDateTime::currentDateTimeUtc();
        r.decision = QStringLiteral("routed");
        r.modelRequested = QStringLiteral("4111111111111111"); // typed by a caller, not configured
        r.endpointPath = QStringLiteral("/v1/123-45-6789");
        r.findingTypes = {{QStringLiteral("US_SSN"), 1}};
        r.status = i; // the sequence, on a field that survives the allow-list
        QVERIFY(sink->append(observe::SinkRecordFormat::extract(r, false)));
    }
    QCOMPARE(sink->acceptedCount(), quint64(count));
    if (outage) {
        QTRY_VERIFY_WITH_TIMEOUT(sink->spoolRecords() > 0, 5000);
        QCOMPARE(sink->deliveredCount(), quint64(0));
        QVERIFY(receiver.start());
    }
    QTRY_COMPARE_WITH_TIMEOUT(sink->deliveredCount(), quint64(count), 10000);
    QList<int> sequence;
    QSet<int> seen;
    for (const auto &request : receiver.requests()) {
        QVERIFY(!request.body.contains("4111111111111111"));
        QVERIFY(!request.body.contains("123-45-6789"));
        for (const QByteArray &l : request.body.split('\n')) {
            if (l.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(l).object();
            const int s = o.contains(QStringLiteral("seq")) ? o.value(QStringLiteral("seq")).toInt(-1)
                                                            : o.value(QStringLiteral("status")).toInt(-1);
            if (!o.contains(QStringLiteral("seq"))) {
                QCOMPARE(o.value(QStringLiteral("request_id")).toString(), QStringLiteral("req_%1").arg(s));
                QCOMPARE(o.value(QStringLiteral("endpoint_path")).toString(), QStringLiteral("other"));
                QCOMPARE(o.value(QStringLiteral("model_requested")), QJsonValue(QJsonValue::Null));
                QCOMPARE(o.value(QStringLiteral("finding_types")).toObject().value(QStringLiteral("US_SSN")).toInt(), 1);
            }
            if (!seen.contains(s))
                sequence.append(s);
            seen.insert(s);
        }
    }
    QCOMPARE(sequence, range(0, count));
    QCOMPARE(sink->droppedCount(), quint64(0));
    QTRY_COMPARE(sink->pendingRecords(), qint64(0));
    QCOMPARE(metricValue(metrics, QStringLiteral("perimeter_sink_records_total{sink=\"siem\",outcome=\"delivered\"}")), double(count));
    if (outage)
        QVERIFY(metricValue(metrics, QStringLiteral("perimeter_sink_records_total{sink=\"siem\",outcome=\"spooled\"}")) > 0);
}

void RemoteSinkTest::outageAndRecoveryLoseNothingAndKeepOrder()
{
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    observe::MetricsRegistry metrics;
    auto created = observe::RemoteSink::create(settings(receiver, dir.filePath(QStringLiteral("spool"))), {}, &metrics);
    QVERIFY(created.ok());
    auto &sink = created.value();
    for (int i = 0; i < 50; ++i)
        sink->append(line(i));
    QTRY_COMPARE_WITH_TIMEOUT(sink->deliveredCount(), quint64(50), 5000);

    receiver.stop();
    for (int i = 50; i < 350; ++i) {
        sink->append(line(i));
        if (i % 50 == 0)
            QTest::qWait(20); // records keep arriving during the outage
    }
    QTRY_VERIFY_WITH_TIMEOUT(sink->spoolRecords() > 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(metricValue(metrics, QStringLiteral("perimeter_sink_spool_bytes{sink=\"siem\"}")) > 0, 5000);
    QTest::qWait(300); // several failed attempts with backoff
    QVERIFY(sink->deliveredCount() < 350);

    QVERIFY(receiver.start()); // same port
    QTRY_COMPARE_WITH_TIMEOUT(sink->deliveredCount(), quint64(350), 10000);
    QCOMPARE(firstArrivals(receivedSequence(receiver)), range(0, 350));
    QCOMPARE(sink->droppedCount(), quint64(0));
    QTRY_COMPARE(sink->spoolBytes(), qint64(0));
    QTRY_COMPARE(metricValue(metrics, QStringLiteral("perimeter_sink_spool_bytes{sink=\"siem\"}")), 0.0);
    QVERIFY(metricValue(metrics, QStringLiteral("perimeter_sink_records_total{sink=\"siem\",outcome=\"spooled\"}")) > 0);
}

void RemoteSinkTest::refusedBatchesAreRetried()
{
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    receiver.setStatus(503);
    auto created = observe::RemoteSink::create(settings(receiver, dir.filePath(QStringLiteral("spool"))), {}, nullptr);
    QVERIFY(created.ok());
    for (int i = 0; i < 23; ++i)
        created.value()->append(line(i));
    QTRY_VERIFY_WITH_TIMEOUT(created.value()->spoolRecords() > 0, 5000);
    QTest::qWait(200);
    QCOMPARE(created.value()->deliveredCount(), quint64(0));
    receiver.setStatus(200);
    QTRY_COMPARE_WITH_TIMEOUT(created.value()->deliveredCount(), quint64(23), 10000);
    QCOMPARE(firstArrivals(receivedSequence(receiver)), range(0, 23));
}

void RemoteSinkTest::spoolBoundDropsOldestAndCountsThem()
{
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    receiver.stop(); // the port refuses connections until start()
    observe::MetricsRegistry metrics;
    auto s = settings(receiver, dir.filePath(QStringLiteral("spool")));
    const qint64 batchBytes = 5 * (line(10).size() + 1);
    s.spoolMaxBytes = 4 * batchBytes; // room for four batches of five records
    auto created = observe::RemoteSink::create(s, {}, &metrics);
    QVERIFY(created.ok());
    auto &sink = created.value();
    for (int i = 10; i < 110; ++i)
        sink->append(line(i));
    QTRY_COMPARE_WITH_TIMEOUT(sink->spoolRecords() + qint64(sink->droppedCount()), qint64(100), 5000);
    QVERIFY(sink->droppedCount() >= 80);
    QVERIFY(sink->spoolBytes() <= s.spoolMaxBytes);
    QCOMPARE(metricValue(metrics, QStringLiteral("perimeter_sink_records_total{sink=\"siem\",outcome=\"dropped_spool_full\"}")),
             double(sink->droppedCount()));

    QVERIFY(receiver.start());
    QTRY_COMPARE_WITH_TIMEOUT(sink->deliveredCount() + sink->droppedCount(), quint64(100), 10000);
    // What survived is the newest records, still in order.
    const QList<int> got = firstArrivals(receivedSequence(receiver));
    QCOMPARE(got, range(110 - got.size(), 110));
}

void RemoteSinkTest::restartReplaysTheSpool()
{
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    receiver.stop();
    const auto s = settings(receiver, dir.filePath(QStringLiteral("spool")));
    {
        auto first = observe::RemoteSink::create(s, {}, nullptr);
        QVERIFY(first.ok());
        for (int i = 0; i < 17; ++i)
            first.value()->append(line(i));
        QTest::qWait(100);
    } // destroyed while the receiver is down: everything goes to the spool
    QVERIFY(!QDir(s.spoolDir).entryList({QStringLiteral("*.ndjson")}, QDir::Files).isEmpty());

    QVERIFY(receiver.start());
    auto second = observe::RemoteSink::create(s, {}, nullptr);
    QVERIFY(second.ok());
    QCOMPARE(second.value()->spoolRecords(), qint64(17));
    second.value()->append(line(17));
    QTRY_COMPARE_WITH_TIMEOUT(second.value()->deliveredCount(), quint64(18), 10000);
    QCOMPARE(firstArrivals(receivedSequence(receiver)), range(0, 18));
    QTRY_VERIFY(QDir(s.spoolDir).entryList({QStringLiteral("*.ndjson")}, QDir::Files).isEmpty());
}

// Records still queued unformatted when the gateway stops are formatted by the worker on its
// way out and spooled, and the next start delivers them.
void RemoteSinkTest::shutdownSpoolsRecordsNotYetFormatted()
{
    QTemporaryDir dir;
    LoopbackHttpReceiver receiver;
    QVERIFY(receiver.start());
    receiver.stop();
    auto s = settings(receiver, dir.filePath(QStringLiteral("spool")));
    s.batchSize = 1000; // nothing leaves before the shutdown
    s.flushMs = 3600000;
    {
        auto first = observe::RemoteSink::create(s, {}, nullptr);
        QVERIFY(first.ok());
        for (int i = 0; i < 9; ++i) {
            observe::AuditRecord r;
            r.requestId = QStringLiteral("req_%1").arg(i);
            r.decision = QStringLiteral("routed");
            r.status = i;
            QVERIFY(first.value()->append(observe::SinkRecordFormat::extract(r, false)));
        }
        QCOMPARE(first.value()->pendingRecords(), qint64(9));
    }
    QVERIFY(receiver.start());
    auto second = observe::RemoteSink::create(s, {}, nullptr);
    QVERIFY(second.ok());
    QCOMPARE(second.value()->spoolRecords(), qint64(9));
    QTRY_COMPARE_WITH_TIMEOUT(second.value()->deliveredCount(), quint64(9), 10000);
    QList<int> sequence;
    for (const auto &request : receiver.requests()) {
        for (const QByteArray &l : request.body.split('\n')) {
            if (!l.isEmpty())
                sequence.append(QJsonDocument::fromJson(l).object().value(QStringLiteral("status")).toInt(-1));
        }
    }
    QCOMPARE(firstArrivals(sequence), range(0, 9));
}

void RemoteSinkTest::backoffIsCappedAndJittered_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("ceiling");
    QTest::newRow("first") << 1 << 500;
    QTest::newRow("second") << 2 << 1000;
    QTest::newRow("fifth") << 5 << 8000;
    QTest::newRow("capped") << 12 << 60000;
    QTest::newRow("far beyond the cap") << 1000 << 60000;
}

void RemoteSinkTest::backoffIsCappedAndJittered()
{
    QFETCH(int, attempt);
    QFETCH(int, ceiling);
    QSet<int> seen;
    for (int i = 0; i < 200; ++i) {
        const int d = observe::RemoteSinkWorker::backoffDelayMs(attempt, 500, 60000);
        QVERIFY2(d >= ceiling / 2 && d <= ceiling, qPrintable(QString::number(d)));
        seen.insert(d);
    }
    QVERIFY(seen.size() > 1); // jittered
}

QTEST_MAIN(RemoteSinkTest)
#include "tst_remotesink.moc"
