// SPDX-License-Identifier: Apache-2.0
#include "AuditFilter.h"

namespace perimeter::report {

namespace {
struct Named {
    Dimension dimension;
    const char *name;
};
constexpr Named kNames[] = {
    {Dimension::Tier, "tier"},       {Dimension::Model, "model"},         {Dimension::Team, "team"},
    {Dimension::Caller, "caller"},   {Dimension::Sensitivity, "sensitivity"}, {Dimension::Decision, "decision"},
    {Dimension::Endpoint, "endpoint"}, {Dimension::EndpointPath, "endpoint_path"}, {Dimension::Reason, "reason"},
};
} // namespace

QString dimensionName(Dimension dimension)
{
    for (const Named &n : kNames) {
        if (n.dimension == dimension)
            return QLatin1String(n.name);
    }
    return QString();
}

std::optional<Dimension> dimensionFromName(const QString &name)
{
    for (const Named &n : kNames) {
        if (name == QLatin1String(n.name))
            return n.dimension;
    }
    return std::nullopt;
}

const QStringList &dimensionNames()
{
    static const QStringList names = [] {
        QStringList list;
        for (const Named &n : kNames)
            list << QLatin1String(n.name);
        return list;
    }();
    return names;
}

} // namespace perimeter::report
