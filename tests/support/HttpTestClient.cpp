// SPDX-License-Identifier: Apache-2.0
#include "HttpTestClient.h"
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace perimeter::test {

QByteArray HttpTestResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

HttpTestResponse HttpTestClient::request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                         const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    bool hasContentType = false;
    for (const auto &h : headers) {
        request.setRawHeader(h.first, h.second);
        hasContentType = hasContentType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!body.isEmpty() && !hasContentType)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    HttpTestResponse response;
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&]() {
        response.error = QStringLiteral("timeout");
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, [&]() {
        response.body += reply->readAll();
        response.chunkArrivalMs.append(clock.elapsed());
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    response.body += reply->readAll();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        response.headers.append(pair);
    if (response.error.isEmpty() && reply->error() != QNetworkReply::NoError && response.status == 0)
        response.error = reply->errorString();
    reply->deleteLater();
    return response;
}

} // namespace perimeter::test
