// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Stage.h"

namespace perimeter::gateway {

// Classifies every string of the request with the classifier of the request's policy
// version, then applies the caller's label (which may only raise the level). Large bodies are
// scanned on the thread pool so the gateway's event loop keeps serving other requests.
class ClassifyStage final : public Stage {
public:
    const char *name() const override { return "classify"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;

    // Up to this size the scan costs well under a millisecond and runs inline; larger bodies
    // go to the thread pool so other requests keep flowing.
    static constexpr qsizetype inlineScanLimitBytes = 32 * 1024;

    // Sets the exchange's classification and level (report, fail-closed rule, caller label).
    static void apply(Exchange &exchange, classify::ClassificationReport report);
};

} // namespace perimeter::gateway
