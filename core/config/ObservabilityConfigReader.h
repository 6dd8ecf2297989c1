// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Config.h"
#include "JsonFieldReader.h"

namespace perimeter::config {

// Reads "sinks", "logging", "alerts" and "metrics" (docs/configuration.md). Runs after the
// endpoints and data_dir were read: alert scopes name endpoints, spools default under data_dir.
void readObservability(JsonFieldReader &root, Config &config, QStringList &problems, const QString &baseDir);

} // namespace perimeter::config
