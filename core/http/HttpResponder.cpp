// SPDX-License-Identifier: Apache-2.0
#include "HttpResponder.h"
#include "HttpConnection.h"

namespace perimeter::http {

HttpResponder::HttpResponder(HttpConnection *connection)
    : QObject(connection)
    , m_connection(connection)
{
}

HttpResponder::~HttpResponder() = default;

void HttpResponder::send(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (m_clientGone || m_started || m_finished)
        return;
    m_started = true;
    m_finished = true;
    QByteArray out = m_connection->responseHead(status, headers, body.size(), HttpConnection::Framing::Length);
    out += body;
    m_connection->writeData(out);
    m_connection->responseFinished(this);
}

void HttpResponder::beginStream(int status, const HttpHeaders &headers)
{
    if (m_clientGone || m_started || m_finished)
        return;
    m_started = true;
    m_streaming = true;
    // An HTTP/1.0 client cannot decode chunked framing: the body ends when the connection closes.
    const auto framing = m_connection->currentRequestIsHttp10() ? HttpConnection::Framing::CloseDelimited
                                                                : HttpConnection::Framing::Chunked;
    m_connection->writeData(m_connection->responseHead(status, headers, -1, framing));
}

void HttpResponder::writeChunk(const QByteArray &data)
{
    // An empty chunk would be the terminator; only endStream() may write that.
    if (m_clientGone || !m_streaming || m_finished || data.isEmpty())
        return;
    if (m_connection->currentRequestIsHttp10()) {
        m_connection->writeData(data);
        return;
    }
    QByteArray out;
    out.reserve(data.size() + 16);
    out += QByteArray::number(data.size(), 16);
    out += "\r\n";
    out += data;
    out += "\r\n";
    m_connection->writeData(out);
}

void HttpResponder::endStream()
{
    if (m_clientGone || m_finished)
        return;
    if (!m_started)
        beginStream(200, {});
    if (!m_streaming)
        return;
    m_finished = true;
    if (!m_connection->currentRequestIsHttp10())
        m_connection->writeData(QByteArrayLiteral("0\r\n\r\n"));
    m_connection->responseFinished(this);
}

void HttpResponder::abort()
{
    if (m_clientGone || m_finished)
        return;
    m_finished = true;
    m_connection->abortResponse(this);
}

qint64 HttpResponder::bytesPending() const
{
    if (m_clientGone || !m_connection)
        return 0;
    return m_connection->bytesToWrite();
}

void HttpResponder::markClientGone()
{
    if (m_clientGone || m_finished)
        return;
    m_clientGone = true;
    Q_EMIT clientGone();
}

} // namespace perimeter::http
