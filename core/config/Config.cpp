// SPDX-License-Identifier: Apache-2.0
#include "Config.h"

namespace perimeter::config {

const EndpointConfig *Config::endpoint(const QString &id) const
{
    for (const auto &e : endpoints) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

const ModelConfig *Config::model(const QString &name) const
{
    for (const auto &m : models) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

} // namespace perimeter::config
