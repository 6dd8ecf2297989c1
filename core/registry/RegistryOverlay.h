// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ModelRecord.h"
#include "config/Config.h"
#include <QList>
#include <optional>

namespace perimeter::registry {

// How the registry and the config's "models" combine into the models the gateway serves
// (docs/registry.md, "Precedence"):
//  - a name the registry does not know is served exactly as the config says;
//  - a name the registry knows is served from its active version, else its newest draining
//    version: that record's kind and on-prem endpoints, plus the cloud endpoints the config
//    lists for the same name (a hybrid model keeps its cloud side);
//  - a name whose versions are all retired is not served at all (404 model_not_found), even
//    if the config still lists it.
// Registry endpoints the config no longer defines (or that became cloud endpoints) are
// dropped with a warning; a model left without endpoints is not served.
class RegistryOverlay {
public:
    static QList<config::ModelConfig> effectiveModels(const QList<config::ModelConfig> &configModels,
                                                      const QList<config::EndpointConfig> &endpoints,
                                                      const QList<ModelRecord> &records, QStringList *warnings = nullptr);

    // The version that serves `name`, if any.
    static std::optional<ModelRecord> servingRecord(const QList<ModelRecord> &records, const QString &name);
};

} // namespace perimeter::registry
