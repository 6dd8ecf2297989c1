// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QMetaType>
#include <QString>

namespace perimeter::upstream {

struct UpstreamFailure {
    enum class Kind {
        ConnectFailed, // no connection could be made (refused, unresolvable, unreachable)
        Timeout,       // connect, idle or total timeout
        Reset,         // the connection closed or broke before the response was complete
        TlsError,      // handshake failed, e.g. the certificate did not verify
        ProtocolError, // unusable answer or request (bad scheme, malformed HTTP, redirect loop)
        Aborted,       // UpstreamCall::abort(): our client went away
    };

    Kind kind = Kind::ProtocolError;
    QString message;              // operator-facing; never payload content or credentials
    bool beforeResponse = true;   // false once response headers were received (bytes may have been relayed)

    static QString kindName(Kind kind); // stable lower-case name, e.g. "connect_failed"
};

} // namespace perimeter::upstream

Q_DECLARE_METATYPE(perimeter::upstream::UpstreamFailure)
