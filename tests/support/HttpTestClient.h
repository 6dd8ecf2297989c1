// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>
#include <functional>

namespace perimeter::test {

// A blocking HTTP client for tests, on QNetworkAccessManager with a local event loop.
struct HttpTestResponse {
    int status = 0;                 // 0: no HTTP answer (connection error or timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QList<qint64> chunkArrivalMs;   // when each readyRead delivered data, from the request start
    QString error;
    QByteArray header(const QByteArray &name) const;
};

class HttpTestClient {
public:
    static HttpTestResponse request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10'000);
};

} // namespace perimeter::test
