// SPDX-License-Identifier: Apache-2.0
#include "WebhookNotifier.h"
#include "WebhookWorker.h"
#include <QJsonDocument>
#include <QThread>

namespace perimeter::observe {

WebhookNotifier::WebhookNotifier(AlertWebhookSettings settings, QByteArray credential)
    : m_counters(std::make_shared<WebhookCounters>())
{
    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("alert-webhook"));
    m_worker = new WebhookWorker(std::move(settings), std::move(credential), m_counters);
    m_worker->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

WebhookNotifier::~WebhookNotifier()
{
    QMetaObject::invokeMethod(m_worker, &WebhookWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void WebhookNotifier::notify(const AlertEvent &event)
{
    ++m_counters->pending;
    const QByteArray body = QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact);
    WebhookWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, body, rule = event.rule, state = event.stateName()]() { worker->enqueue(body, rule, state); },
                              Qt::QueuedConnection);
}

} // namespace perimeter::observe
