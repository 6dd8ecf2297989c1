// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Exchange.h"
#include "upstream/SseUsageTracker.h"
#include "upstream/UpstreamFailure.h"
#include "upstream/UpstreamRequest.h"
#include <QObject>
#include <QPointer>

namespace perimeter::upstream { class UpstreamCall; }

namespace perimeter::gateway {

class Pipeline;

// Moves one request's answer from the upstream to the caller, chunk by chunk, and decides
// what an upstream failure becomes: a retry on another permitted endpoint (only while
// nothing has been sent), a 502/504, or a cut stream. Deletes itself when done.
class UpstreamRelay : public QObject {
    Q_OBJECT
public:
    static void start(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline, QByteArray body);

private:
    UpstreamRelay(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline, QByteArray body);
    void attempt();
    void onResponseStarted(int status, const upstream::UpstreamHeaders &headers);
    void onData(const QByteArray &chunk);
    void onFinished();
    void onFailed(const upstream::UpstreamFailure &failure);
    void onClientGone();
    // Ends this attempt's bookkeeping on the endpoint (in-flight, circuit breaker, latency).
    void settleEndpoint(bool success);
    bool retryElsewhere();
    void failRequest(int status, const QString &code, const QString &message);
    void done();

    std::shared_ptr<Exchange> m_exchange;
    Pipeline &m_pipeline;
    QByteArray m_body;
    QPointer<upstream::UpstreamCall> m_call;
    upstream::SseUsageTracker m_usage;
    QString m_endpointId;
    bool m_endpointSettled = true;
    int m_upstreamStatus = 0;
};

} // namespace perimeter::gateway
