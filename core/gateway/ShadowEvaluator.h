// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Exchange.h"
#include "GatewayContext.h"

namespace perimeter::gateway {

// Runs the shadow policy beside the active one: the same findings (re-read through the
// shadow's type → level mapping), the same caller, the same endpoint state, the same router,
// and no forwarding. Its answer is only recorded (decision trace, shadow metrics).
class ShadowEvaluator {
public:
    // Null when the snapshot has no shadow policy or the request was never classified.
    static std::shared_ptr<const ShadowOutcome> evaluate(const Exchange &exchange, const GatewayContext &context, bool activeRouted,
                                                         const QString &activeReason, std::optional<Tier> activeTier);
};

} // namespace perimeter::gateway
