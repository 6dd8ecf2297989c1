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
        for (const auto &id : model->endpoints) {
            if (const auto *e = config.endpoint(id)) {
                RouteCandidate c;
                c.endpointId = id;
                c.tier = e->tier;
                c.why = QStringLiteral("tier %1 not permitted for %2 data").arg(tierName(e->tier), sensitivityName(request.level));
                d.candidates.append(c);
            }
        }
        return d;
    }

    struct Candidate {
        const config::EndpointConfig *config;
        const EndpointState *state;
        int tierRank;
    };
    QList<Candidate> candidates;
    auto note = [&d](const QString &id, Tier tier, bool kept, const QString &why, const EndpointState *state) {
        RouteCandidate c;
        c.endpointId = id;
        c.tier = tier;
        c.kept = kept;
        c.why = why;
        if (state) {
            c.inFlight = state->inFlight();
            c.capacity = state->capacity();
            c.upstreamWaiting = state->upstreamWaiting();
            c.utilization = state->utilization();
            c.latencyMs = state->latencyEwmaMs();
        }
        d.candidates.append(c);
        d.trace.append(QStringLiteral("%1 (%2): %3%4").arg(id, tierName(tier), kept ? QString() : QStringLiteral("dropped, "), why));
    };
    bool capacityBound = false;
    for (int rank = 0; rank < request.permittedTiers.size(); ++rank) {
        const Tier tier = request.permittedTiers.at(rank);
        for (const auto &id : model->endpoints) {
            const auto *e = config.endpoint(id);
            if (!e || e->tier != tier)
                continue;
            const auto it = states.constFind(id);
            const EndpointState *state = it == states.constEnd() ? nullptr : &*it;
            if (request.exclude.contains(id)) {
                note(id, tier, false, QStringLiteral("already tried"), state);
                continue;
            }
            if (!state || !state->isAvailable(nowMs)) {
                note(id, tier, false, state && !state->isProbeHealthy() ? QStringLiteral("health check failing") : QStringLiteral("circuit open after failures"), state);
                continue;
            }
            if (state->inFlight() >= state->capacity()) {
                capacityBound = true;
                note(id, tier, false, QStringLiteral("at capacity (%1 in flight)").arg(state->inFlight()), state);
                continue;
            }
            QString load = QStringLiteral("utilization %1").arg(state->utilization(), 0, 'f', 2);
            if (state->upstreamWaiting() >= 0)
                load += QStringLiteral(" (endpoint reports %1 waiting)").arg(state->upstreamWaiting());
            note(id, tier, true,
                 QStringLiteral("candidate, %1, latency %2")
                     .arg(load, state->latencyEwmaMs() < 0 ? QStringLiteral("not measured yet") : QStringLiteral("%1 ms").arg(state->latencyEwmaMs(), 0, 'f', 1)),
                 state);
            candidates.append({e, state, rank});
        }
    }
    // Endpoints of tiers the level forbids are listed too: a reader sees they were never an option.
    for (const auto &id : model->endpoints) {
        const auto *e = config.endpoint(id);
        if (e && !request.permittedTiers.contains(e->tier)) {
            const auto it = states.constFind(id);
            note(id, e->tier, false, QStringLiteral("tier %1 not permitted for %2 data").arg(tierName(e->tier), sensitivityName(request.level)),
                 it == states.constEnd() ? nullptr : &*it);
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
        d.choice = why;
        d.trace.append(QStringLiteral("chose %1 (%2): %3").arg(chosen->config->id, tierName(d.tier), why));
        return d;
    }
    d.atCapacity = capacityBound;
    d.status = 503;
    d.reason = QStringLiteral("no_capacity");
    d.message = QStringLiteral("No healthy endpoint for the model '%1' in the permitted tier(s): %2.").arg(model->name, tierList(request.permittedTiers));
    return d;
}

} // namespace perimeter::routing
