// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "GatewaySnapshot.h"
#include "common/Result.h"

namespace perimeter::gateway {

// Loads config + policy and resolves endpoint credentials, listing every problem (config and
// policy problems by JSON pointer, credential problems by endpoint) before anything is used.
class GatewaySnapshotLoader {
public:
    static Result<std::shared_ptr<const GatewaySnapshot>> load(const QString &configPath);
    static Result<std::shared_ptr<const GatewaySnapshot>> fromConfig(config::Config config);
    // The same snapshot with another (already validated) policy.
    static std::shared_ptr<const GatewaySnapshot> withPolicy(const GatewaySnapshot &current, std::shared_ptr<const policy::Policy> policy);
    // The same snapshot serving the config's models overlaid with these registry records.
    static std::shared_ptr<const GatewaySnapshot> withRegistry(const GatewaySnapshot &current, QList<registry::ModelRecord> records);
};

} // namespace perimeter::gateway
