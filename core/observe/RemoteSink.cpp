// SPDX-License-Identifier: Apache-2.0
#include "RemoteSink.h"
#include "MetricsRegistry.h"
#include "RemoteSinkWorker.h"
#include <QDir>
#include <QThread>

namespace perimeter::observe {

RemoteSink::RemoteSink(SinkSettings settings) : m_settings(std::move(settings)), m_queue(std::make_shared<RemoteSinkQueue>()) {}

Result<std::unique_ptr<RemoteSink>> RemoteSink::create(const SinkSettings &settings, QByteArray credential, MetricsRegistry *metrics)
{
    auto spool = SinkSpool::open(settings.spoolDir, settings.spoolMaxBytes);
    if (!spool.ok())
        return spool.error();
    std::unique_ptr<RemoteSink> sink(new RemoteSink(settings));
    sink->m_metrics = metrics;
    sink->m_queue->spoolBytes = spool.value().bytes();
    sink->m_queue->spoolRecords = spool.value().records();
    sink->m_thread = new QThread();
    sink->m_thread->setObjectName(QStringLiteral("sink-") + settings.id);
    sink->m_worker = new RemoteSinkWorker(settings, std::move(credential), std::move(spool).value(), sink->m_queue, metrics);
    sink->m_worker->moveToThread(sink->m_thread);
    QObject::connect(sink->m_thread, &QThread::finished, sink->m_worker, &QObject::deleteLater);
    sink->m_thread->start();
    QMetaObject::invokeMethod(sink->m_worker, &RemoteSinkWorker::start, Qt::QueuedConnection);
    return sink;
}

RemoteSink::~RemoteSink()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &RemoteSinkWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

bool RemoteSink::append(SinkRecordFormat::Record record)
{
    return enqueue(RemoteSinkItem(std::in_place_type<SinkRecordFormat::Record>, std::move(record)));
}

bool RemoteSink::append(QByteArray line)
{
    return enqueue(RemoteSinkItem(std::in_place_type<QByteArray>, std::move(line)));
}

bool RemoteSink::enqueue(RemoteSinkItem item)
{
    size_t queued = 0;
    {
        std::lock_guard lock(m_queue->mutex);
        if (m_queue->lines.size() >= size_t(m_settings.queueCapacity)) {
            ++m_queue->droppedQueueFull;
            if (m_metrics)
                m_metrics->recordSinkRecords(m_settings.id, u"dropped_queue_full", 1);
            return false;
        }
        m_queue->lines.push_back(std::move(item));
        queued = m_queue->lines.size();
    }
    ++m_queue->accepted;
    // Wake the worker once per full batch; partial batches leave on its flush timer.
    if (queued >= size_t(m_settings.batchSize) && !m_queue->kickPending.exchange(true))
        QMetaObject::invokeMethod(m_worker, &RemoteSinkWorker::kick, Qt::QueuedConnection);
    return true;
}

qint64 RemoteSink::pendingRecords() const
{
    qint64 memory = 0;
    {
        std::lock_guard lock(m_queue->mutex);
        memory = qint64(m_queue->lines.size());
    }
    return memory + m_queue->inFlightRecords.load() + m_queue->spoolRecords.load();
}

} // namespace perimeter::observe
