// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "config/Config.h"
#include "policy/Policy.h"
#include "registry/ModelRecord.h"
#include <QHash>
#include <memory>

namespace perimeter::gateway {

// Everything a request needs that a reload may replace, frozen together. A request keeps the
// snapshot it started with, so a reload never changes the rules half-way through a request.
struct GatewaySnapshot {
    config::Config config;
    std::shared_ptr<const policy::Policy> policy;
    // Runs beside `policy` on every request and only records where it would decide
    // differently (config key "shadow_policy"); null when none is configured.
    std::shared_ptr<const policy::Policy> shadowPolicy;
    QHash<QString, QByteArray> credentials; // endpoint id -> upstream credential (in memory only)
    QByteArray adminToken;                  // empty when neither the admin API nor /metrics needs it
    QHash<QString, QByteArray> sinkCredentials; // sink id -> bearer secret (in memory only)
    QByteArray webhookCredential;           // alert webhook bearer secret; empty = none
    // config.models is what is served: the config's models overlaid with the model registry
    // (registry::RegistryOverlay). These keep the two inputs so either can change alone.
    QList<config::ModelConfig> configModels;     // "models" as the config file states them
    QList<registry::ModelRecord> registryModels; // every registry record, retired ones included
};

} // namespace perimeter::gateway
