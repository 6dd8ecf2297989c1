// SPDX-License-Identifier: Apache-2.0
#include "Router.h"

namespace perimeter::routing {

namespace {
QString tierList(const QList<Tier> &tiers)
{
    QStringList names;
    for (auto t : tiers)
        names.append(tierName(t));
    return names.isEmpty() ? QStringLiteral("none") : names.join(QLatin1String(", "));
}

bool kindServes(const QString &modelKind, const QString &pathKind)
{
    // Chat models also answer the legacy completions path (as most servers do).
    return modelKind == pathKind || (pathKind == QLatin1String("completion") && modelKind == QLatin1String("chat"));
}
} // namespace

RouteDecision Router::route(const config::Config &config, const Request &request,
                            const QHash<QString, EndpointState> &states, qint64 nowMs)
{
    RouteDecision d;
    const auto *model = config.model(request.model);
    if (!model) {
        d.status = 404;
        d.reason = QStringLiteral("model_not_found");
        d.message = QStringLiteral("The model '%1' does not exist or is not available to you.").arg(request.model);
        return d;
    }
    if (!kindServes(model->kind, request.kind)) {
        d.status = 400;
        d.reason = QStringLiteral("invalid_request");
        d.message = QStringLiteral("The model '%1' is a %2 model and cannot serve this path.").arg(model->name, model->kind);
        return d;
    }

    QList<Tier> hostingTiers;
    for (const auto &id : model->endpoints) {
        if (const auto *e = config.endpoint(id); e && !hostingTiers.contains(e->tier))
            hostingTiers.append(e->tier);
    }
    bool anyPermitted = false;
    for (auto t : hostingTiers)
        anyPermitted = anyPermitted || request.permittedTiers.contains(t);
    if (!anyPermitted) {
        d.status = 403;
        d.reason = QStringLiteral("residency_violation");
        QString why = request.findingTypes.isEmpty()
            ? QString()
            : QStringLiteral(" (found: %1)").arg(request.findingTypes.join(QLatin1String(", ")));
        d.message = QStringLiteral("The request's data is %1%2 and may only go to tier(s): %3; the model '%4' is hosted only in: %5. "
                                   "Use a model hosted in a permitted tier.")
                        .arg(sensitivityName(request.level), why, tierList(request.permittedTiers), model->name, tierList(hostingTiers));
        d.trace.append(QStringLiteral("model %1 hosted in %2; permitted %3: rejected").arg(model->name, tierList(hostingTiers), tierList(request.permittedTiers)));
        return d;
    }

    // Tiers in policy order; within a tier, the least utilised available endpoint.
    for (auto tier : request.permittedTiers) {
        const EndpointState *best = nullptr;
        const config::EndpointConfig *bestConfig = nullptr;
        for (const auto &id : model->endpoints) {
            const auto *e = config.endpoint(id);
            if (!e || e->tier != tier)
                continue;
            const auto it = states.constFind(id);
            if (request.exclude.contains(id)) {
                d.trace.append(QStringLiteral("%1 (%2): dropped, already tried").arg(id, tierName(tier)));
                continue;
            }
            if (it == states.constEnd() || !it->isAvailable(nowMs)) {
                d.trace.append(QStringLiteral("%1 (%2): dropped, circuit open after failures").arg(id, tierName(tier)));
                continue;
            }
            d.trace.append(QStringLiteral("%1 (%2): candidate, utilization %3").arg(id, tierName(tier)).arg(it->utilization(), 0, 'f', 2));
            if (!best || it->utilization() < best->utilization()) {
                best = &*it;
                bestConfig = e;
            }
        }
        if (best) {
            d.ok = true;
            d.status = 200;
            d.reason = QStringLiteral("ok");
            d.endpointId = bestConfig->id;
            d.tier = tier;
            d.trace.append(QStringLiteral("chose %1: first permitted tier with an available endpoint, least utilised").arg(bestConfig->id));
            return d;
        }
    }
    for (auto t : hostingTiers) {
        if (!request.permittedTiers.contains(t))
            d.trace.append(QStringLiteral("tier %1 hosts the model but is not permitted for %2 data").arg(tierName(t), sensitivityName(request.level)));
    }
    d.status = 503;
    d.reason = QStringLiteral("no_capacity");
    d.message = QStringLiteral("No healthy endpoint for the model '%1' in the permitted tier(s): %2.").arg(model->name, tierList(request.permittedTiers));
    return d;
}

} // namespace perimeter::routing
