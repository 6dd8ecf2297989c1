// SPDX-License-Identifier: Apache-2.0
#include "DecisionSimulator.h"
#include "ClassifyStage.h"
#include "DecisionTrace.h"
#include "ParseStage.h"
#include "Pipeline.h"
#include "PolicyStage.h"
#include "RouteStage.h"

namespace perimeter::gateway {

namespace {
struct PathKind {
    const char *path;
    const char *kind;
};
constexpr PathKind kPaths[] = {{"/v1/chat/completions", "chat"}, {"/v1/completions", "completion"}, {"/v1/embeddings", "embedding"}};
} // namespace

SimulationResult DecisionSimulator::run(const std::shared_ptr<const GatewaySnapshot> &snapshot, GatewayContext &context,
                                        const SimulationRequest &request)
{
    SimulationResult result;
    result.policyVersion = snapshot->policy->version();
    auto exchange = std::make_shared<Exchange>();
    exchange->snapshot = snapshot;
    exchange->dryRun = true;
    exchange->requestId = QStringLiteral("simulation");
    exchange->clock.start();
    exchange->request.method = QByteArrayLiteral("POST");
    exchange->request.path = request.path.toLatin1();
    exchange->request.body = request.body;
    exchange->request.headers = request.headers;
    exchange->endpointPath = request.path;
    exchange->principal = auth::Principal{request.callerId, request.team, QString(), QStringLiteral("simulation")};
    for (const auto &p : kPaths) {
        if (request.path == QLatin1String(p.path))
            exchange->pathKind = QLatin1String(p.kind);
    }
    auto finishWith = [&](const Exchange &ex) {
        result.status = ex.status == 0 ? 200 : ex.status;
        result.reason = ex.reason.isEmpty() ? QStringLiteral("ok") : ex.reason;
        result.message = ex.errorMessage;
        result.classified = ex.classified;
        result.level = ex.level;
        result.callerLabel = ex.callerLabel;
        result.classification = ex.classification;
        result.permittedTiers = ex.permittedTiers;
        result.route = ex.route;
        result.trace = DecisionTrace::build(ex);
        return result;
    };
    if (exchange->pathKind.isEmpty()) {
        Pipeline::reject(*exchange, 404, QStringLiteral("not_found"), QStringLiteral("Unknown path."));
        return finishWith(*exchange);
    }

    Pipeline pipeline(context);
    ParseStage parse;
    if (parse.run(exchange, pipeline) == StageStatus::Respond)
        return finishWith(*exchange);
    // Synchronously, whatever the size: a simulation has no other requests to keep serving.
    ClassifyStage::apply(*exchange, snapshot->policy->classifier()->classifyRequest(exchange->body));
    PolicyStage policy;
    policy.run(exchange, pipeline);
    RouteStage route;
    if (route.run(exchange, pipeline) == StageStatus::Respond)
        return finishWith(*exchange);
    exchange->route.trace.append(QStringLiteral("dry run: the request would be forwarded to %1 (%2)")
                                     .arg(exchange->route.endpointId, tierName(exchange->route.tier)));
    return finishWith(*exchange);
}

} // namespace perimeter::gateway
