// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AlertEvent.h"
#include "AlertRule.h"
#include <QByteArray>
#include <atomic>
#include <memory>

class QThread;

namespace perimeter::observe {

class WebhookWorker;

struct WebhookCounters {
    std::atomic<quint64> delivered{0};
    std::atomic<quint64> abandoned{0}; // gave up after maxAttempts
    std::atomic<quint64> pending{0};
};

// POSTs alert events as JSON (AlertEvent::toJson) to the configured webhook, one at a time and
// in order, from its own thread; a failed POST (network error or non-2xx) is retried with
// exponential backoff and jitter up to maxAttempts, then logged and given up, so a dead
// webhook cannot hold later alerts forever. TLS peers are always verified.
class WebhookNotifier {
public:
    WebhookNotifier(AlertWebhookSettings settings, QByteArray credential);
    ~WebhookNotifier(); // abandons what is not sent yet

    WebhookNotifier(const WebhookNotifier &) = delete;
    WebhookNotifier &operator=(const WebhookNotifier &) = delete;

    // Thread-safe, never blocks.
    void notify(const AlertEvent &event);

    quint64 deliveredCount() const { return m_counters->delivered.load(); }
    quint64 abandonedCount() const { return m_counters->abandoned.load(); }
    quint64 pendingCount() const { return m_counters->pending.load(); }

private:
    std::shared_ptr<WebhookCounters> m_counters;
    QThread *m_thread = nullptr;
    WebhookWorker *m_worker = nullptr;
};

} // namespace perimeter::observe
