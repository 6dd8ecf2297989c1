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

    struct Candidate {
        const config::EndpointConfig *config;
        const EndpointState *state;
        int tierRank;
    };
    QList<Candidate> candidates;
    for (int rank = 0; rank < request.permittedTiers.size(); ++rank) {
        const Tier tier = request.permittedTiers.at(rank);
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
                d.trace.append(QStringLiteral("%1 (%2): dropped, %3").arg(id, tierName(tier),
                    it != states.constEnd() && !it->isProbeHealthy() ? QStringLiteral("health check failing") : QStringLiteral("circuit open after failures")));
                continue;
            }
            if (it->inFlight() >= it->capacity()) {
                d.trace.append(QStringLiteral("%1 (%2): dropped, at capacity (%3 in flight)").arg(id, tierName(tier)).arg(it->inFlight()));
                continue;
            }
            d.trace.append(QStringLiteral("%1 (%2): candidate, utilization %3, latency %4")
                               .arg(id, tierName(tier))
                               .arg(it->utilization(), 0, 'f', 2)
                               .arg(it->latencyEwmaMs() < 0 ? QStringLiteral("not measured yet") : QStringLiteral("%1 ms").arg(it->latencyEwmaMs(), 0, 'f', 1)));
            candidates.append({e, &*it, rank});
        }
    }

    const Candidate *chosen = nullptr;
    QString why;
    if (request.latencyLow) {
        // Latency preference: the lowest measured latency within the permitted tiers (never
        // outside them); unmeasured endpoints only when nothing has been measured.
        for (const auto &c : candidates) {
            const double l = c.state->latencyEwmaMs();
            if (l >= 0 && (!chosen || l < chosen->state->latencyEwmaMs()))
                chosen = &c;
        }
        if (chosen)
            why = QStringLiteral("lowest measured latency among permitted endpoints (X-Perimeter-Latency: low)");
    }
    if (!chosen) {
        // Cost order: the tiers in policy order (on-prem first by default); a tier is passed over
        // only while all its endpoints are at or above the overflow threshold and a later
        // permitted tier has room. At worst the least utilised endpoint of the first tier.
        for (int rank = 0; rank < request.permittedTiers.size() && !chosen; ++rank) {
            for (const auto &c : candidates) {
                if (c.tierRank == rank && c.state->utilization() < request.overflowThreshold
                    && (!chosen || c.state->utilization() < chosen->state->utilization()))
                    chosen = &c;
            }
            if (chosen) {
                bool earlierTierHadCandidates = false;
                for (const auto &c : candidates)
                    earlierTierHadCandidates = earlierTierHadCandidates || c.tierRank < rank;
                why = !earlierTierHadCandidates
                    ? QStringLiteral("first permitted tier with an available endpoint, least utilised")
                    : QStringLiteral("overflow: the preferred tier is at or above %1 % utilization").arg(int(request.overflowThreshold * 100));
            }
        }
        if (!chosen) {
            for (const auto &c : candidates) {
                if (!chosen || c.tierRank < chosen->tierRank
                    || (c.tierRank == chosen->tierRank && c.state->utilization() < chosen->state->utilization()))
                    chosen = &c;
            }
            if (chosen)
                why = QStringLiteral("every permitted endpoint is above the overflow threshold: least utilised of the preferred tier");
        }
    }
    if (chosen) {
        d.ok = true;
        d.status = 200;
        d.reason = QStringLiteral("ok");
        d.endpointId = chosen->config->id;
        d.tier = chosen->config->tier;
        d.trace.append(QStringLiteral("chose %1 (%2): %3").arg(chosen->config->id, tierName(d.tier), why));
        return d;
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
