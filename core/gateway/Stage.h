// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Exchange.h"
#include <memory>

namespace perimeter::gateway {

class Pipeline;

// What a stage tells the pipeline (like Envoy's filter status): go on, answer now with the
// rejection the stage put on the exchange, or wait: the stage resumes the pipeline itself.
enum class StageStatus { Continue, Respond, Pending };

class Stage {
public:
    virtual ~Stage() = default;
    virtual const char *name() const = 0;
    virtual StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) = 0;
};

} // namespace perimeter::gateway
