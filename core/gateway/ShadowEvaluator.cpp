// SPDX-License-Identifier: Apache-2.0
#include "ShadowEvaluator.h"
#include "RouteStage.h"

namespace perimeter::gateway {

std::shared_ptr<const ShadowOutcome> ShadowEvaluator::evaluate(const Exchange &exchange, const GatewayContext &context, bool activeRouted,
                                                               const QString &activeReason, std::optional<Tier> activeTier)
{
    const auto &shadow = exchange.snapshot ? exchange.snapshot->shadowPolicy : nullptr;
    if (!shadow || !exchange.classified)
        return nullptr;
    auto out = std::make_shared<ShadowOutcome>();
    out->policyVersion = shadow->version();

    Sensitivity level = Sensitivity::Public;
    for (const auto &f : exchange.classification.findings)
        level = maxSensitivity(level, shadow->levelForType(f.type));
    if (exchange.classification.failedClosed)
        level = Sensitivity::Restricted;
    if (exchange.callerLabel)
        level = maxSensitivity(level, *exchange.callerLabel);
    out->level = level;

    const QString caller = exchange.principal ? exchange.principal->callerId : QString();
    const QString team = exchange.principal ? exchange.principal->team : QString();
    out->permittedTiers = shadow->permittedTiers(level, caller, team, &out->tiersSource);
    if (!shadow->modelAllowed(exchange.model, caller, team)) {
        out->decision = QStringLiteral("rejected");
        out->reason = QStringLiteral("model_not_found");
    } else {
        const auto request = RouteStage::routerRequest(exchange, level, out->permittedTiers, shadow->overflowThreshold());
        const auto d = routing::Router::route(exchange.snapshot->config, request, context.endpoints, context.nowMs());
        out->decision = d.ok ? QStringLiteral("routed") : QStringLiteral("rejected");
        out->reason = d.ok ? QStringLiteral("ok") : d.reason;
        if (d.ok) {
            out->endpointId = d.endpointId;
            out->tier = d.tier;
        }
    }

    if (out->level != exchange.level)
        out->differences.append(QStringLiteral("level"));
    if (out->permittedTiers != exchange.permittedTiers)
        out->differences.append(QStringLiteral("tiers"));
    if ((out->decision == QLatin1String("routed")) != activeRouted)
        out->differences.append(QStringLiteral("decision"));
    if (out->reason != activeReason)
        out->differences.append(QStringLiteral("reason"));
    if (activeRouted && out->tier && activeTier && *out->tier != *activeTier)
        out->differences.append(QStringLiteral("tier"));
    return out;
}

} // namespace perimeter::gateway
