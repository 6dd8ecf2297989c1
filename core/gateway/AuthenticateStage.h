// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Stage.h"

namespace perimeter::gateway {

// Establishes who is calling from the Authorization header. Exactly one header is accepted:
// two could be read differently by us and by a proxy in front of us.
class AuthenticateStage final : public Stage {
public:
    const char *name() const override { return "authenticate"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;
};

} // namespace perimeter::gateway
