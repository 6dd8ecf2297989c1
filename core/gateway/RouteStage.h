// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "GatewayContext.h"
#include "Stage.h"

namespace perimeter::gateway {

// Chooses the endpoint; a model only hosted where the data may not go is refused with
// residency_violation, never substituted.
class RouteStage final : public Stage {
public:
    const char *name() const override { return "route"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;

    // Shared with the forwarder's fallback so a retry obeys exactly the same rules.
    static routing::RouteDecision decide(const Exchange &exchange, const GatewayContext &context);
};

} // namespace perimeter::gateway
