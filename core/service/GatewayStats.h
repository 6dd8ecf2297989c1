// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QList>
#include <QMetaType>
#include <QString>

namespace perimeter::service {

// One upstream endpoint's routing state at the time of a sample.
struct EndpointSample {
    QString id;
    QString tier;            // "onprem" | "cloud"
    bool available = false;  // the router would send it requests now
    bool circuitOpen = false;
    int inFlight = 0;
    int capacity = 0;
    double latencyEwmaMs = -1.0; // -1: no request finished yet
};

// A periodic sample of the embedded gateway's load.
struct GatewayStats {
    double requestsPerSecond = 0.0; // finished requests per second over the last sample period
    int requestsInProgress = 0;
    quint64 requestsTotal = 0;      // finished requests since start
    QList<EndpointSample> endpoints; // in configuration order
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::GatewayStats)
