// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

class QTimer;

namespace perimeter::http {
class HttpResponder;
}

namespace perimeter::sim {

// Writes pre-built server-sent events to a started stream, one per timer tick (never sleeping),
// then the tail (final chunk and [DONE]) and ends the stream. Deletes itself when done or when
// the client has gone.
class SimStream : public QObject {
    Q_OBJECT
public:
    SimStream(http::HttpResponder *responder, QList<QByteArray> frames, QByteArray tail, int tokensPerSecond,
              QObject *parent);
    ~SimStream() override;

    void start();

private:
    void tick();
    void finish();

    QPointer<http::HttpResponder> m_responder;
    QList<QByteArray> m_frames;
    QByteArray m_tail;
    int m_tokensPerSecond;
    qsizetype m_next = 0;
    QTimer *m_timer = nullptr;
};

} // namespace perimeter::sim
