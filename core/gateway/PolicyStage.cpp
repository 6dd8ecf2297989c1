// SPDX-License-Identifier: Apache-2.0
#include "PolicyStage.h"
#include "Pipeline.h"

namespace perimeter::gateway {

StageStatus PolicyStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &)
{
    exchange->permittedTiers = exchange->snapshot->policy->permittedTiers(exchange->level);
    return StageStatus::Continue;
}

} // namespace perimeter::gateway
