// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include <QColor>
#include <QIcon>

namespace perimeter::ui {

// The only hard-coded colours of the console: one per sensitivity level, translucent so that
// they read on light and dark palettes alike (text keeps the palette's colour).
class LevelColors {
public:
    static QColor highlight(Sensitivity level);
    static QColor solid(Sensitivity level);
    static QIcon swatch(Sensitivity level);
    static QString displayName(Sensitivity level); // translated
};

} // namespace perimeter::ui
