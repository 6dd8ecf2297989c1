// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Stage.h"

namespace perimeter::gateway {

// Turns the request's sensitivity into the tiers it may enter, under the policy version the
// request started with.
class PolicyStage final : public Stage {
public:
    const char *name() const override { return "policy"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;
};

} // namespace perimeter::gateway
