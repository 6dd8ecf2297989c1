// SPDX-License-Identifier: Apache-2.0
#include "CostBasisReport.h"
#include "CostModel.h"
#include "MeasuredVolume.h"

namespace perimeter::observe {

QStringList CostBasisReport::lines(const CostModel &costs, const AuditStore &store)
{
    std::optional<MeasuredVolume> measured;
    QStringList lines;
    if (costs.measuredVolumeSettings().enabled) {
        auto computed = MeasuredVolume::compute(store, QDateTime::currentDateTimeUtc(), costs.measuredVolumeSettings());
        if (computed)
            measured = computed.value();
        else
            lines << QStringLiteral("the measured volume could not be computed: %1").arg(computed.error().message);
    }
    lines << costs.describeBasis(measured ? &*measured : nullptr);
    return lines;
}

} // namespace perimeter::observe
