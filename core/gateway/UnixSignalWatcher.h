// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QObject>

class QSocketNotifier;

namespace perimeter::gateway {

// Turns SIGTERM, SIGINT and SIGHUP into Qt signals on the thread that owns this object.
// A signal handler may only do async-signal-safe work, so it writes the signal number to a
// socketpair and the event loop picks it up (the pattern from Qt's "Calling Qt Functions From
// Unix Signal Handlers"). One instance per process.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminateRequested(int signalNumber);
    void reloadRequested();

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace perimeter::gateway
