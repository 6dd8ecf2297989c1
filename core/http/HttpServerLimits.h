// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QtGlobal>

namespace perimeter::http {

struct HttpServerLimits {
    int maxHeaderBytes = 32 * 1024;          // request line + headers; over it: 431
    qint64 maxBodyBytes = 8 * 1024 * 1024;   // over it: 413 (Content-Length or chunked)
    int headerTimeoutMs = 10'000;            // whole header must arrive within this (slow-loris)
    int bodyTimeoutMs = 60'000;              // whole body must arrive within this
    int idleTimeoutMs = 75'000;              // keep-alive connection with no request in progress
    int maxConnections = 10'000;             // further connections are closed at once
    int maxPipelinedRequests = 32;           // parsed but unanswered requests per connection
};

} // namespace perimeter::http
