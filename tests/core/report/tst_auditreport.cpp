// SPDX-License-Identifier: Apache-2.0
#include "observe/SqliteAuditStore.h"
#include "report/AuditReportBuilder.h"
#include "report/CsvReportRenderer.h"
#include "report/JsonReportRenderer.h"
#include "report/ReportExportJob.h"
#include "report/ReportRendererRegistry.h"
#include "report/SqliteAuditAnalytics.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::report;

namespace {

const QDateTime kT0(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

observe::AuditRecord rec(const QString &id, int minute, const QString &team, const QString &tier, const QString &level, double cost)
{
    observe::AuditRecord r;
    r.requestId = id;
    r.ts = kT0.addSecs(minute * 60);
    r.caller = team + QStringLiteral("-app");
    r.team = team;
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("m");
    r.modelServed = tier.isEmpty() ? QString() : QStringLiteral("m");
    r.tier = tier;
    r.endpointId = tier;
    r.decision = tier.isEmpty() ? QStringLiteral("rejected") : QStringLiteral("routed");
    r.reason = tier.isEmpty() ? QStringLiteral("residency_violation") : QStringLiteral("ok");
    r.sensitivity = level;
    r.findingTypes = {{QStringLiteral("IBAN"), 1}};
    r.status = tier.isEmpty() ? 403 : 200;
    r.costAmount = cost;
    r.costBasis = tier == QLatin1String("cloud") ? QStringLiteral("list_price") : QStringLiteral("blended_rate");
    return r;
}

// A renderer that takes its time, so that cancelling a running export can be observed.
class SlowRenderer final : public ReportRenderer {
public:
    QString format() const override { return QStringLiteral("slow"); }
    QString mimeType() const override { return QStringLiteral("text/plain"); }
    Status render(const AuditReport &, QIODevice &out, const Progress &progress) const override
    {
        for (int p = 0; p <= 100; ++p) {
            out.write("x");
            QThread::msleep(20);
            if (progress && !progress(p))
                return AuditReportBuilder::cancelled();
        }
        return Ok{};
    }
};

} // namespace

class tst_AuditReport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void summary();
    void residency_data();
    void residency();
    void csvWithRecords();
    void jsonWithRecords();
    void cancelledBuild();
    void exportJob_data();
    void exportJob();
    void exportJobCancel();
    void exportJobUnavailableFormat();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<observe::SqliteAuditStore> m_store;
    std::shared_ptr<SqliteAuditAnalytics> m_analytics;
};

void tst_AuditReport::initTestCase()
{
    auto store = observe::SqliteAuditStore::open(m_dir.path(), 64);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    const QList<observe::AuditRecord> records = {
        rec(QStringLiteral("a1"), 0, QStringLiteral("risk"), QStringLiteral("onprem"), QStringLiteral("restricted"), 0.002),
        rec(QStringLiteral("a2"), 1, QStringLiteral("risk"), QString(), QStringLiteral("confidential"), 0),
        rec(QStringLiteral("a3"), 2, QStringLiteral("ops"), QStringLiteral("cloud"), QStringLiteral("public"), 0.01),
        rec(QStringLiteral("a4"), 3, QStringLiteral("ops"), QStringLiteral("cloud"), QStringLiteral("confidential"), 0.01),
        rec(QStringLiteral("a5"), 4, QStringLiteral("ops"), QStringLiteral("cloud"), QString(), 0.01),
    };
    for (const auto &r : records)
        QVERIFY(m_store->append(r));
    QVERIFY(m_store->flush().ok());
    auto analytics = SqliteAuditAnalytics::open(m_store->databasePath());
    QVERIFY(analytics.ok());
    m_analytics = std::move(analytics).value();
}

void tst_AuditReport::summary()
{
    auto built = AuditReportBuilder::build(*m_store, *m_analytics, {}, false);
    QVERIFY(built.ok());
    const AuditReport &r = built.value();
    QCOMPARE(r.total, qint64(5));
    QCOMPARE(r.byTierAndLevel.value(QStringLiteral("onprem")).value(QStringLiteral("restricted")), qint64(1));
    QCOMPARE(r.byTierAndLevel.value(QStringLiteral("none")).value(QStringLiteral("confidential")), qint64(1));
    QCOMPARE(r.byTierAndLevel.value(QStringLiteral("cloud")).value(QStringLiteral("unclassified")), qint64(1));
    QCOMPARE(r.rejectionsByReason.value(QStringLiteral("residency_violation")), qint64(1));
    QVERIFY(qFuzzyCompare(r.costByCurrency.value(QStringLiteral("USD")).total, 0.032));
    QVERIFY(qFuzzyCompare(r.costByCurrency.value(QStringLiteral("USD")).cloud, 0.03));
    QVERIFY(r.chain.ok);
    QCOMPARE(r.chain.recordsChecked, qint64(5));
    QVERIFY(!r.includesRecords);
    QVERIFY(r.records.isEmpty());
}

void tst_AuditReport::residency_data()
{
    QTest::addColumn<QStringList>("teams");
    QTest::addColumn<QStringList>("tiers");
    QTest::addColumn<bool>("yes");
    QTest::addColumn<QStringList>("evidence");
    QTest::addColumn<QStringList>("unclassified");
    QTest::addColumn<QString>("statement");
    QTest::newRow("all") << QStringList{} << QStringList{} << true << QStringList{QStringLiteral("a4")} << QStringList{QStringLiteral("a5")}
                         << "Yes: 1 confidential or restricted request(s) went to the cloud: a4.";
    QTest::newRow("risk only") << QStringList{QStringLiteral("risk")} << QStringList{} << false << QStringList{} << QStringList{}
                               << "No: none of the 2 request(s) in this period that are confidential or restricted went to the cloud.";
    QTest::newRow("on-prem only") << QStringList{} << QStringList{QStringLiteral("onprem")} << false << QStringList{} << QStringList{}
                                  << "No: none of the 1 request(s)";
}

void tst_AuditReport::residency()
{
    QFETCH(QStringList, teams);
    QFETCH(QStringList, tiers);
    QFETCH(bool, yes);
    QFETCH(QStringList, evidence);
    QFETCH(QStringList, unclassified);
    QFETCH(QString, statement);
    AuditFilter f;
    f.teams = teams;
    f.tiers = tiers;
    auto built = AuditReportBuilder::build(*m_store, *m_analytics, f, false);
    QVERIFY(built.ok());
    QCOMPARE(built.value().sensitiveInCloud, yes);
    QCOMPARE(built.value().sensitiveInCloudIds, evidence);
    QCOMPARE(built.value().unclassifiedInCloudIds, unclassified);
    const QString answer = built.value().residencyAnswer();
    QVERIFY2(answer.startsWith(statement), qPrintable(answer));
    // The chain result backs the answer in the same sentence.
    QVERIFY2(answer.contains(QLatin1String("hash chain of all 5 stored record(s) verifies")), qPrintable(answer));
}

void tst_AuditReport::csvWithRecords()
{
    auto built = AuditReportBuilder::build(*m_store, *m_analytics, {}, true);
    QVERIFY(built.ok());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(CsvReportRenderer().render(built.value(), buffer).ok());
    const QString text = QString::fromUtf8(buffer.data());
    const QStringList parts = text.split(QStringLiteral("\n\n"));
    QCOMPARE(parts.size(), 2);
    const QStringList summary = parts.at(0).split(QLatin1Char('\n'));
    QVERIFY(summary.contains(QStringLiteral("residency,confidential_or_restricted_to_cloud,yes")));
    QVERIFY(summary.contains(QStringLiteral("residency_evidence,request_id,a4")));
    const QStringList records = parts.at(1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(records.size(), 6);
    QVERIFY(records.at(0).startsWith(QLatin1String("request_id,ts,")));
    QVERIFY(records.at(0).endsWith(QLatin1String(",prev_hash,hash")));
    QVERIFY(records.at(1).startsWith(QLatin1String("a1,2026-11-24T09:00:00.000Z,risk-app,risk,")));
    // finding_types is JSON with a comma-free value here, still quoted because of the quotes.
    QVERIFY2(records.at(1).contains(QLatin1String("\"{\"\"IBAN\"\":1}\"")), qPrintable(records.at(1)));
}

void tst_AuditReport::jsonWithRecords()
{
    AuditFilter f;
    f.teams = {QStringLiteral("ops")};
    auto built = AuditReportBuilder::build(*m_store, *m_analytics, f, true);
    QVERIFY(built.ok());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(JsonReportRenderer().render(built.value(), buffer).ok());
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(buffer.data(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(o.value(QStringLiteral("filter")).toObject().value(QStringLiteral("team")).toArray(), QJsonArray{QStringLiteral("ops")});
    const QJsonArray records = o.value(QStringLiteral("records")).toArray();
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).toObject().value(QStringLiteral("request_id")).toString(), QStringLiteral("a3"));
    QCOMPARE(o.value(QStringLiteral("residency")).toObject().value(QStringLiteral("answer")).toString(), QStringLiteral("yes"));
    QVERIFY(o.value(QStringLiteral("residency")).toObject().value(QStringLiteral("statement")).toString().startsWith(QLatin1String("Yes: 1")));

    // An empty period still gives valid JSON with an empty list.
    AuditFilter none;
    none.teams = {QStringLiteral("nobody")};
    auto empty = AuditReportBuilder::build(*m_store, *m_analytics, none, true);
    QVERIFY(empty.ok());
    QBuffer emptyBuffer;
    emptyBuffer.open(QIODevice::WriteOnly);
    QVERIFY(JsonReportRenderer().render(empty.value(), emptyBuffer).ok());
    const QJsonObject e = QJsonDocument::fromJson(emptyBuffer.data(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(e.value(QStringLiteral("records")).isArray());
    QCOMPARE(e.value(QStringLiteral("residency")).toObject().value(QStringLiteral("answer")).toString(), QStringLiteral("no"));
}

void tst_AuditReport::cancelledBuild()
{
    int calls = 0;
    auto built = AuditReportBuilder::build(*m_store, *m_analytics, {}, true, [&calls](int) { return ++calls < 3; });
    QVERIFY(!built.ok());
    QCOMPARE(built.error().code, QStringLiteral("cancelled"));
    QCOMPARE(calls, 3);
}

void tst_AuditReport::exportJob_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("starts");
    QTest::newRow("csv") << "csv" << QByteArray("section,item,value");
    QTest::newRow("json") << "json" << QByteArray("{");
}

void tst_AuditReport::exportJob()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, starts);
    ExportRequest request;
    request.format = format;
    request.outputPath = m_dir.filePath(QStringLiteral("export.") + format);
    ReportExportJob job(m_store, m_analytics, request);
    QSignalSpy progress(&job, &ReportExportJob::progressChanged);
    QSignalSpy succeeded(&job, &ReportExportJob::succeeded);
    QSignalSpy failed(&job, &ReportExportJob::failed);
    QVERIFY(job.start());
    QVERIFY(!job.start());
    QVERIFY(succeeded.wait(10000));
    job.waitForFinished();
    QCOMPARE(failed.count(), 0);
    QCOMPARE(succeeded.at(0).at(1).toLongLong(), qint64(5));
    QFile file(succeeded.at(0).at(0).toString());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith(starts));
    QVERIFY(progress.count() >= 3);
    int last = -1;
    for (const auto &args : progress) {
        QVERIFY(args.at(0).toInt() > last);
        last = args.at(0).toInt();
    }
    QCOMPARE(last, 100);
    QCOMPARE(job.progress(), 100);
}

void tst_AuditReport::exportJobCancel()
{
    ReportRendererRegistry::instance().add(std::make_shared<SlowRenderer>());
    ExportRequest request;
    request.format = QStringLiteral("slow");
    request.outputPath = m_dir.filePath(QStringLiteral("cancelled.txt"));
    ReportExportJob job(m_store, m_analytics, request);
    QSignalSpy progress(&job, &ReportExportJob::progressChanged);
    QSignalSpy cancelled(&job, &ReportExportJob::cancelled);
    QSignalSpy succeeded(&job, &ReportExportJob::succeeded);
    QVERIFY(job.start());
    // Cancel once rendering is under way (past the build's 70 %).
    QTRY_VERIFY_WITH_TIMEOUT(job.progress() > 72, 10000);
    job.cancel();
    QVERIFY(cancelled.wait(10000));
    job.waitForFinished();
    QCOMPARE(succeeded.count(), 0);
    QVERIFY(job.progress() < 100);
    // Nothing half-written is left behind.
    QVERIFY(!QFile::exists(request.outputPath));
}

void tst_AuditReport::exportJobUnavailableFormat()
{
    ExportRequest request;
    request.format = QStringLiteral("pdf");
    request.outputPath = m_dir.filePath(QStringLiteral("x.pdf"));
    ReportExportJob job(m_store, m_analytics, request);
    QSignalSpy failed(&job, &ReportExportJob::failed);
    QVERIFY(job.start());
    QVERIFY(failed.wait(10000));
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("PDF reports are not available in this build")),
             qPrintable(failed.at(0).at(0).toString()));
    QVERIFY(!QFile::exists(request.outputPath));
}

QTEST_GUILESS_MAIN(tst_AuditReport)
#include "tst_auditreport.moc"
