// SPDX-License-Identifier: Apache-2.0
#include "Sensitivity.h"

namespace perimeter {

QString sensitivityName(Sensitivity level)
{
    switch (level) {
    case Sensitivity::Public: return QStringLiteral("public");
    case Sensitivity::Internal: return QStringLiteral("internal");
    case Sensitivity::Confidential: return QStringLiteral("confidential");
    case Sensitivity::Restricted: return QStringLiteral("restricted");
    }
    return QStringLiteral("restricted");
}

std::optional<Sensitivity> parseSensitivity(const QString &name)
{
    for (auto level : {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential, Sensitivity::Restricted}) {
        if (name == sensitivityName(level))
            return level;
    }
    return std::nullopt;
}

QString tierName(Tier tier)
{
    return tier == Tier::OnPrem ? QStringLiteral("onprem") : QStringLiteral("cloud");
}

std::optional<Tier> parseTier(const QString &name)
{
    if (name == QLatin1String("onprem"))
        return Tier::OnPrem;
    if (name == QLatin1String("cloud"))
        return Tier::Cloud;
    return std::nullopt;
}

} // namespace perimeter
