// SPDX-License-Identifier: Apache-2.0
#include "PolicyStage.h"
#include "Pipeline.h"

namespace perimeter::gateway {

StageStatus PolicyStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &)
{
    const QString caller = exchange->principal ? exchange->principal->callerId : QString();
    const QString team = exchange->principal ? exchange->principal->team : QString();
    QString why;
    exchange->permittedTiers = exchange->snapshot->policy->permittedTiers(exchange->level, caller, team, &why);
    if (!why.isEmpty())
        exchange->policyNote = QStringLiteral("tiers for %1 data from the %2").arg(sensitivityName(exchange->level), why);
    return StageStatus::Continue;
}

} // namespace perimeter::gateway
