// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QMetaType>

namespace perimeter::service {

// A periodic sample of the embedded gateway's load.
struct GatewayStats {
    double requestsPerSecond = 0.0; // finished requests per second over the last sample period
    int requestsInProgress = 0;
    quint64 requestsTotal = 0;      // finished requests since start
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::GatewayStats)
