// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>

namespace perimeter::observe {

// The config's "logging" object: how perimeterd writes its operator log.
struct LogSettings {
    enum class Format { Text, Json };
    enum class Level { Debug, Info, Warning, Error };
    Format format = Format::Text;
    QString file;              // absolute; "" = stderr
    Level level = Level::Info;

    bool operator==(const LogSettings &) const = default;
};

} // namespace perimeter::observe
