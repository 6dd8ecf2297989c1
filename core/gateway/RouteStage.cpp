// SPDX-License-Identifier: Apache-2.0
#include "RouteStage.h"
#include "Pipeline.h"
#include "routing/Router.h"

namespace perimeter::gateway {

routing::RouteDecision RouteStage::decide(const Exchange &exchange, const GatewayContext &context)
{
    routing::Router::Request request;
    request.model = exchange.model;
    request.kind = exchange.pathKind;
    request.level = exchange.level;
    request.permittedTiers = exchange.permittedTiers;
    // Name the finding types that set the level (not every type found): they are the reason.
    for (const auto &f : exchange.classification.findings) {
        if (f.level == exchange.level && !request.findingTypes.contains(f.type))
            request.findingTypes.append(f.type);
    }
    if (exchange.classification.failedClosed)
        request.findingTypes.append(QStringLiteral("unscannable payload"));
    if (exchange.callerLabel && *exchange.callerLabel == exchange.level && request.findingTypes.isEmpty())
        request.findingTypes.append(QStringLiteral("caller label"));
    request.exclude = exchange.triedEndpoints;
    request.latencyLow = exchange.latencyLow;
    request.overflowThreshold = exchange.snapshot->policy->overflowThreshold();
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
    if (!exchange->snapshot->policy->modelAllowed(exchange->model, caller, team))
        return Pipeline::reject(*exchange, 404, QStringLiteral("model_not_found"),
                                QStringLiteral("The model '%1' does not exist or is not available to you.").arg(exchange->model));

    auto decision = decide(*exchange, pipeline.context());
    if (!decision.ok) {
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

} // namespace perimeter::gateway
