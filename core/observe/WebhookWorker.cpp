// SPDX-License-Identifier: Apache-2.0
#include "WebhookWorker.h"
#include "OperatorLog.h"
#include "RemoteSinkWorker.h"
#include "WebhookNotifier.h"
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

Q_LOGGING_CATEGORY(lcWebhook, "perimeter.alerts")

namespace perimeter::observe {

namespace {
constexpr int kBackoffMaxMs = 30'000;
}

WebhookWorker::WebhookWorker(AlertWebhookSettings settings, QByteArray credential, std::shared_ptr<WebhookCounters> counters)
    : m_settings(std::move(settings)), m_credential(std::move(credential)), m_counters(std::move(counters))
{
}

WebhookWorker::~WebhookWorker() = default;

void WebhookWorker::enqueue(const QByteArray &body, const QString &rule, const QString &state)
{
    if (m_stopped)
        return;
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_retryTimer = new QTimer(this);
        m_retryTimer->setSingleShot(true);
        connect(m_retryTimer, &QTimer::timeout, this, &WebhookWorker::sendNext);
    }
    m_items.push_back(Item{body, rule, state, 0});
    if (m_items.size() == 1 && !m_reply && !m_retryTimer->isActive())
        sendNext();
}

void WebhookWorker::sendNext()
{
    if (m_stopped || m_reply || m_items.empty())
        return;
    Item &item = m_items.front();
    ++item.attempts;
    QNetworkRequest request(m_settings.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("X-Perimeter-Alert"), item.rule.toUtf8());
    if (!m_credential.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_credential);
    request.setTransferTimeout(m_settings.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_network->post(request, item.body);
    connect(m_reply, &QNetworkReply::finished, this, &WebhookWorker::onFinished);
}

void WebhookWorker::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    if (m_items.empty())
        return;
    Item &item = m_items.front();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
    if (ok) {
        ++m_counters->delivered;
        --m_counters->pending;
        m_items.pop_front();
        sendNext();
        return;
    }
    if (item.attempts >= m_settings.maxAttempts) {
        OperatorLog::event(OperatorLog::Level::Error, lcWebhook(), "alert_webhook_abandoned",
                           {{QStringLiteral("rule"), item.rule}, {QStringLiteral("state"), item.state},
                            {QStringLiteral("attempts"), item.attempts},
                            {QStringLiteral("error"), status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString()}});
        ++m_counters->abandoned;
        --m_counters->pending;
        m_items.pop_front();
        sendNext();
        return;
    }
    m_retryTimer->start(RemoteSinkWorker::backoffDelayMs(item.attempts, m_settings.backoffInitialMs, kBackoffMaxMs));
}

void WebhookWorker::shutdown()
{
    m_stopped = true;
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (!m_items.empty())
        OperatorLog::event(OperatorLog::Level::Warning, lcWebhook(), "alert_webhook_unsent",
                           {{QStringLiteral("events"), qint64(m_items.size())}});
    m_items.clear();
}

} // namespace perimeter::observe
