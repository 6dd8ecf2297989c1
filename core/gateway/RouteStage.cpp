// SPDX-License-Identifier: Apache-2.0
#include "RouteStage.h"
#include "Pipeline.h"
#include "RoutingMetrics.h"
#include "ShadowEvaluator.h"
#include "routing/WaitQueue.h"
#include <QPointer>

namespace perimeter::gateway {

routing::Router::Request RouteStage::routerRequest(const Exchange &exchange, Sensitivity level, const QList<Tier> &tiers,
                                                   double overflowThreshold)
{
    routing::Router::Request request;
    request.model = exchange.model;
    request.kind = exchange.pathKind;
    request.level = level;
    request.permittedTiers = tiers;
    // Name the finding types that set the level (not every type found): they are the reason.
    for (const auto &f : exchange.classification.findings) {
        if (f.level == level && !request.findingTypes.contains(f.type))
            request.findingTypes.append(f.type);
    }
    if (exchange.classification.failedClosed)
        request.findingTypes.append(QStringLiteral("unscannable payload"));
    if (exchange.callerLabel && *exchange.callerLabel == level && request.findingTypes.isEmpty())
        request.findingTypes.append(QStringLiteral("caller label"));
    request.exclude = exchange.triedEndpoints;
    request.latencyLow = exchange.latencyLow;
    request.overflowThreshold = overflowThreshold;
    return request;
}

routing::RouteDecision RouteStage::decide(const Exchange &exchange, const GatewayContext &context)
{
    const auto request = routerRequest(exchange, exchange.level, exchange.permittedTiers, exchange.snapshot->policy->overflowThreshold());
    auto decision = routing::Router::route(exchange.snapshot->config, request, context.endpoints, context.nowMs());
    if (!exchange.policyNote.isEmpty())
        decision.trace.prepend(exchange.policyNote);
    return decision;
}

StageStatus RouteStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline)
{
    // A model the policy reserves for other teams answers like an unknown one: its existence
    // is not disclosed to callers who may not use it.
    const QString caller = exchange->principal ? exchange->principal->callerId : QString();
    const QString team = exchange->principal ? exchange->principal->team : QString();
    if (!exchange->snapshot->policy->modelAllowed(exchange->model, caller, team)) {
        exchange->shadow = ShadowEvaluator::evaluate(*exchange, pipeline.context(), false, QStringLiteral("model_not_found"), std::nullopt);
        return Pipeline::reject(*exchange, 404, QStringLiteral("model_not_found"),
                                QStringLiteral("The model '%1' does not exist or is not available to you.").arg(exchange->model));
    }

    auto decision = decide(*exchange, pipeline.context());
    exchange->shadow = ShadowEvaluator::evaluate(*exchange, pipeline.context(), decision.ok, decision.ok ? QStringLiteral("ok") : decision.reason,
                                                 decision.ok ? std::optional<Tier>(decision.tier) : std::nullopt);
    if (!decision.ok) {
        const bool queueable = decision.reason == QLatin1String("no_capacity") && decision.atCapacity
            && exchange->snapshot->policy->queue().maxRequests > 0;
        if (queueable && !exchange->dryRun && pipeline.context().queue)
            return enqueue(exchange, pipeline, std::move(decision));
        if (queueable && exchange->dryRun)
            decision.trace.append(QStringLiteral("every permitted endpoint is at capacity: a real request would wait in the queue "
                                                 "(at most %1 ms) before 503 no_capacity")
                                      .arg(exchange->snapshot->policy->queue().maxWaitMs));
        const int status = decision.status;
        const QString reason = decision.reason;
        const QString message = decision.message;
        exchange->route = std::move(decision);
        exchange->route.ok = false;
        return Pipeline::reject(*exchange, status, reason, message);
    }
    exchange->route = std::move(decision);
    exchange->modelServed = exchange->model;
    return StageStatus::Continue;
}

StageStatus RouteStage::enqueue(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline, routing::RouteDecision decision)
{
    auto &context = pipeline.context();
    const auto &settings = exchange->snapshot->policy->queue();
    const QString message = decision.message;
    exchange->route = std::move(decision);
    exchange->route.ok = false;
    exchange->queuedAtMs = context.nowMs();
    QPointer<Pipeline> guard(&pipeline);
    auto waited = [exchange, guard]() { return guard ? guard->context().nowMs() - exchange->queuedAtMs : qint64(0); };

    // Dispatch when a permitted endpoint has room again; exactly the rules of the first try.
    auto tryDispatch = [exchange, guard, waited]() {
        if (!guard || exchange->finished)
            return true; // nothing left to dispatch: leave the queue
        auto next = decide(*exchange, guard->context());
        if (!next.ok)
            return false;
        exchange->queueTicket = 0;
        exchange->queuedMs = waited();
        exchange->queueOutcome = QStringLiteral("dispatched");
        QStringList trace = exchange->route.trace;
        trace.append(QStringLiteral("waited %1 ms in the queue for capacity").arg(exchange->queuedMs));
        trace.append(next.trace);
        QList<routing::RouteCandidate> candidates = exchange->route.candidates;
        candidates.append(next.candidates);
        exchange->route = std::move(next);
        exchange->route.trace = trace;
        exchange->route.candidates = candidates;
        exchange->modelServed = exchange->model;
        if (auto *metrics = guard->context().routingMetrics)
            metrics->queueOutcome(exchange->queueOutcome);
        guard->run(exchange);
        return true;
    };
    auto expire = [exchange, guard, waited, message]() {
        if (!guard || exchange->finished)
            return;
        exchange->queueTicket = 0;
        exchange->queuedMs = waited();
        exchange->queueOutcome = QStringLiteral("timeout");
        exchange->route.trace.append(QStringLiteral("no capacity freed within %1 ms in the queue").arg(exchange->queuedMs));
        if (auto *metrics = guard->context().routingMetrics)
            metrics->queueOutcome(exchange->queueOutcome);
        Pipeline::reject(*exchange, 503, QStringLiteral("no_capacity"),
                         QStringLiteral("%1 The request waited %2 ms for capacity.").arg(message).arg(exchange->queuedMs));
        guard->respondWithError(exchange);
    };
    const quint64 ticket = context.queue->enqueue(settings.maxRequests, settings.maxWaitMs, tryDispatch, expire);
    if (ticket == 0) {
        exchange->queueOutcome = QStringLiteral("full");
        exchange->route.trace.append(QStringLiteral("queue full (%1 request(s) waiting): not queued").arg(context.queue->size()));
        if (context.routingMetrics)
            context.routingMetrics->queueOutcome(exchange->queueOutcome);
        return Pipeline::reject(*exchange, 503, QStringLiteral("no_capacity"), message + QStringLiteral(" The wait queue is full."));
    }
    exchange->queueTicket = ticket;
    exchange->route.trace.append(QStringLiteral("every permitted endpoint is at capacity: queued (at most %1 ms)").arg(settings.maxWaitMs));
    if (exchange->responder) {
        // A caller that hangs up while waiting leaves the queue and is recorded as such.
        QObject::connect(exchange->responder.data(), &http::HttpResponder::clientGone, &pipeline, [exchange, guard, waited]() {
            if (!guard || exchange->finished || exchange->queueTicket == 0)
                return;
            guard->context().queue->remove(exchange->queueTicket);
            exchange->queueTicket = 0;
            exchange->queuedMs = waited();
            exchange->queueOutcome = QStringLiteral("client_closed");
            if (auto *metrics = guard->context().routingMetrics)
                metrics->queueOutcome(exchange->queueOutcome);
            exchange->status = 499;
            exchange->decision = QStringLiteral("failed");
            exchange->reason = QStringLiteral("client_closed");
            guard->finish(exchange);
        });
    }
    return StageStatus::Pending;
}

} // namespace perimeter::gateway
