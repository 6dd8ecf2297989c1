// SPDX-License-Identifier: Apache-2.0
#include "observe/AuditArchiveVerifier.h"
#include "observe/AuditArchiver.h"
#include "observe/AuditChain.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditRetentionWorker.h"
#include "observe/ChainAnchor.h"
#include "observe/SqliteAuditStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <fcntl.h>
#include <functional>
#include <sys/file.h>
#include <unistd.h>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter;
using namespace perimeter::observe;

namespace {

const QDateTime kBase = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

// Record i is i days after kBase, so "before day N" archives records 0..N-1.
AuditRecord makeRecord(int i)
{
    AuditRecord r;
    r.requestId = QStringLiteral("req-%1").arg(i);
    r.ts = kBase.addDays(i);
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = QStringLiteral("llama-70b");
    r.tier = i % 2 ? QStringLiteral("onprem") : QStringLiteral("cloud");
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.sensitivity = QStringLiteral("internal");
    r.findingTypes = {{QStringLiteral("EMAIL_ADDRESS"), i % 3}};
    r.status = 200;
    r.tokensIn = 100 + i;
    r.tokensOut = 7 * i;
    r.latencyMs = 40;
    r.costAmount = 0.001 * i + 0.1;
    r.costBasis = QStringLiteral("list_price");
    if (i % 2)
        r.costCounterfactual = 0.3 / (i + 1);
    return r;
}

class RawConnection {
public:
    explicit RawConnection(const QString &path) : m_name(QStringLiteral("tst.archive.raw.%1").arg(reinterpret_cast<quintptr>(this)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        return q.exec(sql);
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql) || !q.next())
            return QVariant();
        return q.value(0);
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

std::unique_ptr<SqliteAuditStore> openWith(const QString &dir, int records)
{
    auto store = SqliteAuditStore::open(dir, 4096);
    if (!store)
        return nullptr;
    for (int i = 0; i < records; ++i)
        store.value()->append(makeRecord(i));
    if (!store.value()->flush())
        return nullptr;
    return std::move(store).value();
}

QStringList archiveFiles(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("audit-*.jsonl")}, QDir::Files, QDir::Name);
}

// Rewrites one line of a file through a function.
bool editLine(const QString &path, int lineIndex, const std::function<QByteArray(QByteArray)> &edit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    if (lineIndex >= lines.size())
        return false;
    lines[lineIndex] = edit(lines[lineIndex]);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write(lines.join('\n'));
    return true;
}

} // namespace

class tst_AuditArchiver : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void archiveThenVerify_data();
    void archiveThenVerify();
    void archiveFileFormat();
    void newestRecordStaysLive();
    void nothingOldEnough();
    void tamperedArchiveLineIsNamed_data();
    void tamperedArchiveLineIsNamed();
    void missingArchiveIsNamed();
    void tamperedAnchorFails_data();
    void tamperedAnchorFails();
    void restartKeepsTheAnchor();
    void brokenChainIsNotArchived();
    void interruptedRunIsRecovered_data();
    void interruptedRunIsRecovered();
    void retentionWorkerArchives();
    void decisionTracesLeaveWithTheirRecords();
    void concurrentRunIsRefused();
};

void tst_AuditArchiver::archiveThenVerify_data()
{
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("beforeDay");
    QTest::addColumn<int>("perFile");
    QTest::addColumn<int>("expectedArchived");
    QTest::addColumn<int>("expectedFiles");
    QTest::newRow("half, one file") << 20 << 10 << 1000 << 10 << 1;
    QTest::newRow("half, files of 3") << 20 << 10 << 3 << 10 << 4;
    QTest::newRow("all but the newest") << 12 << 100 << 1000 << 11 << 1;
    QTest::newRow("one record") << 5 << 1 << 1000 << 1 << 1;
}

void tst_AuditArchiver::archiveThenVerify()
{
    QFETCH(int, records);
    QFETCH(int, beforeDay);
    QFETCH(int, perFile);
    QFETCH(int, expectedArchived);
    QFETCH(int, expectedFiles);
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), records);
    QVERIFY(store);

    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(beforeDay), perFile);
    QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().message));
    QCOMPARE(run.value().records, qint64(expectedArchived));
    QCOMPARE(run.value().files, expectedFiles);
    QCOMPARE(archiveFiles(archive).size(), expectedFiles);

    auto live = store->query({});
    QVERIFY(live.ok());
    QCOMPARE(live.value().size(), records - expectedArchived);
    QCOMPARE(live.value().first().requestId, QStringLiteral("req-%1").arg(expectedArchived));

    auto verified = store->verify();
    QVERIFY(verified.ok());
    QVERIFY2(verified.value().ok, qPrintable(verified.value().detail));
    QCOMPARE(verified.value().recordsChecked, qint64(records - expectedArchived));
    QCOMPARE(verified.value().baseHash, run.value().anchorHash);

    auto whole = AuditArchiveVerifier::verify(*store, archive);
    QVERIFY(whole.ok());
    QVERIFY2(whole.value().chain.ok, qPrintable(whole.value().chain.detail));
    QCOMPARE(whole.value().chain.recordsChecked, qint64(records));
    QCOMPARE(whole.value().archivedRecords, qint64(expectedArchived));
    QCOMPARE(whole.value().archiveFiles, expectedFiles);

    // The chain goes on after archiving.
    store->append(makeRecord(records));
    QVERIFY(store->flush().ok());
    QVERIFY(store->verify().value().ok);
    QVERIFY(AuditArchiveVerifier::verify(*store, archive).value().chain.ok);
}

void tst_AuditArchiver::archiveFileFormat()
{
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), 6);
    QVERIFY(store);
    auto before = store->query({});
    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(3));
    QVERIFY(run.ok());
    QCOMPARE(run.value().fileNames, QStringList{AuditArchiver::fileNameFor(1, 3)});
    QFile f(QDir(archive).filePath(run.value().fileNames.first()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(int(f.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)), 0);
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 4);
    const QJsonObject manifest = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(manifest.value(QLatin1String("count")).toInt(), 3);
    QCOMPARE(manifest.value(QLatin1String("first_id")).toInt(), 1);
    QCOMPARE(manifest.value(QLatin1String("last_id")).toInt(), 3);
    QCOMPARE(manifest.value(QLatin1String("prev_anchor")).toString(), QString::fromLatin1(AuditChain::genesisHash()));
    QCOMPARE(manifest.value(QLatin1String("first_hash")).toString(), before.value().at(0).hash);
    QCOMPARE(manifest.value(QLatin1String("anchor")).toString(), before.value().at(2).hash);
    QCOMPARE(manifest.value(QLatin1String("last_hash")).toString(), before.value().at(2).hash);
    for (int i = 1; i < 4; ++i) {
        auto record = auditRecordFromJson(QJsonDocument::fromJson(lines[i]).object());
        QVERIFY(record.ok());
        QCOMPARE(record.value().requestId, before.value().at(i - 1).requestId);
        QCOMPARE(record.value().hash, before.value().at(i - 1).hash);
    }
    // The anchor table names the file.
    RawConnection raw(store->databasePath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT archive_file FROM chain_anchor")).toString(), run.value().fileNames.first());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT record_count FROM audit_chain_head")).toInt(), 3);
}

void tst_AuditArchiver::newestRecordStaysLive()
{
    QTemporaryDir tmp;
    auto store = openWith(tmp.path(), 3);
    QVERIFY(store);
    auto run = AuditArchiver::archive(*store, tmp.filePath(QStringLiteral("a")), kBase.addYears(5));
    QVERIFY(run.ok());
    QCOMPARE(run.value().records, qint64(2));
    // A second run has nothing left to take.
    auto again = AuditArchiver::archive(*store, tmp.filePath(QStringLiteral("a")), kBase.addYears(5));
    QVERIFY(again.ok());
    QCOMPARE(again.value().records, qint64(0));
    store->append(makeRecord(3));
    QVERIFY(store->flush().ok());
    RawConnection raw(store->databasePath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(id) FROM audit_records")).toInt(), 4);
    QVERIFY(AuditArchiveVerifier::verify(*store, tmp.filePath(QStringLiteral("a"))).value().chain.ok);
}

void tst_AuditArchiver::nothingOldEnough()
{
    QTemporaryDir tmp;
    auto store = openWith(tmp.path(), 4);
    QVERIFY(store);
    auto run = AuditArchiver::archive(*store, tmp.filePath(QStringLiteral("a")), kBase);
    QVERIFY(run.ok());
    QCOMPARE(run.value().records, qint64(0));
    QVERIFY(archiveFiles(tmp.filePath(QStringLiteral("a"))).isEmpty());
    QCOMPARE(store->verify().value().baseHash, QString::fromLatin1(AuditChain::genesisHash()));
}

void tst_AuditArchiver::tamperedArchiveLineIsNamed_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expectedInDetail");
    QTest::newRow("caller changed") << 2 << QByteArray("\"alice\"") << QByteArray("\"mallory\"") << QStringLiteral("line 3");
    QTest::newRow("tokens changed") << 1 << QByteArray("\"tokens_in\":100") << QByteArray("\"tokens_in\":1") << QStringLiteral("line 2");
    QTest::newRow("line removed") << 3 << QByteArray() << QByteArray() << QStringLiteral("line");
    QTest::newRow("manifest count") << 0 << QByteArray("\"count\":5") << QByteArray("\"count\":4") << QStringLiteral("manifest");
}

void tst_AuditArchiver::tamperedArchiveLineIsNamed()
{
    QFETCH(int, line);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expectedInDetail);
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), 8);
    QVERIFY(store);
    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(5));
    QVERIFY(run.ok());
    const QString file = QDir(archive).filePath(run.value().fileNames.first());
    QVERIFY(editLine(file, line, [&](QByteArray text) {
        if (from.isEmpty())
            return QByteArray();
        const QByteArray edited = text.replace(from, to);
        return edited;
    }));
    auto whole = AuditArchiveVerifier::verify(*store, archive);
    QVERIFY(whole.ok());
    QVERIFY(!whole.value().chain.ok);
    QCOMPARE(whole.value().badFile, run.value().fileNames.first());
    QVERIFY2(whole.value().chain.detail.contains(expectedInDetail), qPrintable(whole.value().chain.detail));
    // The live trail alone is intact.
    QVERIFY(store->verify().value().ok);
}

void tst_AuditArchiver::missingArchiveIsNamed()
{
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), 10);
    QVERIFY(store);
    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(6), 2);
    QVERIFY(run.ok());
    QCOMPARE(run.value().files, 3);
    QVERIFY(QFile::remove(QDir(archive).filePath(run.value().fileNames.at(1))));
    auto whole = AuditArchiveVerifier::verify(*store, archive);
    QVERIFY(whole.ok());
    QVERIFY(!whole.value().chain.ok);
    QCOMPARE(whole.value().chain.problem, ChainVerification::Problem::Missing);
    QVERIFY2(whole.value().chain.detail.contains(run.value().fileNames.at(1)), qPrintable(whole.value().chain.detail));
}

void tst_AuditArchiver::tamperedAnchorFails_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("anchor row hash") << QStringLiteral("UPDATE chain_anchor SET anchor_hash = '%1'");
    QTest::newRow("chain head base") << QStringLiteral("UPDATE audit_chain_head SET base_hash = '%1'");
    QTest::newRow("both, to another value") << QStringLiteral("UPDATE chain_anchor SET anchor_hash = '%1'; UPDATE audit_chain_head SET base_hash = '%1'");
    QTest::newRow("anchor row removed") << QStringLiteral("DELETE FROM chain_anchor -- %1");
}

void tst_AuditArchiver::tamperedAnchorFails()
{
    QFETCH(QString, sql);
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), 8);
    QVERIFY(store);
    QVERIFY(AuditArchiver::archive(*store, archive, kBase.addDays(4)).ok());
    {
        RawConnection raw(store->databasePath());
        for (const QString &statement : sql.arg(QString(64, QLatin1Char('a'))).split(QLatin1Char(';')))
            QVERIFY(raw.exec(statement.trimmed()));
    }
    auto live = store->verify();
    QVERIFY(live.ok());
    QVERIFY(!live.value().ok);
    auto whole = AuditArchiveVerifier::verify(*store, archive);
    QVERIFY(whole.ok());
    QVERIFY(!whole.value().chain.ok);
}

void tst_AuditArchiver::restartKeepsTheAnchor()
{
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    QString anchor;
    {
        auto store = openWith(tmp.path(), 9);
        QVERIFY(store);
        auto run = AuditArchiver::archive(*store, archive, kBase.addDays(4));
        QVERIFY(run.ok());
        anchor = run.value().anchorHash;
    }
    auto reopened = SqliteAuditStore::open(tmp.path(), 16);
    QVERIFY(reopened.ok());
    auto &store = *reopened.value();
    auto v = store.verify();
    QVERIFY(v.ok());
    QVERIFY2(v.value().ok, qPrintable(v.value().detail));
    QCOMPARE(v.value().baseHash, anchor);
    QCOMPARE(v.value().recordsChecked, qint64(5));
    store.append(makeRecord(9));
    QVERIFY(store.flush().ok());
    // A second archive continues the first.
    auto second = AuditArchiver::archive(store, archive, kBase.addDays(7));
    QVERIFY(second.ok());
    QCOMPARE(second.value().records, qint64(3));
    auto whole = AuditArchiveVerifier::verify(store, archive);
    QVERIFY(whole.ok());
    QVERIFY2(whole.value().chain.ok, qPrintable(whole.value().chain.detail));
    QCOMPARE(whole.value().chain.recordsChecked, qint64(10));
    QCOMPARE(whole.value().archiveFiles, 2);
}

void tst_AuditArchiver::brokenChainIsNotArchived()
{
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), 6);
    QVERIFY(store);
    {
        RawConnection raw(store->databasePath());
        QVERIFY(raw.exec(QStringLiteral("UPDATE audit_records SET tokens_in = 1 WHERE request_id = 'req-1'")));
    }
    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(4));
    QVERIFY(!run.ok());
    QVERIFY2(run.error().message.contains(QLatin1String("req-1")), qPrintable(run.error().message));
    QVERIFY(archiveFiles(archive).isEmpty());
    QCOMPARE(store->query({}).value().size(), 6);
}

void tst_AuditArchiver::interruptedRunIsRecovered_data()
{
    QTest::addColumn<bool>("committed");
    QTest::newRow("crash before commit") << false;
    QTest::newRow("crash after commit, before rename") << true;
}

void tst_AuditArchiver::interruptedRunIsRecovered()
{
    QFETCH(bool, committed);
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    auto store = openWith(tmp.path(), 8);
    QVERIFY(store);
    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(3));
    QVERIFY(run.ok());
    const QString file = QDir(archive).filePath(run.value().fileNames.first());
    if (committed) {
        // The file never got its final name.
        QVERIFY(QFile::rename(file, file + QStringLiteral(".partial")));
        auto broken = AuditArchiveVerifier::verify(*store, archive);
        QVERIFY(!broken.value().chain.ok);
        QVERIFY(broken.value().chain.detail.contains(QLatin1String(".partial")));
    } else {
        // A stray partial file no anchor names, as a crash before the commit leaves.
        QFile stray(QDir(archive).filePath(AuditArchiver::fileNameFor(4, 5) + QStringLiteral(".partial")));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("{\"perimeter_audit_archive\":1}\n");
    }
    auto next = AuditArchiver::archive(*store, archive, kBase.addDays(3));
    QVERIFY(next.ok());
    QCOMPARE(next.value().recoveredFiles, committed ? 1 : 0);
    QCOMPARE(next.value().discardedFiles, committed ? 0 : 1);
    QVERIFY(QDir(archive).entryList({QStringLiteral("*.partial")}, QDir::Files).isEmpty());
    auto whole = AuditArchiveVerifier::verify(*store, archive);
    QVERIFY2(whole.value().chain.ok, qPrintable(whole.value().chain.detail));
}

void tst_AuditArchiver::retentionWorkerArchives()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 64);
    QVERIFY(store.ok());
    // Two old records and two from now: the worker's horizon is now - 1 day.
    for (int i = 0; i < 2; ++i)
        store.value()->append(makeRecord(i));
    for (int i = 0; i < 2; ++i) {
        AuditRecord r = makeRecord(10 + i);
        r.ts = QDateTime::currentDateTimeUtc();
        store.value()->append(r);
    }
    QVERIFY(store.value()->flush().ok());
    RetentionSettings settings;
    settings.auditDays = 1;
    settings.archiveDir = tmp.filePath(QStringLiteral("archive"));
    settings.runEveryMinutes = 60;
    {
        AuditRetentionWorker worker(*store.value(), settings);
        QTRY_COMPARE_WITH_TIMEOUT(worker.runs(), quint64(1), 10000);
    }
    QCOMPARE(store.value()->query({}).value().size(), 2);
    QCOMPARE(archiveFiles(settings.archiveDir).size(), 1);
    QVERIFY(AuditArchiveVerifier::verify(*store.value(), settings.archiveDir).value().chain.ok);
}

void tst_AuditArchiver::decisionTracesLeaveWithTheirRecords()
{
    QTemporaryDir tmp;
    auto store = SqliteAuditStore::open(tmp.path(), 64);
    QVERIFY(store.ok());
    for (int i = 0; i < 4; ++i) {
        AuditRecord r = makeRecord(i);
        r.decisionTrace = QByteArrayLiteral("{\"steps\":[]}");
        store.value()->append(r);
    }
    QVERIFY(store.value()->flush().ok());
    RawConnection raw(store.value()->databasePath());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM decision_traces")).toInt(), 4);
    QVERIFY(AuditArchiver::archive(*store.value(), tmp.filePath(QStringLiteral("a")), kBase.addDays(2)).ok());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM decision_traces")).toInt(), 2);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT MIN(request_id) FROM decision_traces")).toString(), QStringLiteral("req-2"));
}

void tst_AuditArchiver::concurrentRunIsRefused()
{
    QTemporaryDir tmp;
    const QString archive = tmp.filePath(QStringLiteral("archive"));
    QVERIFY(QDir().mkpath(archive));
    auto store = openWith(tmp.path(), 5);
    QVERIFY(store);
    const int fd = ::open(QFile::encodeName(QDir(archive).filePath(QStringLiteral(".archive.lock"))).constData(), O_RDWR | O_CREAT, 0600);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX), 0);
    auto refused = AuditArchiver::archive(*store, archive, kBase.addDays(3));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QLatin1String("another archive run")), qPrintable(refused.error().message));
    ::close(fd);
    auto run = AuditArchiver::archive(*store, archive, kBase.addDays(3));
    QVERIFY(run.ok());
    QCOMPARE(run.value().records, qint64(3));
}

QTEST_GUILESS_MAIN(tst_AuditArchiver)
#include "tst_auditarchiver.moc"
