// SPDX-License-Identifier: Apache-2.0
#include "observe/DecisionReviewStore.h"
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace perimeter;
using perimeter::observe::DecisionReviewStore;

class tst_DecisionReviewStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesBadActions_data();
    void refusesBadActions();
    void latestActionIsTheState();
    void survivesReopen();
    void concurrentMarks();
};

void tst_DecisionReviewStore::refusesBadActions_data()
{
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("reviewer");
    QTest::addColumn<QString>("comment");
    QTest::addColumn<QStringList>("problems");
    QTest::newRow("empty id") << QString() << QStringLiteral("reviewed") << QStringLiteral("ann") << QString() << QStringList{QStringLiteral("request_id")};
    QTest::newRow("long id") << QString(129, QLatin1Char('x')) << QStringLiteral("reviewed") << QStringLiteral("ann") << QString()
                             << QStringList{QStringLiteral("request_id")};
    QTest::newRow("unknown status") << QStringLiteral("req_1") << QStringLiteral("ok") << QStringLiteral("ann") << QString()
                                    << QStringList{QStringLiteral("status")};
    QTest::newRow("flag without comment") << QStringLiteral("req_1") << QStringLiteral("flagged") << QStringLiteral("ann") << QStringLiteral("  ")
                                          << QStringList{QStringLiteral("comment")};
    QTest::newRow("long comment") << QStringLiteral("req_1") << QStringLiteral("reviewed") << QStringLiteral("ann") << QString(2001, QLatin1Char('c'))
                                  << QStringList{QStringLiteral("comment")};
    QTest::newRow("no reviewer") << QStringLiteral("req_1") << QStringLiteral("reviewed") << QString() << QString()
                                 << QStringList{QStringLiteral("reviewer")};
    QTest::newRow("everything wrong") << QString() << QStringLiteral("x") << QString() << QString()
                                      << QStringList{QStringLiteral("request_id"), QStringLiteral("status"), QStringLiteral("reviewer")};
}

void tst_DecisionReviewStore::refusesBadActions()
{
    QFETCH(QString, requestId);
    QFETCH(QString, status);
    QFETCH(QString, reviewer);
    QFETCH(QString, comment);
    QFETCH(QStringList, problems);
    QTemporaryDir dir;
    auto store = DecisionReviewStore::open(dir.path());
    QVERIFY(store.ok());
    auto marked = store.value()->mark(requestId, status, reviewer, comment);
    QVERIFY(!marked.ok());
    QCOMPARE(marked.error().code, QStringLiteral("review_invalid"));
    const QStringList lines = marked.error().message.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), problems.size());
    for (int i = 0; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(problems.at(i) + QLatin1String(": ")), qPrintable(lines.at(i)));
    QVERIFY(store.value()->current().value().isEmpty());
}

void tst_DecisionReviewStore::latestActionIsTheState()
{
    QTemporaryDir dir;
    auto store = DecisionReviewStore::open(dir.path());
    QVERIFY(store.ok());
    auto &s = *store.value();
    QVERIFY(s.mark(QStringLiteral("req_1"), QStringLiteral("reviewed"), QStringLiteral("ann"), QStringLiteral("fine")).ok());
    QVERIFY(s.mark(QStringLiteral("req_2"), QStringLiteral("reviewed"), QStringLiteral("ann"), QString()).ok());
    auto flagged = s.mark(QStringLiteral("req_1"), QStringLiteral("flagged"), QStringLiteral("bob"), QStringLiteral("second look: wrong tier"));
    QVERIFY(flagged.ok());
    QCOMPARE(flagged.value().reviewer, QStringLiteral("bob"));
    QVERIFY(flagged.value().at.isValid());

    auto current = s.current();
    QVERIFY(current.ok());
    QCOMPARE(current.value().size(), 2);
    QCOMPARE(current.value().at(0).requestId, QStringLiteral("req_1")); // newest action first
    QCOMPARE(current.value().at(0).status, QStringLiteral("flagged"));
    QCOMPARE(current.value().at(0).comment, QStringLiteral("second look: wrong tier"));
    QCOMPARE(current.value().at(1).status, QStringLiteral("reviewed"));

    auto log = s.log(QStringLiteral("req_1"));
    QVERIFY(log.ok());
    QCOMPARE(log.value().size(), 2);
    QCOMPARE(log.value().at(0).status, QStringLiteral("reviewed"));
    QCOMPARE(log.value().at(0).reviewer, QStringLiteral("ann"));
    QCOMPARE(log.value().at(1).status, QStringLiteral("flagged"));
    QVERIFY(log.value().at(0).id < log.value().at(1).id);
    QVERIFY(s.log(QStringLiteral("req_unknown")).value().isEmpty());
}

void tst_DecisionReviewStore::survivesReopen()
{
    QTemporaryDir dir;
    {
        auto store = DecisionReviewStore::open(dir.path());
        QVERIFY(store.ok());
        QVERIFY(store.value()->mark(QStringLiteral("req_9"), QStringLiteral("flagged"), QStringLiteral("ann"), QStringLiteral("check")).ok());
    }
    auto store = DecisionReviewStore::open(dir.path());
    QVERIFY(store.ok());
    QCOMPARE(store.value()->current().value().size(), 1);
    QCOMPARE(store.value()->current().value().first().status, QStringLiteral("flagged"));
    QCOMPARE(QFile::permissions(dir.path() + QStringLiteral("/reviews.db")) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
}

void tst_DecisionReviewStore::concurrentMarks()
{
    QTemporaryDir dir;
    auto store = DecisionReviewStore::open(dir.path());
    QVERIFY(store.ok());
    auto *s = store.value().get();
    QList<QFuture<bool>> futures;
    for (int t = 0; t < 4; ++t) {
        futures.append(QtConcurrent::run([s, t]() {
            for (int i = 0; i < 20; ++i) {
                if (!s->mark(QStringLiteral("req_%1").arg(i), QStringLiteral("reviewed"), QStringLiteral("user%1").arg(t), QString()).ok())
                    return false;
            }
            return true;
        }));
    }
    for (auto &f : futures)
        QVERIFY(f.result());
    QCOMPARE(s->current().value().size(), 20);
    QCOMPARE(s->log(QStringLiteral("req_5")).value().size(), 4);
}

QTEST_GUILESS_MAIN(tst_DecisionReviewStore)
#include "tst_decisionreviewstore.moc"
