// SPDX-License-Identifier: Apache-2.0
#include "AlertEvent.h"

namespace perimeter::observe {

QJsonObject AlertEvent::toJson() const
{
    QJsonObject scope{{QStringLiteral("tier"), scopeTier}};
    if (!scopeEndpoint.isEmpty())
        scope.insert(QStringLiteral("endpoint"), scopeEndpoint);
    return QJsonObject{
        {QStringLiteral("ts"), ts.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("rule"), rule},
        {QStringLiteral("metric"), metric},
        {QStringLiteral("state"), stateName()},
        {QStringLiteral("value"), value},
        {QStringLiteral("threshold"), threshold},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("window_seconds"), windowSeconds},
        {QStringLiteral("requests"), requests},
        {QStringLiteral("message"), message},
    };
}

} // namespace perimeter::observe
