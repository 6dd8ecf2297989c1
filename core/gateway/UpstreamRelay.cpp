// SPDX-License-Identifier: Apache-2.0
#include "UpstreamRelay.h"
#include "Pipeline.h"
#include "RouteStage.h"
#include "ForwardStage.h"
#include "upstream/UpstreamCall.h"
#include "upstream/UpstreamClient.h"
#include "observe/ContentStore.h"
#include "routing/WaitQueue.h"
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRelay, "perimeter.forward")

namespace perimeter::gateway {

void UpstreamRelay::start(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline, QByteArray body)
{
    auto *relay = new UpstreamRelay(exchange, pipeline, std::move(body));
    relay->attempt();
}

UpstreamRelay::UpstreamRelay(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline, QByteArray body)
    : QObject(&pipeline), m_exchange(exchange), m_pipeline(pipeline), m_body(std::move(body))
{
    if (exchange->responder)
        connect(exchange->responder.data(), &http::HttpResponder::clientGone, this, &UpstreamRelay::onClientGone);
}

void UpstreamRelay::attempt()
{
    auto &ex = *m_exchange;
    auto &context = m_pipeline.context();
    const auto *endpoint = ex.snapshot->config.endpoint(ex.route.endpointId);
    if (!endpoint) {
        failRequest(500, QStringLiteral("internal_error"), QStringLiteral("The chosen endpoint is not configured."));
        return;
    }
    ++ex.attempts;
    ex.triedEndpoints.insert(endpoint->id);
    m_endpointId = endpoint->id;

    upstream::UpstreamRequest request;
    QUrl url = endpoint->url;
    url.setPath(url.path() + ex.upstreamSuffix);
    request.url = url;
    request.method = QByteArrayLiteral("POST");
    request.body = m_body;
    request.connectTimeoutMs = endpoint->connectTimeoutMs;
    request.idleTimeoutMs = endpoint->idleTimeoutMs;
    request.totalTimeoutMs = endpoint->timeoutMs;
    request.headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    request.headers.append({QByteArrayLiteral("accept"), ex.stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json")});
    request.headers.append({QByteArrayLiteral("x-request-id"), ex.requestId.toLatin1()});
    // The caller's Authorization header is never copied: each endpoint gets only its own credential.
    if (const auto it = ex.snapshot->credentials.constFind(endpoint->id); it != ex.snapshot->credentials.constEnd())
        request.headers.append({QByteArrayLiteral("authorization"), QByteArrayLiteral("Bearer ") + *it});

    context.endpoints[endpoint->id].requestStarted();
    m_endpointSettled = false;
    m_upstreamStatus = 0;
    m_usage = upstream::SseUsageTracker();
    ex.capturedResponse.clear();
    ex.captureTruncated = false;
    m_call = context.upstream->start(request);
    connect(m_call.data(), &upstream::UpstreamCall::responseStarted, this, &UpstreamRelay::onResponseStarted);
    connect(m_call.data(), &upstream::UpstreamCall::dataReceived, this, &UpstreamRelay::onData);
    connect(m_call.data(), &upstream::UpstreamCall::finished, this, &UpstreamRelay::onFinished);
    connect(m_call.data(), &upstream::UpstreamCall::failed, this, &UpstreamRelay::onFailed);
}

void UpstreamRelay::settleEndpoint(bool success)
{
    if (m_endpointSettled)
        return;
    m_endpointSettled = true;
    auto &context = m_pipeline.context();
    const qint64 latency = m_call ? m_call->msToHeaders() : -1;
    context.endpoints[m_endpointId].requestFinished(success, qMax<qint64>(0, latency), context.nowMs());
    // Capacity freed: requests waiting for it get their chance once this one is settled
    // (queued, so a dispatch never runs in the middle of this relay's own bookkeeping).
    if (context.queue && context.queue->size() > 0)
        QMetaObject::invokeMethod(context.queue, &routing::WaitQueue::pump, Qt::QueuedConnection);
}

void UpstreamRelay::onResponseStarted(int status, const upstream::UpstreamHeaders &headers)
{
    auto &ex = *m_exchange;
    m_upstreamStatus = status;
    if (status >= 500) {
        // The upstream failed: its body (possibly internal details) is not relayed; try another
        // permitted endpoint or answer 502 ourselves.
        auto *call = m_call.data();
        disconnect(call, nullptr, this, nullptr);
        call->abort();
        settleEndpoint(false);
        qCWarning(lcRelay, "request %s: endpoint %s answered %d", qPrintable(ex.requestId), qPrintable(m_endpointId), status);
        if (!retryElsewhere())
            failRequest(502, QStringLiteral("upstream_error"),
                        QStringLiteral("The model endpoint failed (HTTP %1) and no permitted fallback succeeded.").arg(status));
        return;
    }
    if (!ex.responder || ex.responder->isClientGone())
        return;
    auto out = Pipeline::perimeterHeaders(ex);
    QByteArray contentType;
    for (const auto &h : headers) {
        if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
            contentType = h.second;
    }
    out.append({QByteArrayLiteral("content-type"), contentType.isEmpty() ? QByteArrayLiteral("application/json") : contentType});
    if (contentType.startsWith("text/event-stream")) {
        out.append({QByteArrayLiteral("cache-control"), QByteArrayLiteral("no-cache")});
        ex.streamed = true;
    }
    ex.status = status;
    ex.upstreamMs = m_call ? m_call->msToHeaders() : -1;
    ex.responseStarted = true;
    ex.responder->beginStream(status, out);
}

void UpstreamRelay::onData(const QByteArray &chunk)
{
    auto &ex = *m_exchange;
    m_usage.feed(chunk, ex.clock.elapsed());
    // Only for the optional content store, only on-prem, and bounded.
    if (auto *content = m_pipeline.context().content; content && ex.route.tier == Tier::OnPrem && !ex.captureTruncated) {
        const qsizetype room = qsizetype(content->maxBytes()) - ex.capturedResponse.size();
        ex.capturedResponse.append(chunk.left(room));
        ex.captureTruncated = chunk.size() > room;
    }
    if (ex.responder && ex.responseStarted)
        ex.responder->writeChunk(chunk);
}

void UpstreamRelay::onFinished()
{
    auto &ex = *m_exchange;
    m_usage.finish(ex.clock.elapsed());
    settleEndpoint(m_upstreamStatus < 500);
    ex.tokensIn = m_usage.promptTokens();
    ex.tokensOut = m_usage.completionTokens();
    if (m_usage.sawFirstToken())
        ex.ttftMs = m_usage.firstTokenMs();
    if (m_call)
        ex.upstreamMs = m_call->msTotal();
    ex.decision = QStringLiteral("routed");
    ex.reason = m_upstreamStatus < 400 ? QStringLiteral("ok") : QStringLiteral("upstream_status_%1").arg(m_upstreamStatus);
    if (ex.responder && ex.responseStarted)
        ex.responder->endStream();
    done();
}

void UpstreamRelay::onFailed(const upstream::UpstreamFailure &failure)
{
    auto &ex = *m_exchange;
    settleEndpoint(false);
    if (m_call)
        ex.upstreamMs = m_call->msTotal();
    const bool timeout = failure.kind == upstream::UpstreamFailure::Kind::Timeout;
    qCWarning(lcRelay, "request %s: endpoint %s failed: %s", qPrintable(ex.requestId), qPrintable(m_endpointId),
              qPrintable(upstream::UpstreamFailure::kindName(failure.kind)));
    if (!ex.responseStarted) {
        if (retryElsewhere())
            return;
        if (timeout)
            failRequest(504, QStringLiteral("upstream_timeout"), QStringLiteral("The model endpoint did not answer in time."));
        else
            failRequest(502, QStringLiteral("upstream_error"), QStringLiteral("The model endpoint could not be reached or broke the connection."));
        return;
    }
    // Part of the answer is already with the caller: the status cannot change any more. A
    // stream gets an error event; the response is then ended so the caller is not left waiting.
    ex.decision = QStringLiteral("failed");
    ex.reason = timeout ? QStringLiteral("upstream_timeout") : QStringLiteral("upstream_error");
    ex.tokensIn = m_usage.promptTokens();
    ex.tokensOut = m_usage.completionTokens();
    if (ex.responder) {
        if (ex.streamed) {
            const QByteArray event = QByteArrayLiteral("\n\ndata: {\"error\":{\"message\":\"The model endpoint failed during the stream.\",\"type\":\"api_error\",\"code\":\"")
                + ex.reason.toLatin1() + QByteArrayLiteral("\"}}\n\n");
            ex.responder->writeChunk(event);
        }
        ex.responder->abort();
    }
    done();
}

bool UpstreamRelay::retryElsewhere()
{
    auto &ex = *m_exchange;
    if (ex.attempts >= ForwardStage::maxAttempts || !ex.responder || ex.responder->isClientGone())
        return false;
    auto decision = RouteStage::decide(ex, m_pipeline.context());
    if (!decision.ok)
        return false;
    // The router only offers endpoints of the tiers permitted for this request, so a retry can
    // never move data into a tier its sensitivity forbids.
    ex.route.trace.append(QStringLiteral("retry after failure of %1").arg(m_endpointId));
    ex.route.trace.append(decision.trace);
    for (auto c : std::as_const(decision.candidates)) {
        c.attempt = ex.attempts + 1;
        ex.route.candidates.append(c);
    }
    ex.route.endpointId = decision.endpointId;
    ex.route.tier = decision.tier;
    ex.route.choice = QStringLiteral("retry after %1 failed: %2").arg(m_endpointId, decision.choice);
    attempt();
    return true;
}

void UpstreamRelay::failRequest(int status, const QString &code, const QString &message)
{
    Pipeline::fail(*m_exchange, status, code, message);
    m_pipeline.respondWithError(m_exchange);
    done();
}

void UpstreamRelay::onClientGone()
{
    auto &ex = *m_exchange;
    if (ex.finished)
        return;
    if (m_call) {
        auto *call = m_call.data();
        disconnect(call, nullptr, this, nullptr);
        call->abort();
    }
    settleEndpoint(true); // the endpoint did nothing wrong
    ex.tokensIn = m_usage.promptTokens();
    ex.tokensOut = m_usage.completionTokens();
    ex.status = 499; // nginx's code for "client closed the request"
    ex.decision = ex.responseStarted ? QStringLiteral("routed") : QStringLiteral("failed");
    ex.reason = QStringLiteral("client_closed");
    done();
}

void UpstreamRelay::done()
{
    m_pipeline.finish(m_exchange);
    if (m_call)
        disconnect(m_call.data(), nullptr, this, nullptr);
    deleteLater();
}

} // namespace perimeter::gateway
