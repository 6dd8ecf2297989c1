// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

namespace perimeter::upstream {

// Same shape as http::HttpHeaders, kept separate so this module does not depend on the server.
// Response header names are lower-cased; request header names are sent as given.
using UpstreamHeaders = QList<QPair<QByteArray, QByteArray>>;

struct UpstreamRequest {
    QUrl url;                  // http:// or https://; certificates are always verified
    QByteArray method = "POST"; // "POST" or "GET" (any token is passed through)
    QByteArray body;
    // Hop-by-hop headers, Host, Content-Length and Accept-Encoding are replaced by the client:
    // the body is always requested with identity encoding so chunks can be relayed as-is.
    UpstreamHeaders headers;
    int connectTimeoutMs = 5000; // until the request is on the wire (connect + TLS + send)
    int idleTimeoutMs = 60000;   // no byte from the upstream for this long
    int totalTimeoutMs = 120000; // whole exchange, a stream included
};

} // namespace perimeter::upstream
