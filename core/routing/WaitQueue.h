// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <deque>
#include <functional>

namespace perimeter::routing {

// Requests waiting for capacity, first in first out, bounded in length and in time. Lives on
// the gateway thread and never blocks it: entries are callbacks, retried by pump() whenever
// capacity may have freed (a request finished, an endpoint became healthy, an endpoint's
// reported queue changed) and expired by one timer armed for the earliest deadline.
//
// pump() offers every entry a chance in arrival order; an entry that still cannot go stays
// where it is, so a request waiting for a busy endpoint does not hold back one behind it that
// waits for another endpoint, while requests competing for the same endpoint keep their order.
class WaitQueue : public QObject {
    Q_OBJECT
public:
    // Returns true when the request was dispatched (it leaves the queue).
    using TryDispatch = std::function<bool()>;
    // Called once when the wait is over without a dispatch; the entry has already left.
    using Expire = std::function<void()>;

    explicit WaitQueue(QObject *parent = nullptr);

    // 0 when the queue already holds maxRequests entries (the caller answers no_capacity).
    quint64 enqueue(int maxRequests, int maxWaitMs, TryDispatch tryDispatch, Expire expire);
    // Leaves without dispatch or expiry (the caller went away). False when not queued.
    bool remove(quint64 ticket);
    void pump();
    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        quint64 ticket = 0;
        qint64 deadlineMs = 0;
        TryDispatch tryDispatch;
        Expire expire;
    };
    void expireDue();
    void arm();

    std::deque<Entry> m_entries;
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_nextTicket = 1;
    bool m_pumping = false;
    bool m_pumpAgain = false;
};

} // namespace perimeter::routing
