// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>

namespace perimeter::auth {

// Who made a request, as established by an Authenticator.
struct Principal {
    QString callerId;
    QString team;
    QString keyId;   // keystore key id, or "config:<callerId>" for keys from the config file
    QString source;  // "config" | "keystore" (later: "jwt")
};

} // namespace perimeter::auth
