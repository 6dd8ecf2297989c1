// SPDX-License-Identifier: Apache-2.0
#include "routing/WaitQueue.h"
#include <QElapsedTimer>
#include <QTest>

using namespace perimeter::routing;

// The gateway's capacity queue: FIFO among requests that can go, bounded in length and time,
// and leaving it (caller gone) never dispatches or expires.
class WaitQueueTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dispatchesInArrivalOrder()
    {
        WaitQueue queue;
        int capacity = 0;
        QStringList order;
        for (const char *name : {"a", "b", "c"}) {
            const QString id = QLatin1String(name);
            QVERIFY(queue.enqueue(10, 5000, [&capacity, &order, id]() {
                if (capacity == 0)
                    return false;
                --capacity;
                order.append(id);
                return true;
            }, []() { QFAIL("must not expire"); }) != 0);
        }
        queue.pump();
        QCOMPARE(queue.size(), 3); // nothing freed yet: all still wait
        capacity = 1;
        queue.pump();
        QCOMPARE(order, QStringList{QStringLiteral("a")});
        capacity = 2;
        queue.pump();
        QCOMPARE(order, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(queue.size(), 0);
    }

    void blockedEntryDoesNotHoldBackOthers()
    {
        // The first waits for an endpoint that stays busy; the second can go elsewhere.
        WaitQueue queue;
        bool secondWent = false;
        queue.enqueue(10, 5000, []() { return false; }, []() {});
        queue.enqueue(10, 5000, [&secondWent]() { secondWent = true; return true; }, []() {});
        queue.pump();
        QVERIFY(secondWent);
        QCOMPARE(queue.size(), 1);
    }

    void bound_data()
    {
        QTest::addColumn<int>("maxRequests");
        QTest::addColumn<int>("offered");
        QTest::addColumn<int>("accepted");
        QTest::newRow("no queue") << 0 << 3 << 0;
        QTest::newRow("room for all") << 5 << 3 << 3;
        QTest::newRow("over the bound") << 2 << 5 << 2;
    }

    void bound()
    {
        QFETCH(int, maxRequests);
        QFETCH(int, offered);
        QFETCH(int, accepted);
        WaitQueue queue;
        int n = 0;
        for (int i = 0; i < offered; ++i)
            n += queue.enqueue(maxRequests, 5000, []() { return false; }, []() {}) != 0 ? 1 : 0;
        QCOMPARE(n, accepted);
        QCOMPARE(queue.size(), accepted);
    }

    void expiresAfterMaxWait()
    {
        WaitQueue queue;
        int expired = 0;
        QElapsedTimer clock;
        clock.start();
        queue.enqueue(10, 80, []() { return false; }, [&expired]() { ++expired; });
        queue.enqueue(10, 5000, []() { return false; }, [&expired]() { expired += 100; });
        QTRY_COMPARE_WITH_TIMEOUT(expired, 1, 2000);
        QVERIFY(clock.elapsed() >= 75);
        QCOMPARE(queue.size(), 1); // the longer wait is still running
    }

    void removedEntryNeitherDispatchesNorExpires()
    {
        WaitQueue queue;
        bool called = false;
        const quint64 ticket = queue.enqueue(10, 50, [&called]() { called = true; return true; }, [&called]() { called = true; });
        QVERIFY(queue.remove(ticket));
        QVERIFY(!queue.remove(ticket));
        queue.pump();
        QTest::qWait(120);
        QVERIFY(!called);
    }

    void dispatchMayPumpAgainWithoutRecursion()
    {
        // A dispatch that finishes another request pumps from inside pump(): folded, not nested.
        WaitQueue queue;
        int depth = 0;
        int maxDepth = 0;
        int dispatched = 0;
        for (int i = 0; i < 3; ++i) {
            queue.enqueue(10, 5000, [&]() {
                ++depth;
                maxDepth = qMax(maxDepth, depth);
                ++dispatched;
                queue.pump();
                --depth;
                return true;
            }, []() {});
        }
        queue.pump();
        QCOMPARE(dispatched, 3);
        QCOMPARE(maxDepth, 1);
    }
};

QTEST_GUILESS_MAIN(WaitQueueTest)
#include "tst_waitqueue.moc"
