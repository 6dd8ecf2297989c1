// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "RemoteSink.h"
#include "SinkSettings.h"
#include "SinkSpool.h"
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace perimeter::observe {

class MetricsRegistry;

// The thread side of RemoteSink (see there); every member is used on the worker thread only.
class RemoteSinkWorker : public QObject {
    Q_OBJECT
public:
    RemoteSinkWorker(SinkSettings settings, QByteArray credential, SinkSpool spool, std::shared_ptr<RemoteSinkQueue> queue,
                     MetricsRegistry *metrics);
    ~RemoteSinkWorker() override;

    // Backoff before attempt n (1-based) of a failing sink: exponential, capped, with "equal
    // jitter" (half fixed, half random) so that many gateways do not retry in lockstep.
    static int backoffDelayMs(int attempt, int initialMs, int maxMs);

public Q_SLOTS:
    void start();
    void kick();
    // Stops sending and spools everything not yet delivered.
    void shutdown();

private:
    struct Batch {
        QByteArray body;
        int records = 0;
        std::optional<SinkSpool::Entry> spoolEntry; // set when replaying the spool
    };
    void pump(bool flushPartial);
    // Moves queued lines to the spool: whole batches, or everything when all is true.
    void spillMemory(bool all);
    void spoolBatch(const QByteArray &body, int records);
    bool takeMemoryBatch(Batch &batch, bool flushPartial);
    // Moves up to one batch of queued items out of the shared queue (a whole batch, or any
    // when partial is true).
    bool takeItems(std::vector<RemoteSinkItem> &items, bool partial);
    // Formats on this thread: the gateway thread only handed the fields over.
    static QByteArray formatBatch(const std::vector<RemoteSinkItem> &items);
    void send(Batch batch);
    void onReplyFinished();
    void updateSpoolGauge();

    SinkSettings m_settings;
    QByteArray m_credential;
    SinkSpool m_spool;
    std::shared_ptr<RemoteSinkQueue> m_queue;
    MetricsRegistry *m_metrics = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    QSslConfiguration m_ssl;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QNetworkReply *m_reply = nullptr;
    Batch m_current;
    int m_attempt = 0;           // consecutive failures
    bool m_backingOff = false;
    bool m_stopped = false;
    bool m_spoolBroken = false;
};

} // namespace perimeter::observe
