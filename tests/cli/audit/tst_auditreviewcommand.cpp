// SPDX-License-Identifier: Apache-2.0
#include "cli/AuditReviewCommand.h"
#include "cli/CtlDispatcher.h"
#include "observe/DecisionReviewStore.h"
#include "observe/SqliteAuditStore.h"
#include <QBuffer>
#include <QFile>
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
} // namespace

class AuditReviewCommandTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<observe::SqliteAuditStore> m_audit;

    Run run(const QStringList &args, const QString &reviewer = QStringLiteral("officer"))
    {
        Run r;
        QTextStream out(&r.out);
        QTextStream err(&r.err);
        r.rc = AuditReviewCommand::run(m_dir.path(), *m_audit, reviewer, args, out, err);
        return r;
    }
    QList<observe::DecisionReview> logOf(const QString &requestId)
    {
        auto store = observe::DecisionReviewStore::open(m_dir.path());
        if (!store.ok())
            return {};
        auto log = store.value()->log(requestId);
        return log.ok() ? log.value() : QList<observe::DecisionReview>{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = observe::SqliteAuditStore::open(m_dir.path(), 64);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        m_audit = std::move(opened).value();
        for (const char *id : {"req_a", "req_b"}) {
            observe::AuditRecord r;
            r.requestId = QString::fromLatin1(id);
            r.ts = QDateTime::currentDateTimeUtc();
            r.decision = QStringLiteral("routed");
            r.reason = QStringLiteral("ok");
            r.status = 200;
            QVERIFY(m_audit->append(r));
        }
        QVERIFY(m_audit->flush().ok());
    }

    void recordsVerdictsAndKeepsTheLog()
    {
        const Run reviewed = run({QStringLiteral("req_a"), QStringLiteral("--status"), QStringLiteral("reviewed")});
        QCOMPARE(reviewed.rc, 0);
        QVERIFY2(reviewed.out.startsWith(QLatin1String("req_a: reviewed by officer at ")), qPrintable(reviewed.out));
        QVERIFY(reviewed.err.isEmpty());
        const Run flagged = run({QStringLiteral("req_a"), QStringLiteral("--status"), QStringLiteral("flagged"), QStringLiteral("--comment"),
                                 QStringLiteral("cloud route for a contract draft")},
                                QStringLiteral("second-officer"));
        QCOMPARE(flagged.rc, 0);
        const auto log = logOf(QStringLiteral("req_a"));
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).status, QStringLiteral("reviewed"));
        QCOMPARE(log.at(0).reviewer, QStringLiteral("officer"));
        QCOMPARE(log.at(1).status, QStringLiteral("flagged"));
        QCOMPARE(log.at(1).reviewer, QStringLiteral("second-officer"));
        QCOMPARE(log.at(1).comment, QStringLiteral("cloud route for a contract draft"));
        // The current state is the latest verdict.
        auto store = observe::DecisionReviewStore::open(m_dir.path());
        QVERIFY(store.ok());
        auto current = store.value()->current();
        QVERIFY(current.ok());
        bool found = false;
        for (const auto &review : current.value()) {
            if (review.requestId == QLatin1String("req_a")) {
                QCOMPARE(review.status, QStringLiteral("flagged"));
                found = true;
            }
        }
        QVERIFY(found);
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("rc");
        QTest::addColumn<QStringList>("messages");
        const QString status = QStringLiteral("--status");
        QTest::newRow("no request id") << QStringList{status, QStringLiteral("reviewed")} << 2
                                       << QStringList{QStringLiteral("a REQUEST_ID is required")};
        QTest::newRow("no status") << QStringList{QStringLiteral("req_b")} << 2 << QStringList{QStringLiteral("--status is required")};
        QTest::newRow("unknown status") << QStringList{QStringLiteral("req_b"), status, QStringLiteral("approved")} << 2
                                        << QStringList{QStringLiteral("--status must be one of reviewed, flagged")};
        QTest::newRow("flag without comment") << QStringList{QStringLiteral("req_b"), status, QStringLiteral("flagged")} << 2
                                              << QStringList{QStringLiteral("--comment is required with --status flagged")};
        QTest::newRow("every problem at once") << QStringList{status, QStringLiteral("flagged"), QStringLiteral("--comment"), QString(2001, QLatin1Char('x'))}
                                               << 2
                                               << QStringList{QStringLiteral("a REQUEST_ID is required"), QStringLiteral("at most 2000 characters")};
        QTest::newRow("two request ids") << QStringList{QStringLiteral("req_a"), QStringLiteral("req_b"), status, QStringLiteral("reviewed")} << 2
                                         << QStringList{QStringLiteral("exactly one REQUEST_ID")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("req_b"), QStringLiteral("--stauts"), QStringLiteral("reviewed")} << 2
                                        << QStringList{QStringLiteral("stauts")};
        QTest::newRow("request id not in the trail") << QStringList{QStringLiteral("req_typo"), status, QStringLiteral("reviewed")} << 1
                                                     << QStringList{QStringLiteral("no audit record for request req_typo")};
    }

    void refusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, rc);
        QFETCH(QStringList, messages);
        const Run r = run(args);
        QCOMPARE(r.rc, rc);
        for (const QString &message : messages)
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Nothing was recorded for a refused verdict.
        QVERIFY(logOf(QStringLiteral("req_b")).isEmpty());
        QVERIFY(logOf(QStringLiteral("req_typo")).isEmpty());
    }

    // The whole path: perimeterctl --config FILE audit review, data_dir from the config.
    void perimeterctlRecordsAVerdict()
    {
        const QString config = m_dir.filePath(QStringLiteral("perimeter.json"));
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const QJsonObject o{
                {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), 0}}},
                {QStringLiteral("data_dir"), m_dir.path()},
                {QStringLiteral("endpoints"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("gpu-1")},
                                                                     {QStringLiteral("tier"), QStringLiteral("onprem")},
                                                                     {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9101/v1")}}}},
                {QStringLiteral("models"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("llama-70b")},
                                                                  {QStringLiteral("kind"), QStringLiteral("chat")},
                                                                  {QStringLiteral("endpoints"), QJsonArray{QStringLiteral("gpu-1")}}}}},
            };
            f.write(QJsonDocument(o).toJson());
        }
        Run r;
        {
            QTextStream out(&r.out);
            QTextStream err(&r.err);
            QBuffer in;
            in.open(QIODevice::ReadOnly);
            r.rc = CtlDispatcher::run({QStringLiteral("--config"), config, QStringLiteral("audit"), QStringLiteral("review"), QStringLiteral("req_b"),
                                       QStringLiteral("--status"), QStringLiteral("reviewed"), QStringLiteral("--comment"), QStringLiteral("checked")},
                                      out, err, in);
        }
        QVERIFY2(r.rc == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("req_b: reviewed by ")), qPrintable(r.out));
        const auto log = logOf(QStringLiteral("req_b"));
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().comment, QStringLiteral("checked"));
        QCOMPARE(log.first().reviewer, AuditReviewCommand::currentUser());
    }

    void helpPrintsUsage()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.rc, 0);
        QVERIFY(r.out.contains(QLatin1String("usage: perimeterctl audit review REQUEST_ID")));
    }
};

QTEST_MAIN(AuditReviewCommandTest)
#include "tst_auditreviewcommand.moc"
