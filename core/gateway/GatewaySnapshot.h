// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "config/Config.h"
#include "policy/Policy.h"
#include <QHash>
#include <memory>

namespace perimeter::gateway {

// Everything a request needs that a reload may replace, frozen together. A request keeps the
// snapshot it started with, so a reload never changes the rules half-way through a request.
struct GatewaySnapshot {
    config::Config config;
    std::shared_ptr<const policy::Policy> policy;
    QHash<QString, QByteArray> credentials; // endpoint id -> upstream credential (in memory only)
    QByteArray adminToken;                  // empty when the admin API is off
};

} // namespace perimeter::gateway
