// SPDX-License-Identifier: Apache-2.0
#include "WaitQueue.h"
#include <algorithm>

namespace perimeter::routing {

WaitQueue::WaitQueue(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &WaitQueue::expireDue);
}

quint64 WaitQueue::enqueue(int maxRequests, int maxWaitMs, TryDispatch tryDispatch, Expire expire)
{
    if (int(m_entries.size()) >= maxRequests)
        return 0;
    Entry entry;
    entry.ticket = m_nextTicket++;
    entry.deadlineMs = m_clock.elapsed() + qMax(1, maxWaitMs);
    entry.tryDispatch = std::move(tryDispatch);
    entry.expire = std::move(expire);
    m_entries.push_back(std::move(entry));
    arm();
    return m_entries.back().ticket;
}

bool WaitQueue::remove(quint64 ticket)
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(), [ticket](const Entry &e) { return e.ticket == ticket; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    arm();
    return true;
}

void WaitQueue::pump()
{
    // A dispatch runs the pipeline, which may finish another request and pump again: that
    // pass is folded into this loop instead of re-entering it.
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        std::vector<quint64> tickets;
        tickets.reserve(m_entries.size());
        for (const auto &e : m_entries)
            tickets.push_back(e.ticket);
        for (quint64 ticket : tickets) {
            const auto it = std::find_if(m_entries.begin(), m_entries.end(), [ticket](const Entry &e) { return e.ticket == ticket; });
            if (it == m_entries.end())
                continue; // left meanwhile
            const TryDispatch tryDispatch = it->tryDispatch; // the callback may change the queue
            if (tryDispatch())
                remove(ticket);
        }
    } while (m_pumpAgain);
    m_pumping = false;
    arm();
}

void WaitQueue::expireDue()
{
    const qint64 now = m_clock.elapsed();
    for (;;) {
        const auto it = std::find_if(m_entries.begin(), m_entries.end(), [now](const Entry &e) { return e.deadlineMs <= now; });
        if (it == m_entries.end())
            break;
        const Expire expire = std::move(it->expire);
        m_entries.erase(it);
        if (expire)
            expire();
    }
    arm();
}

void WaitQueue::arm()
{
    if (m_entries.empty()) {
        m_timer.stop();
        return;
    }
    qint64 earliest = m_entries.front().deadlineMs;
    for (const auto &e : m_entries)
        earliest = qMin(earliest, e.deadlineMs);
    m_timer.start(int(std::clamp<qint64>(earliest - m_clock.elapsed(), 0, qint64(24) * 3600 * 1000)));
}

} // namespace perimeter::routing
