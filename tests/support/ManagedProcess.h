// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QProcess>
#include <QString>
#include <QStringList>
#include <memory>

namespace perimeter::test {

// A program of ours started for an end-to-end test: waits for its "listening on URL" line,
// keeps its stderr for failure messages, and is always stopped (SIGTERM, then SIGKILL).
class ManagedProcess {
public:
    ManagedProcess() = default;
    ~ManagedProcess();
    ManagedProcess(const ManagedProcess &) = delete;
    ManagedProcess &operator=(const ManagedProcess &) = delete;

    // program is a name in $PERIMETER_BIN_DIR (e.g. "perimeterd").
    bool start(const QString &program, const QStringList &arguments, int timeoutMs = 10'000);
    // The URL from the "listening on" line, e.g. "http://127.0.0.1:43121".
    QString url() const { return m_url; }
    quint16 port() const;
    QString errorOutput();
    // What the program printed on stdout up to its "listening on" line.
    QString startupOutput() const { return QString::fromUtf8(m_stdout); }
    // SIGTERM and wait; returns the exit code (-1 on crash or timeout).
    int terminate(int timeoutMs = 10'000);
    void signal(int signalNumber);
    QProcess &process() { return *m_process; }
    bool isRunning() const;

    static QString binary(const QString &program);

private:
    std::unique_ptr<QProcess> m_process;
    QString m_url;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

} // namespace perimeter::test
