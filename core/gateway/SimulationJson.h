// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "DecisionSimulator.h"
#include <nlohmann/json.hpp>

namespace perimeter::gateway {

// The what-if result as JSON, shared by the admin API and `perimeterctl policy simulate`.
// Findings carry types, spans and scores, never the matched values.
class SimulationJson {
public:
    static nlohmann::json toJson(const SimulationResult &result);
    static nlohmann::json findingsToJson(const classify::Findings &findings);
};

} // namespace perimeter::gateway
