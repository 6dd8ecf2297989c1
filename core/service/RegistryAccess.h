// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "RegistryResults.h"
#include "gateway/GatewaySnapshot.h"

namespace perimeter::gateway { class Gateway; }
namespace perimeter::registry { class ModelRegistry; }

namespace perimeter::service {

// The registry work behind GatewayService's Models API, split so each piece runs on the
// right thread: health() on the gateway's thread (in-memory endpoint state only), the rest on
// the thread pool (they read or write registry.db).
class RegistryAccess {
public:
    static QHash<QString, EndpointHealth> health(gateway::Gateway &gateway);
    static RegistryView view(registry::ModelRegistry &registry, const gateway::GatewaySnapshot &snapshot, QHash<QString, EndpointHealth> health);
    static RegistryChangeResult apply(registry::ModelRegistry &registry, const gateway::GatewaySnapshot &snapshot, const RegistryChange &change,
                                      const QString &actor);
    static RegistryHistoryResult history(registry::ModelRegistry &registry, const QString &name, const QString &version);
    // "console (<login name>)"
    static QString consoleActor();
};

} // namespace perimeter::service
