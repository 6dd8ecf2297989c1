// SPDX-License-Identifier: Apache-2.0
#include "cli/AuditCommand.h"
#include "observe/RetentionSettings.h"
#include "observe/SqliteAuditStore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

Run runAudit(AuditStore &store, const QString &archiveDir, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    RetentionSettings retention;
    retention.archiveDir = archiveDir;
    r.rc = AuditCommand::run(store, retention, args, out, err);
    out.flush();
    err.flush();
    return r;
}

AuditRecord record(int day)
{
    AuditRecord r;
    r.requestId = QStringLiteral("req-%1").arg(day);
    r.ts = QDateTime(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC).addDays(day);
    r.caller = QStringLiteral("alice");
    r.tier = QStringLiteral("onprem");
    r.decision = QStringLiteral("routed");
    r.status = 200;
    r.tokensIn = 10 + day;
    return r;
}

} // namespace

class tst_AuditArchiveCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void usageErrors_data();
    void usageErrors();
    void archiveThenVerifyBoth();
    void jsonOutput();
    void tamperedArchiveIsNamedByVerify();

private:
    QTemporaryDir *m_dir = nullptr;
    std::unique_ptr<SqliteAuditStore> m_store;
    QString archiveDir() const { return m_dir->filePath(QStringLiteral("archive")); }
};

void tst_AuditArchiveCommand::init()
{
    m_dir = new QTemporaryDir;
    auto store = SqliteAuditStore::open(m_dir->path(), 64);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    for (int day = 0; day < 10; ++day)
        m_store->append(record(day));
    QVERIFY(m_store->flush().ok());
}

void tst_AuditArchiveCommand::cleanup()
{
    m_store.reset();
    delete m_dir;
    m_dir = nullptr;
}

void tst_AuditArchiveCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("withDefaultDir");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no --before") << QStringList{QStringLiteral("archive")} << true << QStringLiteral("--before is required");
    QTest::newRow("bad date") << QStringList{QStringLiteral("archive"), QStringLiteral("--before"), QStringLiteral("yesterday")} << true
                              << QStringLiteral("--before: expected");
    QTest::newRow("no dir anywhere") << QStringList{QStringLiteral("archive"), QStringLiteral("--before"), QStringLiteral("2025-01-05")}
                                     << false << QStringLiteral("--archive-dir is required");
    QTest::newRow("twice") << QStringList{QStringLiteral("archive"), QStringLiteral("--before"), QStringLiteral("2025-01-05"),
                                          QStringLiteral("--before"), QStringLiteral("2025-01-06")}
                           << true << QStringLiteral("more than once");
    QTest::newRow("verify --archive empty") << QStringList{QStringLiteral("verify"), QStringLiteral("--archive=")} << true
                                            << QStringLiteral("--archive needs one directory");
}

void tst_AuditArchiveCommand::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(bool, withDefaultDir);
    QFETCH(QString, expected);
    const Run r = runAudit(*m_store, withDefaultDir ? archiveDir() : QString(), args);
    QCOMPARE(r.rc, 2);
    QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    QCOMPARE(m_store->query({}).value().size(), 10);
}

void tst_AuditArchiveCommand::archiveThenVerifyBoth()
{
    const Run archived = runAudit(*m_store, archiveDir(), {QStringLiteral("archive"), QStringLiteral("--before"), QStringLiteral("2025-01-05")});
    QCOMPARE(archived.rc, 0);
    QVERIFY2(archived.out.contains(QLatin1String("archived 4 record(s)")), qPrintable(archived.out));
    QVERIFY(archived.out.contains(QLatin1String("audit-000000000001-000000000004.jsonl")));

    const Run live = runAudit(*m_store, archiveDir(), {QStringLiteral("verify")});
    QCOMPARE(live.rc, 0);
    QVERIFY2(live.out.contains(QLatin1String("6 record(s)")), qPrintable(live.out));
    QVERIFY(live.out.contains(QLatin1String("chain anchor")));

    const Run whole = runAudit(*m_store, archiveDir(), {QStringLiteral("verify"), QStringLiteral("--archive"), archiveDir()});
    QCOMPARE(whole.rc, 0);
    QVERIFY2(whole.out.contains(QLatin1String("10 record(s)")), qPrintable(whole.out));
    QVERIFY(whole.out.contains(QLatin1String("4 archived record(s) in 1 file(s) and 6 live record(s)")));

    const Run nothing = runAudit(*m_store, archiveDir(), {QStringLiteral("archive"), QStringLiteral("--before"), QStringLiteral("2025-01-05")});
    QCOMPARE(nothing.rc, 0);
    QVERIFY(nothing.out.contains(QLatin1String("nothing to archive")));
}

void tst_AuditArchiveCommand::jsonOutput()
{
    const QString other = m_dir->filePath(QStringLiteral("elsewhere"));
    const Run archived = runAudit(*m_store, archiveDir(), {QStringLiteral("archive"), QStringLiteral("--before"),
                                                           QStringLiteral("2025-01-03T12:00:00Z"), QStringLiteral("--archive-dir"), other,
                                                           QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(archived.rc, 0);
    const QJsonObject o = QJsonDocument::fromJson(archived.out.toUtf8()).array().first().toObject();
    QCOMPARE(o.value(QStringLiteral("records")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("files")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("anchor")).toString().size(), 64);
    QVERIFY(!QDir(archiveDir()).exists());
    const Run whole = runAudit(*m_store, archiveDir(), {QStringLiteral("verify"), QStringLiteral("--archive"), other,
                                                        QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(whole.rc, 0);
    const QJsonObject v = QJsonDocument::fromJson(whole.out.toUtf8()).array().first().toObject();
    QCOMPARE(v.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(v.value(QStringLiteral("archived_records")).toInt(), 2);
    QCOMPARE(v.value(QStringLiteral("live_records")).toInt(), 8);
    QCOMPARE(v.value(QStringLiteral("records_checked")).toInt(), 10);
}

void tst_AuditArchiveCommand::tamperedArchiveIsNamedByVerify()
{
    QCOMPARE(runAudit(*m_store, archiveDir(), {QStringLiteral("archive"), QStringLiteral("--before"), QStringLiteral("2025-01-05")}).rc, 0);
    const QString file = QDir(archiveDir()).filePath(QStringLiteral("audit-000000000001-000000000004.jsonl"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    QVERIFY(bytes.contains("\"tokens_in\":12"));
    bytes.replace("\"tokens_in\":12", "\"tokens_in\":99");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();
    // The live trail alone still verifies; with the archive the altered line is named.
    QCOMPARE(runAudit(*m_store, archiveDir(), {QStringLiteral("verify")}).rc, 0);
    const Run whole = runAudit(*m_store, archiveDir(), {QStringLiteral("verify"), QStringLiteral("--archive"), archiveDir()});
    QCOMPARE(whole.rc, 1);
    QVERIFY2(whole.out.contains(QLatin1String("audit-000000000001-000000000004.jsonl line 4")), qPrintable(whole.out));
    QVERIFY(whole.out.contains(QLatin1String("req-2")));
    QVERIFY(whole.out.contains(QLatin1String("altered")));
}

QTEST_GUILESS_MAIN(tst_AuditArchiveCommand)
#include "tst_auditarchivecommand.moc"
