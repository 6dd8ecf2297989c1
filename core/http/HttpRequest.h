// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace perimeter::http {

// Header names are stored lower-cased; values as received (trimmed).
using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One parsed HTTP/1.1 request with its whole (de-chunked) body.
struct HttpRequest {
    QByteArray method;      // "GET", "POST", ...
    QByteArray target;      // raw request target, e.g. "/v1/models?x=1"
    QByteArray path;        // target without query, not percent-decoded
    QByteArray query;       // after '?', without it
    int versionMajor = 1;
    int versionMinor = 1;
    HttpHeaders headers;
    QByteArray body;
    bool keepAlive = true;  // false when the client asked to close or spoke HTTP/1.0 without keep-alive
    QHostAddress peerAddress;
    quint16 peerPort = 0;

    // First value of a header (name compared case-insensitively), empty if absent.
    QByteArray header(QByteArrayView name) const;
    // How many times a header occurs (e.g. to reject more than one Authorization header).
    int headerCount(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const { return headerCount(name) > 0; }
};

} // namespace perimeter::http
