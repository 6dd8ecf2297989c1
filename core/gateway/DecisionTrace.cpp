// SPDX-License-Identifier: Apache-2.0
#include "DecisionTrace.h"
#include <QMap>

namespace perimeter::gateway {

namespace {

using Json = nlohmann::json;

std::string s(const QString &text)
{
    return text.toStdString();
}

Json tierList(const QList<Tier> &tiers)
{
    Json out = Json::array();
    for (auto t : tiers)
        out.push_back(s(tierName(t)));
    return out;
}

QString tierText(const QList<Tier> &tiers)
{
    QStringList names;
    for (auto t : tiers)
        names.append(tierName(t));
    return names.isEmpty() ? QStringLiteral("none") : names.join(QLatin1String(", "));
}

Json levelSection(const Exchange &ex)
{
    Json level = {{"classified", ex.classified}};
    if (!ex.classified) {
        level["value"] = nullptr;
        return level;
    }
    struct TypeSummary {
        int count = 0;
        double maxScore = 0.0;
        Sensitivity level = Sensitivity::Public;
    };
    QMap<QString, TypeSummary> types;
    Sensitivity fromFindings = Sensitivity::Public;
    for (const auto &f : ex.classification.findings) {
        auto &t = types[f.type];
        ++t.count;
        t.maxScore = qMax(t.maxScore, f.score);
        t.level = maxSensitivity(t.level, f.level);
        fromFindings = maxSensitivity(fromFindings, f.level);
    }
    Json findings = Json::array();
    for (auto it = types.cbegin(); it != types.cend(); ++it) {
        findings.push_back({{"type", s(it.key())}, {"count", it->count}, {"max_score", it->maxScore},
                            {"level", s(sensitivityName(it->level))}, {"sets_level", it->level == ex.level}});
    }
    level["value"] = s(sensitivityName(ex.level));
    level["from_findings"] = s(sensitivityName(fromFindings));
    level["findings"] = findings;
    level["caller_label"] = ex.callerLabel ? Json(s(sensitivityName(*ex.callerLabel))) : Json(nullptr);
    level["failed_closed"] = ex.classification.failedClosed;
    QString why;
    if (ex.classification.failedClosed)
        why = QStringLiteral("the payload could not be fully scanned: treated as restricted (fail closed)");
    else if (ex.callerLabel && *ex.callerLabel == ex.level && maxSensitivity(fromFindings, *ex.callerLabel) != fromFindings)
        why = QStringLiteral("raised by the caller's label X-Perimeter-Classification: %1").arg(sensitivityName(*ex.callerLabel));
    else if (types.isEmpty())
        why = QStringLiteral("no finding and no caller label");
    else {
        QStringList deciding;
        for (auto it = types.cbegin(); it != types.cend(); ++it) {
            if (it->level == ex.level)
                deciding.append(it.key());
        }
        why = QStringLiteral("findings of type %1").arg(deciding.join(QLatin1String(", ")));
    }
    level["why"] = s(why);
    return level;
}

Json rulesSection(const Exchange &ex)
{
    Json rules = Json::array();
    if (!ex.snapshot || !ex.snapshot->policy)
        return rules;
    const auto &policy = *ex.snapshot->policy;
    if (ex.classified) {
        rules.push_back(s(ex.policyNote.isEmpty()
                              ? QStringLiteral("levels.%1: %2 data may go to %3").arg(sensitivityName(ex.level), sensitivityName(ex.level), tierText(ex.permittedTiers))
                              : QStringLiteral("%1: %2").arg(ex.policyNote, tierText(ex.permittedTiers))));
    }
    if (!ex.model.isEmpty() && policy.hasModelRule(ex.model)) {
        const QString caller = ex.principal ? ex.principal->callerId : QString();
        const QString team = ex.principal ? ex.principal->team : QString();
        rules.push_back(s(policy.modelAllowed(ex.model, caller, team)
                              ? QStringLiteral("models.%1: this caller may use the model").arg(ex.model)
                              : QStringLiteral("models.%1: reserved for other teams or callers (answered as model_not_found)").arg(ex.model)));
    }
    if (ex.latencyLow)
        rules.push_back("X-Perimeter-Latency: low: lowest measured latency within the permitted tiers");
    return rules;
}

Json candidateJson(const routing::RouteCandidate &c)
{
    Json j = {{"endpoint", s(c.endpointId)}, {"tier", s(tierName(c.tier))}, {"kept", c.kept}, {"why", s(c.why)}, {"attempt", c.attempt}};
    if (c.capacity > 0) {
        j["in_flight"] = c.inFlight;
        j["capacity"] = c.capacity;
        j["utilization"] = c.utilization;
        j["latency_ms"] = c.latencyMs < 0 ? Json(nullptr) : Json(c.latencyMs);
        j["upstream_waiting"] = c.upstreamWaiting < 0 ? Json(nullptr) : Json(c.upstreamWaiting);
    }
    return j;
}

} // namespace

Json DecisionTrace::build(const Exchange &ex)
{
    Json trace = {{"trace_version", kFormatVersion}, {"request_id", s(ex.requestId)}};
    trace["policy_version"] = ex.snapshot && ex.snapshot->policy ? Json(s(ex.snapshot->policy->version())) : Json(nullptr);
    trace["model"] = ex.model.isEmpty() ? Json(nullptr) : Json(s(ex.model));
    trace["level"] = levelSection(ex);
    trace["rules"] = rulesSection(ex);
    trace["permitted_tiers"] = ex.classified ? tierList(ex.permittedTiers) : Json(nullptr);

    Json candidates = Json::array();
    for (const auto &c : ex.route.candidates)
        candidates.push_back(candidateJson(c));
    trace["candidates"] = candidates;
    if (ex.route.ok)
        trace["choice"] = {{"endpoint", s(ex.route.endpointId)}, {"tier", s(tierName(ex.route.tier))}, {"reason", s(ex.route.choice)}};
    else
        trace["choice"] = nullptr;
    Json steps = Json::array();
    for (const auto &line : ex.route.trace)
        steps.push_back(s(line));
    trace["steps"] = steps;
    if (!ex.queueOutcome.isEmpty() || ex.queueTicket != 0)
        trace["queue"] = {{"outcome", ex.queueOutcome.isEmpty() ? std::string("waiting") : s(ex.queueOutcome)},
                          {"waited_ms", ex.queuedMs < 0 ? Json(nullptr) : Json(ex.queuedMs)}};

    Json outcome;
    if (ex.dryRun) {
        outcome = {{"decision", ex.decision.isEmpty() ? std::string("would_forward") : s(ex.decision)},
                   {"reason", ex.reason.isEmpty() ? std::string("ok") : s(ex.reason)},
                   {"status", ex.status == 0 ? 200 : ex.status}};
    } else {
        outcome = {{"decision", ex.decision.isEmpty() ? std::string("failed") : s(ex.decision)},
                   {"reason", ex.reason.isEmpty() ? std::string("internal_error") : s(ex.reason)},
                   {"status", ex.status}};
    }
    outcome["attempts"] = ex.attempts;
    trace["outcome"] = outcome;

    if (ex.shadow) {
        const auto &sh = *ex.shadow;
        Json diffs = Json::array();
        for (const auto &d : sh.differences)
            diffs.push_back(s(d));
        Json shadow = {{"policy_version", s(sh.policyVersion)},
                       {"level", s(sensitivityName(sh.level))},
                       {"permitted_tiers", tierList(sh.permittedTiers)},
                       {"tiers_from", sh.tiersSource.isEmpty() ? std::string("levels") : s(sh.tiersSource)},
                       {"decision", s(sh.decision)},
                       {"reason", s(sh.reason)},
                       {"agrees", sh.differences.isEmpty()},
                       {"differences", diffs}};
        if (sh.tier) {
            shadow["endpoint"] = s(sh.endpointId);
            shadow["tier"] = s(tierName(*sh.tier));
        }
        trace["shadow"] = shadow;
    }
    return trace;
}

} // namespace perimeter::gateway
