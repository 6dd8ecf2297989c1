// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>

namespace perimeter::config {

// Where the programs look for a configuration when no --config is given: $PERIMETER_CONFIG,
// then the installed demo configuration, then the demo in the source tree (developer builds).
class DefaultConfigLocator {
public:
    static QString defaultConfigPath();
};

} // namespace perimeter::config
