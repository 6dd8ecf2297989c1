// SPDX-License-Identifier: Apache-2.0
#include "Pipeline.h"
#include "ApiError.h"
#include "DecisionTrace.h"
#include "RoutingMetrics.h"
#include "routing/WaitQueue.h"
#include "observe/AuditStore.h"
#include "observe/ContentStore.h"
#include "observe/MeasuredVolume.h"
#include "observe/MetricsRegistry.h"
#include "observe/AlertEvaluator.h"
#include "observe/RemoteSink.h"
#include "observe/SinkRecordFormat.h"
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPipeline, "perimeter.pipeline")

namespace perimeter::gateway {

Pipeline::Pipeline(GatewayContext &context, QObject *parent) : QObject(parent), m_context(context) {}
Pipeline::~Pipeline() = default;

void Pipeline::addStage(std::unique_ptr<Stage> stage)
{
    m_stages.push_back(std::move(stage));
}

void Pipeline::run(const std::shared_ptr<Exchange> &exchange)
{
    while (exchange->nextStage < int(m_stages.size())) {
        if (exchange->finished)
            return; // the client went away while a stage was pending
        Stage &stage = *m_stages[size_t(exchange->nextStage)];
        ++exchange->nextStage;
        QElapsedTimer t;
        t.start();
        const StageStatus status = stage.run(exchange, *this);
        exchange->stageNs[QString::fromLatin1(stage.name())] += t.nsecsElapsed();
        switch (status) {
        case StageStatus::Continue:
            continue;
        case StageStatus::Respond:
            respondWithError(exchange);
            return;
        case StageStatus::Pending:
            return;
        }
    }
}

StageStatus Pipeline::reject(Exchange &exchange, int status, const QString &code, const QString &message)
{
    exchange.status = status;
    exchange.decision = QStringLiteral("rejected");
    exchange.reason = code;
    exchange.errorMessage = message;
    return StageStatus::Respond;
}

StageStatus Pipeline::fail(Exchange &exchange, int status, const QString &code, const QString &message)
{
    exchange.status = status;
    exchange.decision = QStringLiteral("failed");
    exchange.reason = code;
    exchange.errorMessage = message;
    return StageStatus::Respond;
}

http::HttpHeaders Pipeline::perimeterHeaders(const Exchange &exchange)
{
    http::HttpHeaders headers;
    headers.append({QByteArrayLiteral("x-perimeter-request-id"), exchange.requestId.toLatin1()});
    if (exchange.classified)
        headers.append({QByteArrayLiteral("x-perimeter-sensitivity"), sensitivityName(exchange.level).toLatin1()});
    if (exchange.hasTier())
        headers.append({QByteArrayLiteral("x-perimeter-tier"), tierName(exchange.route.tier).toLatin1()});
    return headers;
}

void Pipeline::respondWithError(const std::shared_ptr<Exchange> &exchange)
{
    const QString sensitivity = exchange->classified ? sensitivityName(exchange->level) : QString();
    const QByteArray body = ApiError::body(exchange->status, exchange->reason, exchange->errorMessage,
                                           exchange->requestId, sensitivity, exchange->reason);
    respondJson(exchange, exchange->status, body);
}

void Pipeline::respondJson(const std::shared_ptr<Exchange> &exchange, int status, const QByteArray &json)
{
    exchange->status = status;
    if (exchange->responder && !exchange->responder->isStarted()) {
        auto headers = perimeterHeaders(*exchange);
        headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
        if (status == 401)
            headers.append({QByteArrayLiteral("www-authenticate"), QByteArrayLiteral("Bearer")});
        exchange->responder->send(status, headers, json);
    }
    finish(exchange);
}

void Pipeline::finish(const std::shared_ptr<Exchange> &exchange)
{
    if (exchange->finished)
        return;
    exchange->finished = true;
    exchange->body = nlohmann::json(); // release the payload as early as possible
    if (exchange->queueTicket != 0 && m_context.queue) {
        m_context.queue->remove(exchange->queueTicket);
        exchange->queueTicket = 0;
    }

    observe::AuditRecord r;
    r.requestId = exchange->requestId;
    r.ts = exchange->receivedAt;
    if (exchange->principal) {
        r.caller = exchange->principal->callerId;
        r.team = exchange->principal->team;
    }
    r.endpointPath = exchange->endpointPath;
    r.modelRequested = exchange->model;
    r.modelServed = exchange->modelServed;
    if (exchange->hasTier()) {
        r.tier = tierName(exchange->route.tier);
        r.endpointId = exchange->route.endpointId;
    }
    r.decision = exchange->decision.isEmpty() ? QStringLiteral("failed") : exchange->decision;
    r.reason = exchange->reason.isEmpty() ? QStringLiteral("internal_error") : exchange->reason;
    r.sensitivity = exchange->classified ? sensitivityName(exchange->level) : QString();
    r.findingTypes = exchange->classification.typeCounts();
    r.policyVersion = exchange->snapshot && exchange->snapshot->policy ? exchange->snapshot->policy->version() : QString();
    r.status = exchange->status;
    r.tokensIn = exchange->tokensIn;
    r.tokensOut = exchange->tokensOut;
    r.latencyMs = exchange->clock.elapsed();
    r.upstreamMs = exchange->upstreamMs;
    r.ttftMs = exchange->ttftMs;
    r.streamed = exchange->streamed;
    if (exchange->snapshot) {
        const auto measured = m_context.measuredVolume ? m_context.measuredVolume->current() : nullptr;
        exchange->snapshot->config.costs.apply(r, measured.get());
    }
    // The optional content store keeps on-prem content only (ContentStore.h): the writer
    // thread encrypts it, nothing here touches the disk.
    if (m_context.content && exchange->hasTier() && exchange->route.tier == Tier::OnPrem && !exchange->dryRun) {
        observe::ContentRecord content;
        content.requestId = r.requestId;
        content.ts = r.ts;
        content.tier = r.tier;
        content.model = r.modelServed.isEmpty() ? r.modelRequested : r.modelServed;
        content.streamed = exchange->streamed;
        content.request = exchange->request.body;
        content.response = std::move(exchange->capturedResponse);
        content.responseTruncated = exchange->captureTruncated;
        m_context.content->append(std::move(content));
    }
    r.decisionTrace = DecisionTrace::toBytes(*exchange);
    if (exchange->shadow && m_context.routingMetrics)
        m_context.routingMetrics->shadowEvaluated(exchange->shadow->differences);
    if (m_context.metrics) {
        m_context.metrics->recordRequest(r);
        for (auto it = exchange->stageNs.cbegin(); it != exchange->stageNs.cend(); ++it)
            m_context.metrics->recordStageNs(it.key(), it.value());
    }
    if (m_context.alerts)
        m_context.alerts->record(r);
    if (!m_context.sinks.isEmpty()) {
        // Only the allow-listed fields are handed over (implicitly shared strings); each sink's
        // worker thread formats the JSON line, which costs ~10 us and must not run here.
        const bool modelConfigured = exchange->snapshot && exchange->snapshot->config.model(r.modelRequested);
        observe::SinkRecordFormat::Record fields = observe::SinkRecordFormat::extract(r, modelConfigured);
        for (qsizetype i = 0; i + 1 < m_context.sinks.size(); ++i)
            m_context.sinks.at(i)->append(fields);
        m_context.sinks.constLast()->append(std::move(fields));
    }
    if (m_context.audit && !m_context.audit->append(std::move(r))) {
        ++m_context.auditDropped;
        qCWarning(lcPipeline, "audit queue full: record for request %s dropped", qPrintable(exchange->requestId));
    }
}

} // namespace perimeter::gateway
