// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AlertRule.h"
#include <QByteArray>
#include <QObject>
#include <deque>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace perimeter::observe {

struct WebhookCounters;

// The thread side of WebhookNotifier; used on its worker thread only.
class WebhookWorker : public QObject {
    Q_OBJECT
public:
    WebhookWorker(AlertWebhookSettings settings, QByteArray credential, std::shared_ptr<WebhookCounters> counters);
    ~WebhookWorker() override;

public Q_SLOTS:
    void enqueue(const QByteArray &body, const QString &rule, const QString &state);
    void shutdown();

private:
    struct Item {
        QByteArray body;
        QString rule;
        QString state;
        int attempts = 0;
    };
    void sendNext();
    void onFinished();

    AlertWebhookSettings m_settings;
    QByteArray m_credential;
    std::shared_ptr<WebhookCounters> m_counters;
    QNetworkAccessManager *m_network = nullptr;
    QTimer *m_retryTimer = nullptr;
    QNetworkReply *m_reply = nullptr;
    std::deque<Item> m_items;
    bool m_stopped = false;
};

} // namespace perimeter::observe
