// SPDX-License-Identifier: Apache-2.0
#include "observe/SqliteAuditStore.h"
#include "report/AuditReportBuilder.h"
#include "report/PdfReportWriter.h"
#include "report/SqliteAuditAnalytics.h"

#include <QBuffer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace perimeter;
using namespace perimeter::report;

namespace {

const QDateTime kT0(QDate(2026, 11, 24), QTime(9, 0), Qt::UTC);

observe::AuditRecord rec(int i, const QString &tier, const QString &level)
{
    observe::AuditRecord r;
    r.requestId = QStringLiteral("req-%1").arg(i, 4, 10, QLatin1Char('0'));
    r.ts = kT0.addSecs(i * 60);
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("gpt-4o");
    r.modelServed = tier.isEmpty() ? QString() : r.modelRequested;
    r.tier = tier;
    r.endpointId = tier.isEmpty() ? QString() : tier + QStringLiteral("-1");
    r.decision = tier.isEmpty() ? QStringLiteral("rejected") : QStringLiteral("routed");
    r.reason = tier.isEmpty() ? QStringLiteral("residency_violation") : QStringLiteral("ok");
    r.sensitivity = level;
    r.status = tier.isEmpty() ? 403 : 200;
    r.costAmount = tier.isEmpty() ? 0.0 : 0.004;
    return r;
}

int countPages(const QByteArray &pdf)
{
    // Page objects, not the /Pages tree node.
    int n = 0;
    auto it = QRegularExpression(QStringLiteral("/Type\\s*/Page(?!s)")).globalMatch(QString::fromLatin1(pdf));
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

} // namespace

class tst_PdfReportWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void documentText();
    void validPdf_data();
    void validPdf();
    void pdfText();
    void cancel();

private:
    Result<AuditReport> build(bool records, const AuditFilter &filter = {});
    QTemporaryDir m_dir;
    std::unique_ptr<observe::SqliteAuditStore> m_store;
    std::unique_ptr<SqliteAuditAnalytics> m_analytics;
};

void tst_PdfReportWriter::initTestCase()
{
    auto store = observe::SqliteAuditStore::open(m_dir.path(), 512);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    // 150 records: on-prem and cloud traffic, rejections, and two confidential requests that
    // reached the cloud (req-0042, req-0137), the evidence the report must name.
    for (int i = 0; i < 150; ++i) {
        QString tier = i % 3 == 0 ? QStringLiteral("cloud") : QStringLiteral("onprem");
        QString level = i % 3 == 0 ? QStringLiteral("public") : QStringLiteral("confidential");
        if (i % 10 == 7) {
            tier.clear();
            level = QStringLiteral("restricted");
        }
        if (i == 42 || i == 137) {
            tier = QStringLiteral("cloud");
            level = QStringLiteral("confidential");
        }
        QVERIFY(m_store->append(rec(i, tier, level)));
    }
    QVERIFY(m_store->flush().ok());
    auto analytics = SqliteAuditAnalytics::open(m_store->databasePath());
    QVERIFY(analytics.ok());
    m_analytics = std::move(analytics).value();
}

Result<AuditReport> tst_PdfReportWriter::build(bool records, const AuditFilter &filter)
{
    return AuditReportBuilder::build(*m_store, *m_analytics, filter, records);
}

void tst_PdfReportWriter::documentText()
{
    auto report = build(true);
    QVERIFY(report.ok());
    QTextDocument document;
    document.setHtml(ui::PdfReportWriter::html(report.value()));
    const QString text = document.toPlainText();
    QVERIFY(text.contains(QLatin1String("Perimeter audit report")));
    QVERIFY(text.contains(AuditReport::residencyQuestion()));
    QVERIFY2(text.contains(QLatin1String("Yes: 2 confidential or restricted request(s) went to the cloud: req-0042, req-0137.")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("hash chain of all 150 stored record(s) verifies")));
    QVERIFY(text.contains(QLatin1String("residency_violation")));
    QVERIFY(text.contains(QLatin1String("req-0149")));
}

void tst_PdfReportWriter::validPdf_data()
{
    QTest::addColumn<bool>("records");
    QTest::addColumn<int>("minPages");
    QTest::addColumn<int>("maxPages");
    QTest::newRow("summary only") << false << 1 << 2;
    QTest::newRow("with 150 records") << true << 3 << 8;
}

void tst_PdfReportWriter::validPdf()
{
    QFETCH(bool, records);
    QFETCH(int, minPages);
    QFETCH(int, maxPages);
    auto report = build(records);
    QVERIFY(report.ok());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QList<int> progress;
    QVERIFY(ui::PdfReportWriter().render(report.value(), buffer, [&progress](int p) { progress << p; return true; }).ok());
    const QByteArray pdf = buffer.data();
    QVERIFY(pdf.startsWith("%PDF-1."));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    const int pages = countPages(pdf);
    QVERIFY2(pages >= minPages && pages <= maxPages, qPrintable(QString::number(pages)));
    QCOMPARE(progress.last(), 100);
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (!pdfinfo.isEmpty()) {
        const QString path = m_dir.filePath(QStringLiteral("pages.pdf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
        f.close();
        QProcess p;
        p.start(pdfinfo, {path});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QString info = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\b").arg(pages))), qPrintable(info));
        QVERIFY(info.contains(QLatin1String("Perimeter audit report")));
    }
}

void tst_PdfReportWriter::pdfText()
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils, installed by installer/dev-setup.sh) is not installed");
    auto report = build(true);
    QVERIFY(report.ok());
    const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(ui::PdfReportWriter().render(report.value(), f).ok());
    }
    QProcess p;
    p.start(pdftotext, {path, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitCode(), 0);
    // Line breaks fall where the layout puts them, and the font's "fi" ligature comes back as
    // one character: compare with whitespace collapsed and compatibility-normalised text.
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC).simplified();
    QVERIFY2(text.contains(QLatin1String("Did any confidential or restricted request go to the cloud in this period?")), qPrintable(text.left(2000)));
    QVERIFY2(text.contains(QLatin1String("Yes: 2 confidential or restricted request(s) went to the cloud: req-0042, req-0137.")),
             qPrintable(text.left(2000)));
    QVERIFY(text.contains(QLatin1String("verifies")));
    for (const char *id : {"req-0000", "req-0042", "req-0137", "req-0149"})
        QVERIFY2(text.contains(QLatin1String(id)), id);

    // A clean period says "No" with the chain result as its evidence.
    AuditFilter onprem;
    onprem.tiers = {QStringLiteral("onprem")};
    auto clean = build(false, onprem);
    QVERIFY(clean.ok());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(ui::PdfReportWriter().render(clean.value(), f).ok());
    }
    QProcess p2;
    p2.start(pdftotext, {path, QStringLiteral("-")});
    QVERIFY(p2.waitForFinished(20000));
    const QString cleanText = QString::fromUtf8(p2.readAllStandardOutput()).normalized(QString::NormalizationForm_KC).simplified();
    QVERIFY2(cleanText.contains(QLatin1String("No: none of the")), qPrintable(cleanText.left(2000)));
    QVERIFY(cleanText.contains(QLatin1String("Evidence: the hash chain of all 150 stored record(s) verifies")));
}

void tst_PdfReportWriter::cancel()
{
    auto report = build(true);
    QVERIFY(report.ok());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status s = ui::PdfReportWriter().render(report.value(), buffer, [](int p) { return p < 10; });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, QStringLiteral("cancelled"));
}

QTEST_MAIN(tst_PdfReportWriter)
#include "tst_pdfreportwriter.moc"
