// SPDX-License-Identifier: Apache-2.0
#include "UpstreamFailure.h"

namespace perimeter::upstream {

QString UpstreamFailure::kindName(Kind kind)
{
    switch (kind) {
    case Kind::ConnectFailed: return QStringLiteral("connect_failed");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Reset: return QStringLiteral("reset");
    case Kind::TlsError: return QStringLiteral("tls_error");
    case Kind::ProtocolError: return QStringLiteral("protocol_error");
    case Kind::Aborted: return QStringLiteral("aborted");
    }
    return QStringLiteral("unknown");
}

} // namespace perimeter::upstream
