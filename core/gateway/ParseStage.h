// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Stage.h"

namespace perimeter::gateway {

// Parses and checks the OpenAI request body and the Perimeter request headers. Refuses
// anything malformed before any work is spent on it.
class ParseStage final : public Stage {
public:
    const char *name() const override { return "parse"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;

    // Deeper JSON than this is refused: hostile nesting must not exhaust the stack later.
    static constexpr int maxJsonDepth = 64;
};

} // namespace perimeter::gateway
