// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QIcon>

namespace perimeter::ui {

// The console's icon, drawn at run time so it is crisp at any device pixel ratio and needs
// no image-format plugin.
class AppIcon {
public:
    static QIcon icon(bool running = true);
};

} // namespace perimeter::ui
