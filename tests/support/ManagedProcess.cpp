// SPDX-License-Identifier: Apache-2.0
#include "ManagedProcess.h"
#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QUrl>
#include <csignal>

namespace perimeter::test {

QString ManagedProcess::binary(const QString &program)
{
    QString dir = qEnvironmentVariable("PERIMETER_BIN_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(PERIMETER_BINARY_DIR "/bin");
    return dir + QLatin1Char('/') + program;
}

ManagedProcess::~ManagedProcess()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool ManagedProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool ManagedProcess::start(const QString &program, const QStringList &arguments, int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binary(program));
    m_process->setArguments(arguments);
    m_process->start();
    if (!m_process->waitForStarted(timeoutMs))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() || m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            while (m_process->canReadLine()) {
                const QByteArray line = m_process->readLine();
                m_stdout += line;
                const auto match = listening.match(QString::fromUtf8(line));
                if (match.hasMatch()) {
                    m_url = match.captured(1);
                    return true;
                }
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            return false;
    }
    return false;
}

quint16 ManagedProcess::port() const
{
    return quint16(QUrl(m_url).port());
}

QString ManagedProcess::errorOutput()
{
    if (m_process)
        m_stderr += m_process->readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

void ManagedProcess::signal(int signalNumber)
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), signalNumber);
}

int ManagedProcess::terminate(int timeoutMs)
{
    if (!isRunning())
        return m_process ? (m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1) : -1;
    signal(SIGTERM);
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

} // namespace perimeter::test
