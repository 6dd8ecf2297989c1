// SPDX-License-Identifier: Apache-2.0
#include "SampleAuditRecord.h"
#include "TestGatewayConfig.h"
#include "observe/SqliteAuditStore.h"
#include "report/PdfReportWriter.h"
#include "report/ReportRendererRegistry.h"
#include "service/GatewayService.h"
#include "ui/DecisionsPage.h"
#include "ui/MainWindow.h"
#include "ui/ReportExportDialog.h"
#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace perimeter;
using perimeter::ui::DecisionsPage;
using perimeter::ui::ReportExportDialog;

class tst_ReportExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportsTheCurrentFilter_data();
    void exportsTheCurrentFilter();
    void pdfExport();
    void cancelLeavesNoFile();
    void badInputListsEveryProblem();
    void mainWindowActionOpensTheDialog();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<service::GatewayService> m_service;
};

namespace {
// RFC 4180 fields of one line (quotes, doubled quotes, commas inside quotes).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

// The request ids of the records table of a CSV report.
QStringList csvRecordIds(const QByteArray &csv)
{
    const QStringList lines = QString::fromUtf8(csv).split(QLatin1Char('\n'));
    QStringList ids;
    int idColumn = -1;
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        const QStringList fields = csvFields(line);
        if (idColumn < 0) {
            if (fields.contains(QLatin1String("request_id")) && fields.contains(QLatin1String("decision")))
                idColumn = int(fields.indexOf(QLatin1String("request_id")));
            continue;
        }
        ids << fields.value(idColumn);
    }
    ids.sort();
    return ids;
}

ReportExportDialog *openDialog(DecisionsPage &page)
{
    page.exportButton()->click();
    const auto dialogs = page.findChildren<ReportExportDialog *>();
    return dialogs.isEmpty() ? nullptr : dialogs.last();
}
} // namespace

void tst_ReportExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As app/perimeter/main.cpp does: PDF needs Qt Gui, which core/ does not use.
    report::ReportRendererRegistry::instance().add(std::make_shared<ui::PdfReportWriter>());
    const QString config = testing::writeGatewayConfig(m_dir.path());
    {
        auto store = observe::SqliteAuditStore::open(m_dir.path() + QStringLiteral("/data"), 64);
        QVERIFY(store.ok());
        for (int i = 0; i <= 10; ++i)
            QVERIFY(store.value()->append(testing::sampleAuditRecord(i)));
        QVERIFY(store.value()->flush().ok());
    }
    m_service = std::make_unique<service::GatewayService>();
    QSignalSpy started(m_service.get(), &service::GatewayService::started);
    m_service->start(config);
    QVERIFY(started.wait(20000));
}

void tst_ReportExport::cleanupTestCase()
{
    m_service.reset();
}

void tst_ReportExport::exportsTheCurrentFilter_data()
{
    QTest::addColumn<int>("hours");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("csv rejected, last day") << 24 << QString() << QStringLiteral("rejected") << QStringLiteral("csv")
                                            << QStringList{QStringLiteral("req_003"), QStringLiteral("req_007")};
    QTest::newRow("csv no tier, last day") << 24 << QStringLiteral("none") << QString() << QStringLiteral("csv")
                                           << QStringList{QStringLiteral("req_003"), QStringLiteral("req_007")};
    QTest::newRow("csv on-prem routed, last day")
        << 24 << QStringLiteral("onprem") << QStringLiteral("routed") << QStringLiteral("csv")
        << QStringList{QStringLiteral("req_001"), QStringLiteral("req_002"), QStringLiteral("req_004"), QStringLiteral("req_005"),
                       QStringLiteral("req_008")};
    QTest::newRow("csv on-prem, whole trail")
        << 0 << QStringLiteral("onprem") << QString() << QStringLiteral("csv")
        << QStringList{QStringLiteral("req_001"), QStringLiteral("req_002"), QStringLiteral("req_004"), QStringLiteral("req_005"),
                       QStringLiteral("req_008"), QStringLiteral("req_010")};
    QTest::newRow("json cloud, last day") << 24 << QStringLiteral("cloud") << QString() << QStringLiteral("json")
                                          << QStringList{QStringLiteral("req_000"), QStringLiteral("req_006"), QStringLiteral("req_009")};
}

void tst_ReportExport::exportsTheCurrentFilter()
{
    QFETCH(int, hours);
    QFETCH(QString, tier);
    QFETCH(QString, decision);
    QFETCH(QString, format);
    QFETCH(QStringList, ids);

    DecisionsPage page(m_service.get());
    page.setPeriodHours(hours);
    page.setTierFilter(tier);
    page.setDecisionFilter(decision);
    ReportExportDialog *dialog = openDialog(page);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const report::ExportRequest preset = dialog->request();
    QCOMPARE(preset.filter.from.has_value(), hours > 0);
    QCOMPARE(preset.filter.decisions, decision.isEmpty() ? QStringList() : QStringList{decision});

    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("report.") + format);
    dialog->setFormat(format);
    dialog->setIncludeRecords(true);
    dialog->setOutputPath(path);
    QSignalSpy succeeded(dialog, &ReportExportDialog::exportSucceeded);
    QSignalSpy failed(dialog, &ReportExportDialog::exportFailed);
    dialog->exportButton()->click();
    QVERIFY(dialog->isExporting() || !succeeded.isEmpty());
    QVERIFY(!dialog->exportButton()->isEnabled() || !succeeded.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!succeeded.isEmpty() || !failed.isEmpty(), 10000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(succeeded.first().at(1).toLongLong(), qint64(ids.size()));
    QVERIFY(dialog->errorText().isEmpty());
    QCOMPARE(dialog->progress(), 100);
    QVERIFY2(dialog->statusText().contains(QDir::toNativeSeparators(path)), qPrintable(dialog->statusText()));
    QVERIFY(dialog->exportButton()->isEnabled());

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    if (format == QLatin1String("csv")) {
        QCOMPARE(csvRecordIds(content), ids);
        QVERIFY(content.contains("requests,total," + QByteArray::number(ids.size())));
    } else {
        const QJsonObject report = QJsonDocument::fromJson(content).object();
        QStringList got;
        for (const auto &record : report.value(QStringLiteral("records")).toArray())
            got << record.toObject().value(QStringLiteral("request_id")).toString();
        got.sort();
        QCOMPARE(got, ids);
    }
}

void tst_ReportExport::pdfExport()
{
    DecisionsPage page(m_service.get());
    page.setPeriodHours(24);
    page.setDecisionFilter(QStringLiteral("rejected"));
    ReportExportDialog *dialog = openDialog(page);
    QVERIFY(dialog);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("rejected.pdf"));
    dialog->setFormat(QStringLiteral("pdf"));
    dialog->setOutputPath(path);
    QSignalSpy succeeded(dialog, &ReportExportDialog::exportSucceeded);
    QSignalSpy failed(dialog, &ReportExportDialog::exportFailed);
    QVERIFY(dialog->startExport());
    QTRY_VERIFY_WITH_TIMEOUT(!succeeded.isEmpty() || !failed.isEmpty(), 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(succeeded.first().at(1).toLongLong(), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    QVERIFY(content.startsWith("%PDF-"));
    QVERIFY(content.trimmed().endsWith("%%EOF"));
    QVERIFY(content.size() > 1000);
}

void tst_ReportExport::cancelLeavesNoFile()
{
    DecisionsPage page(m_service.get());
    page.setPeriodHours(0);
    ReportExportDialog *dialog = openDialog(page);
    QVERIFY(dialog);
    QTemporaryDir out;
    QVERIFY(out.isValid());
    const QString path = out.filePath(QStringLiteral("cancelled.csv"));
    dialog->setFormat(QStringLiteral("csv"));
    dialog->setOutputPath(path);
    QSignalSpy cancelled(dialog, &ReportExportDialog::exportCancelled);
    QSignalSpy succeeded(dialog, &ReportExportDialog::exportSucceeded);

    // Hold every thread of the global pool so the job cannot run before the cancel arrives:
    // the outcome is then always "cancelled", never a race with a fast export.
    QThreadPool *pool = QThreadPool::globalInstance();
    QSemaphore release;
    QSemaphore holding;
    const int threads = pool->maxThreadCount();
    for (int i = 0; i < threads; ++i)
        pool->start([&release, &holding]() {
            holding.release();
            release.acquire();
        });
    holding.acquire(threads);
    QVERIFY(dialog->startExport());
    QVERIFY(dialog->isExporting());
    QVERIFY(dialog->cancelButton()->isEnabled());
    dialog->cancelButton()->click();
    release.release(threads);

    QVERIFY(cancelled.wait(10000));
    QVERIFY(succeeded.isEmpty());
    QVERIFY(!dialog->isExporting());
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    QVERIFY(dialog->exportButton()->isEnabled());
    QVERIFY(!dialog->cancelButton()->isEnabled());
}

void tst_ReportExport::badInputListsEveryProblem()
{
    ReportExportDialog dialog(m_service.get());
    report::AuditFilter filter;
    filter.from = QDateTime::currentDateTimeUtc();
    filter.to = filter.from->addSecs(-3600);
    dialog.setFilter(filter);
    dialog.setOutputPath(QString());
    QVERIFY(!dialog.startExport());
    QVERIFY(!dialog.isExporting());
    QVERIFY2(dialog.errorText().contains(QLatin1String("Choose the file")), qPrintable(dialog.errorText()));
    QVERIFY2(dialog.errorText().contains(QLatin1String("period is empty")), qPrintable(dialog.errorText()));

    dialog.setFilter(report::AuditFilter{});
    dialog.setOutputPath(m_dir.filePath(QStringLiteral("missing/folder/report.csv")));
    QVERIFY(!dialog.startExport());
    QVERIFY2(dialog.errorText().contains(QLatin1String("does not exist")), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.errorText().contains(QLatin1String("period is empty")));
}

void tst_ReportExport::mainWindowActionOpensTheDialog()
{
    ui::MainWindow window(m_service.get());
    QAction *action = window.exportReportAction();
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    window.decisionsPage()->setTierFilter(QStringLiteral("cloud"));
    action->trigger();
    const auto dialogs = window.decisionsPage()->findChildren<ReportExportDialog *>();
    QCOMPARE(dialogs.size(), 1);
    QCOMPARE(dialogs.first()->request().filter.tiers, QStringList{QStringLiteral("cloud")});
    dialogs.first()->close();
}

QTEST_MAIN(tst_ReportExport)
#include "tst_reportexport.moc"
