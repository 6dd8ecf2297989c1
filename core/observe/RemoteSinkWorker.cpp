// SPDX-License-Identifier: Apache-2.0
#include "RemoteSinkWorker.h"
#include "MetricsRegistry.h"
#include "OperatorLog.h"
#include "RemoteSink.h"
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>

Q_LOGGING_CATEGORY(lcSink, "perimeter.sink")

namespace perimeter::observe {

namespace {
const QString kDelivered = QStringLiteral("delivered");
const QString kSpooled = QStringLiteral("spooled");
const QString kDroppedSpoolFull = QStringLiteral("dropped_spool_full");
} // namespace

RemoteSinkWorker::RemoteSinkWorker(SinkSettings settings, QByteArray credential, SinkSpool spool,
                                   std::shared_ptr<RemoteSinkQueue> queue, MetricsRegistry *metrics)
    : m_settings(std::move(settings)), m_credential(std::move(credential)), m_spool(std::move(spool)), m_queue(std::move(queue)),
      m_metrics(metrics)
{
}

RemoteSinkWorker::~RemoteSinkWorker() = default;

int RemoteSinkWorker::backoffDelayMs(int attempt, int initialMs, int maxMs)
{
    double delay = double(initialMs);
    for (int i = 1; i < attempt && delay < maxMs; ++i)
        delay *= 2;
    const int capped = int(qMin(delay, double(maxMs)));
    const int half = qMax(1, capped / 2);
    return half + int(QRandomGenerator::global()->bounded(half + 1));
}

void RemoteSinkWorker::start()
{
    m_network = new QNetworkAccessManager(this);
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caFile.isEmpty()) {
        auto cas = m_ssl.caCertificates();
        cas += QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        m_ssl.setCaCertificates(cas);
    }
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(m_settings.flushMs);
    connect(m_flushTimer, &QTimer::timeout, this, [this]() { pump(true); });
    m_flushTimer->start();
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this]() {
        m_backingOff = false;
        pump(true);
    });
    updateSpoolGauge();
    if (!m_spool.isEmpty())
        OperatorLog::event(OperatorLog::Level::Info, lcSink(), "sink_spool_replay",
                           {{QStringLiteral("sink"), m_settings.id}, {QStringLiteral("records"), m_spool.records()},
                            {QStringLiteral("bytes"), m_spool.bytes()}});
    pump(true);
}

void RemoteSinkWorker::kick()
{
    m_queue->kickPending = false;
    pump(false);
}

void RemoteSinkWorker::updateSpoolGauge()
{
    m_queue->spoolBytes = m_spool.bytes();
    m_queue->spoolRecords = m_spool.records();
    if (m_metrics)
        m_metrics->setSinkSpoolBytes(m_settings.id, m_spool.bytes());
}

void RemoteSinkWorker::spoolBatch(const QByteArray &body, int records)
{
    auto outcome = m_spool.append(body, records);
    if (!outcome.ok()) {
        // The spool's disk failed: these records cannot be kept anywhere.
        m_queue->droppedSpoolFull += quint64(records);
        if (m_metrics)
            m_metrics->recordSinkRecords(m_settings.id, kDroppedSpoolFull, records);
        if (!m_spoolBroken)
            OperatorLog::event(OperatorLog::Level::Error, lcSink(), "sink_spool_write_failed",
                               {{QStringLiteral("sink"), m_settings.id}, {QStringLiteral("records_lost"), records},
                                {QStringLiteral("error"), outcome.error().message}});
        m_spoolBroken = true;
        return;
    }
    m_spoolBroken = false;
    m_queue->spooled += quint64(records);
    if (m_metrics)
        m_metrics->recordSinkRecords(m_settings.id, kSpooled, records);
    if (outcome.value().droppedRecords > 0) {
        m_queue->droppedSpoolFull += quint64(outcome.value().droppedRecords);
        if (m_metrics)
            m_metrics->recordSinkRecords(m_settings.id, kDroppedSpoolFull, double(outcome.value().droppedRecords));
        OperatorLog::event(OperatorLog::Level::Warning, lcSink(), "sink_spool_full",
                           {{QStringLiteral("sink"), m_settings.id},
                            {QStringLiteral("records_lost"), outcome.value().droppedRecords},
                            {QStringLiteral("files_dropped"), outcome.value().droppedFiles},
                            {QStringLiteral("spool_max_bytes"), m_spool.maxBytes()},
                            {QStringLiteral("note"), QStringLiteral("the spool is bounded on purpose; the oldest undelivered records were deleted")}});
    }
    updateSpoolGauge();
}

bool RemoteSinkWorker::takeItems(std::vector<RemoteSinkItem> &items, bool partial)
{
    // Only the hand-over happens under the mutex: formatting a batch there would make the
    // gateway thread wait for it in append().
    items.clear();
    std::lock_guard lock(m_queue->mutex);
    auto &lines = m_queue->lines;
    if (lines.empty() || (!partial && lines.size() < size_t(m_settings.batchSize)))
        return false;
    while (!lines.empty() && int(items.size()) < m_settings.batchSize) {
        items.push_back(std::move(lines.front()));
        lines.pop_front();
    }
    // Counted in flight in the same step, so that pendingRecords() never misses them while
    // they are being formatted (nothing else is in flight when this runs).
    m_queue->inFlightRecords = qint64(items.size());
    return true;
}

QByteArray RemoteSinkWorker::formatBatch(const std::vector<RemoteSinkItem> &items)
{
    QByteArray body;
    for (const RemoteSinkItem &item : items) {
        if (const auto *record = std::get_if<SinkRecordFormat::Record>(&item))
            body += SinkRecordFormat::toJsonLine(*record);
        else
            body += std::get<QByteArray>(item);
        body += '\n';
    }
    return body;
}

void RemoteSinkWorker::spillMemory(bool all)
{
    std::vector<RemoteSinkItem> items;
    while (takeItems(items, all)) {
        spoolBatch(formatBatch(items), int(items.size()));
        m_queue->inFlightRecords = 0;
    }
}

bool RemoteSinkWorker::takeMemoryBatch(Batch &batch, bool flushPartial)
{
    std::vector<RemoteSinkItem> items;
    if (!takeItems(items, flushPartial))
        return false;
    batch = Batch{};
    batch.records = int(items.size());
    batch.body = formatBatch(items);
    return true;
}

void RemoteSinkWorker::pump(bool flushPartial)
{
    if (m_stopped || m_reply)
        return;
    if (m_backingOff || !m_spool.isEmpty()) {
        // Older records wait in the spool (or the sink is down): newer ones queue behind them
        // on disk, in whole batches, or all of them once they have waited a flush interval.
        spillMemory(flushPartial && m_backingOff);
        if (m_backingOff)
            return;
    }
    if (auto entry = m_spool.oldest()) {
        auto body = m_spool.read(*entry);
        if (!body.ok()) {
            OperatorLog::event(OperatorLog::Level::Error, lcSink(), "sink_spool_unreadable",
                               {{QStringLiteral("sink"), m_settings.id}, {QStringLiteral("records_lost"), entry->records},
                                {QStringLiteral("error"), body.error().message}});
            m_queue->droppedSpoolFull += quint64(entry->records);
            if (m_metrics)
                m_metrics->recordSinkRecords(m_settings.id, kDroppedSpoolFull, entry->records);
            m_spool.remove(*entry);
            updateSpoolGauge();
            QMetaObject::invokeMethod(this, [this]() { pump(true); }, Qt::QueuedConnection);
            return;
        }
        Batch batch;
        batch.body = std::move(body).value();
        batch.records = entry->records;
        batch.spoolEntry = entry;
        send(std::move(batch));
        return;
    }
    Batch batch;
    if (takeMemoryBatch(batch, flushPartial))
        send(std::move(batch));
}

void RemoteSinkWorker::send(Batch batch)
{
    QNetworkRequest request(m_settings.url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-ndjson"));
    request.setRawHeader(QByteArrayLiteral("X-Perimeter-Sink"), m_settings.id.toUtf8());
    request.setRawHeader(QByteArrayLiteral("X-Perimeter-Records"), QByteArray::number(batch.records));
    if (!m_credential.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_credential);
    request.setTransferTimeout(m_settings.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_settings.url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(m_ssl);
    m_current = std::move(batch);
    m_queue->inFlightRecords = m_current.records;
    m_reply = m_network->post(request, m_current.body);
    connect(m_reply, &QNetworkReply::finished, this, &RemoteSinkWorker::onReplyFinished);
}

void RemoteSinkWorker::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    Batch batch = std::move(m_current);
    m_current = Batch{};
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
    if (ok) {
        if (batch.spoolEntry) {
            m_spool.remove(*batch.spoolEntry);
            updateSpoolGauge();
        }
        m_queue->inFlightRecords = 0;
        m_queue->delivered += quint64(batch.records);
        if (m_metrics)
            m_metrics->recordSinkRecords(m_settings.id, kDelivered, batch.records);
        if (m_attempt > 0)
            OperatorLog::event(OperatorLog::Level::Info, lcSink(), "sink_recovered",
                               {{QStringLiteral("sink"), m_settings.id}, {QStringLiteral("failed_attempts"), m_attempt},
                                {QStringLiteral("spooled_records"), m_spool.records()}});
        m_attempt = 0;
        pump(!m_spool.isEmpty());
        return;
    }
    if (!batch.spoolEntry && !m_stopped)
        spoolBatch(batch.body, batch.records);
    m_queue->inFlightRecords = 0;
    if (m_stopped)
        return;
    ++m_attempt;
    const int delay = backoffDelayMs(m_attempt, m_settings.backoffInitialMs, m_settings.backoffMaxMs);
    // One line per outage and then every 10th attempt: a dead sink must not flood the log.
    if (m_attempt == 1 || m_attempt % 10 == 0)
        OperatorLog::event(OperatorLog::Level::Warning, lcSink(), "sink_delivery_failed",
                           {{QStringLiteral("sink"), m_settings.id}, {QStringLiteral("attempt"), m_attempt},
                            {QStringLiteral("http_status"), status},
                            {QStringLiteral("error"), status ? QStringLiteral("HTTP %1").arg(status) : reply->errorString()},
                            {QStringLiteral("retry_in_ms"), delay}, {QStringLiteral("spooled_records"), m_spool.records()}});
    m_backingOff = true;
    m_retryTimer->start(delay);
}

void RemoteSinkWorker::shutdown()
{
    m_stopped = true;
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_retryTimer)
        m_retryTimer->stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        // A batch from memory that was on its way is kept; a spool batch is still on disk.
        if (!m_current.spoolEntry)
            spoolBatch(m_current.body, m_current.records);
        m_current = Batch{};
        m_queue->inFlightRecords = 0;
    }
    spillMemory(true);
    {
        std::lock_guard lock(m_queue->mutex);
        // Records refused by a broken spool are already counted; nothing may stay unaccounted.
        m_queue->lines.clear();
    }
    updateSpoolGauge();
}

} // namespace perimeter::observe
