// SPDX-License-Identifier: Apache-2.0
#include "SimStream.h"
#include "http/HttpResponder.h"
#include <QTimer>

namespace perimeter::sim {

SimStream::SimStream(http::HttpResponder *responder, QList<QByteArray> frames, QByteArray tail, int tokensPerSecond,
                     QObject *parent)
    : QObject(parent)
    , m_responder(responder)
    , m_frames(std::move(frames))
    , m_tail(std::move(tail))
    , m_tokensPerSecond(tokensPerSecond)
{
    connect(responder, &http::HttpResponder::clientGone, this, &SimStream::finish);
    connect(responder, &QObject::destroyed, this, &SimStream::finish);
}

SimStream::~SimStream() = default;

void SimStream::start()
{
    if (m_tokensPerSecond <= 0) {
        // As fast as possible: still one event per token, all written at once.
        while (m_responder && m_next < m_frames.size())
            tick();
        tick();
        return;
    }
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(qMax(1, 1000 / m_tokensPerSecond));
    connect(m_timer, &QTimer::timeout, this, &SimStream::tick);
    // The first token goes out at once; the pace applies between tokens.
    tick();
    if (m_responder)
        m_timer->start();
}

void SimStream::tick()
{
    if (!m_responder || m_responder->isClientGone()) {
        finish();
        return;
    }
    if (m_next < m_frames.size()) {
        m_responder->writeChunk(m_frames.at(m_next++));
        return;
    }
    m_responder->writeChunk(m_tail);
    m_responder->endStream();
    finish();
}

void SimStream::finish()
{
    if (m_timer)
        m_timer->stop();
    m_responder = nullptr;
    deleteLater();
}

} // namespace perimeter::sim
