// SPDX-License-Identifier: Apache-2.0
#include "cli/AuditCommand.h"
#include "observe/SqliteAuditStore.h"

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
using perimeter::cli::AuditCommand;

namespace {

struct Run {
    int rc = -1;
    QString out;
    QString err;
};

Run runAudit(AuditStore &store, const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.rc = AuditCommand::run(store, args, out, err);
    out.flush();
    err.flush();
    return r;
}

AuditRecord record(int n)
{
    AuditRecord r;
    r.requestId = QStringLiteral("req-%1").arg(n);
    r.ts = QDateTime(QDate(2026, 11, 24), QTime(5, 0), Qt::UTC).addSecs(n);
    r.caller = QStringLiteral("alice");
    r.team = QStringLiteral("risk");
    r.tier = QStringLiteral("onprem");
    r.decision = QStringLiteral("routed");
    r.sensitivity = QStringLiteral("restricted");
    r.status = 200;
    return r;
}

void rawExec(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("tst.verify.raw");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(sql));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

class UnreadableStore final : public AuditStore {
public:
    bool append(AuditRecord) override { return false; }
    Status flush() override { return Ok{}; }
    Result<QList<AuditRecord>> query(const AuditQuery &) const override { return failure(); }
    Result<ChainVerification> verify() const override { return failure(); }
    Result<QList<AuditAggregateRow>> aggregate(const AuditAggregateQuery &) const override { return failure(); }

private:
    static Error failure() { return Error{QStringLiteral("audit_store_error"), QStringLiteral("database is locked")}; }
};

} // namespace

class tst_AuditVerifyCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void intactTrailIsExit0();
    void intactTrailAsJson();
    void brokenTrailIsExit1_data();
    void brokenTrailIsExit1();
    void brokenTrailAsJson();
    void badUsage_data();
    void badUsage();
    void unreadableStoreIsExit1();

private:
    void writeAndReopen();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteAuditStore> m_store;
};

void tst_AuditVerifyCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto store = SqliteAuditStore::open(m_dir->path(), 64);
    QVERIFY(store.ok());
    m_store = std::move(store).value();
    for (int i = 1; i <= 4; ++i)
        QVERIFY(m_store->append(record(i)));
    QVERIFY(m_store->flush().ok());
}

void tst_AuditVerifyCommand::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void tst_AuditVerifyCommand::intactTrailIsExit0()
{
    const Run r = runAudit(*m_store, {QStringLiteral("verify")});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY2(r.out.startsWith(QLatin1String("audit trail verified: 4 record(s), head ")), qPrintable(r.out));
}

void tst_AuditVerifyCommand::intactTrailAsJson()
{
    const Run r = runAudit(*m_store, {QStringLiteral("verify"), QStringLiteral("--format=jsonl")});
    QCOMPARE(r.rc, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("records_checked")).toInt(), 4);
    QCOMPARE(o.value(QStringLiteral("head_hash")).toString().size(), 64);
    QVERIFY(o.value(QStringLiteral("problem")).isNull());
}

void tst_AuditVerifyCommand::brokenTrailIsExit1_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("altered") << QStringLiteral("UPDATE audit_records SET sensitivity = 'public' WHERE request_id = 'req-2'")
                             << QStringLiteral("altered at record 2 (request req-2)");
    QTest::newRow("deleted") << QStringLiteral("DELETE FROM audit_records WHERE request_id = 'req-2'")
                             << QStringLiteral("missing at record 3 (request req-3)");
    QTest::newRow("newest deleted") << QStringLiteral("DELETE FROM audit_records WHERE request_id = 'req-4'")
                                    << QStringLiteral("missing at record 4");
}

void tst_AuditVerifyCommand::brokenTrailIsExit1()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    rawExec(m_store->databasePath(), sql);
    const Run r = runAudit(*m_store, {QStringLiteral("verify")});
    QCOMPARE(r.rc, 1);
    QVERIFY2(r.out.contains(QStringLiteral("audit trail BROKEN: ") + expected), qPrintable(r.out));
    QVERIFY(r.err.contains(QLatin1String("does not verify")));
}

void tst_AuditVerifyCommand::brokenTrailAsJson()
{
    rawExec(m_store->databasePath(), QStringLiteral("UPDATE audit_records SET tokens_in = 1 WHERE request_id = 'req-3'"));
    const Run r = runAudit(*m_store, {QStringLiteral("verify"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.rc, 1);
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8());
    QVERIFY(doc.isArray());
    const QJsonObject o = doc.array().at(0).toObject();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(o.value(QStringLiteral("problem")).toString(), QStringLiteral("altered"));
    QCOMPARE(o.value(QStringLiteral("first_bad_id")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("first_bad_request_id")).toString(), QStringLiteral("req-3"));
}

void tst_AuditVerifyCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("positional") << QStringList{QStringLiteral("verify"), QStringLiteral("extra")};
    QTest::newRow("bad format") << QStringList{QStringLiteral("verify"), QStringLiteral("--format=csv")};
    QTest::newRow("unknown option") << QStringList{QStringLiteral("verify"), QStringLiteral("--fast")};
}

void tst_AuditVerifyCommand::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = runAudit(*m_store, args);
    QCOMPARE(r.rc, 2);
    QVERIFY(r.err.contains(QLatin1String("usage: perimeterctl audit verify")));
}

void tst_AuditVerifyCommand::unreadableStoreIsExit1()
{
    UnreadableStore store;
    const Run r = runAudit(store, {QStringLiteral("verify")});
    QCOMPARE(r.rc, 1);
    QVERIFY(r.err.contains(QLatin1String("database is locked")));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(tst_AuditVerifyCommand)
#include "tst_auditverifycommand.moc"
