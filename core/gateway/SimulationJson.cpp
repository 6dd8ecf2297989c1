// SPDX-License-Identifier: Apache-2.0
#include "SimulationJson.h"

namespace perimeter::gateway {

nlohmann::json SimulationJson::findingsToJson(const classify::Findings &findings)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto &f : findings) {
        nlohmann::json j = {{"type", f.type.toStdString()}, {"start", f.start}, {"end", f.end}, {"score", f.score},
                            {"recognizer", f.recognizer.toStdString()}, {"level", sensitivityName(f.level).toStdString()},
                            {"path", f.path.toStdString()}};
        if (!f.subtype.isEmpty())
            j["subtype"] = f.subtype.toStdString();
        out.push_back(std::move(j));
    }
    return out;
}

nlohmann::json SimulationJson::toJson(const SimulationResult &r)
{
    nlohmann::json tiers = nlohmann::json::array();
    for (auto t : r.permittedTiers)
        tiers.push_back(tierName(t).toStdString());
    nlohmann::json trace = nlohmann::json::array();
    for (const auto &line : r.route.trace)
        trace.push_back(line.toStdString());
    nlohmann::json route = {{"ok", r.route.ok}, {"reason", r.route.reason.toStdString()}, {"trace", trace}};
    if (r.route.ok) {
        route["endpoint"] = r.route.endpointId.toStdString();
        route["tier"] = tierName(r.route.tier).toStdString();
    }
    nlohmann::json types = nlohmann::json::object();
    const auto counts = r.classification.typeCounts();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        types[it.key().toStdString()] = it.value();
    nlohmann::json j = {{"status", r.status},
                        {"reason", r.reason.toStdString()},
                        {"message", r.message.toStdString()},
                        {"policy_version", r.policyVersion.toStdString()},
                        {"sensitivity", r.classified ? nlohmann::json(sensitivityName(r.level).toStdString()) : nlohmann::json(nullptr)},
                        {"caller_label", r.callerLabel ? nlohmann::json(sensitivityName(*r.callerLabel).toStdString()) : nlohmann::json(nullptr)},
                        {"classifier_failed_closed", r.classification.failedClosed},
                        {"finding_types", types},
                        {"findings", findingsToJson(r.classification.findings)},
                        {"permitted_tiers", tiers},
                        {"route", route},
                        {"decision_trace", r.trace}};
    return j;
}

} // namespace perimeter::gateway
