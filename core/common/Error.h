// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "NoGuiGuard.h"
#include <QString>

namespace perimeter {

// A stable, untranslated reason code plus a human-readable message. Codes are stored in the
// audit trail and matched by scripts, so they never change once published.
struct Error {
    QString code;
    QString message;
};

} // namespace perimeter
