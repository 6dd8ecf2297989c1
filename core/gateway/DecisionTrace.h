// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Exchange.h"
#include <nlohmann/json.hpp>

namespace perimeter::gateway {

// The explanation of one routing decision, as JSON: the level and why (finding types with
// counts and best scores, caller label), the policy rules and overrides that applied, every
// endpoint considered and why it was kept or dropped, the choice and its reason, the wait in
// the capacity queue, the outcome, and what the shadow policy would have done.
//
// One builder for both the stored trace (the record finalizer, by request id) and the
// what-if (DecisionSimulator), so the two cannot drift apart. Holds no payload content and no
// finding values: only types, counts, scores, levels, tiers, endpoint ids and load numbers.
class DecisionTrace {
public:
    static constexpr int kFormatVersion = 1;
    static nlohmann::json build(const Exchange &exchange);
    static QByteArray toBytes(const Exchange &exchange) { return QByteArray::fromStdString(build(exchange).dump()); }
};

} // namespace perimeter::gateway
