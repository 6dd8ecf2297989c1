// SPDX-License-Identifier: Apache-2.0
#include "OperatorLog.h"
#include "common/ThreadName.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

namespace perimeter::observe {

namespace {

constexpr size_t kMaxQueuedLines = 10000;

class LogWriter {
public:
    Status open(const LogSettings &settings)
    {
        m_settings = settings;
        if (!settings.file.isEmpty()) {
            m_file = std::fopen(QFile::encodeName(settings.file).constData(), "a");
            if (!m_file)
                return Error{QStringLiteral("log_unwritable"), QStringLiteral("/logging/file: cannot open %1 for appending").arg(settings.file)};
            QFile::setPermissions(settings.file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        m_stopping = false;
        m_thread = std::thread([this]() { run(); });
        return Ok{};
    }

    void close()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        if (m_file)
            std::fclose(m_file);
        m_file = nullptr;
    }

    void push(QByteArray line, bool urgent)
    {
        line.append('\n');
        if (urgent) {
            // A fatal message ends the process: write it (and everything before it) now.
            std::lock_guard lock(m_mutex);
            writeAll();
            writeLine(line);
            std::fflush(stream());
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            if (m_queue.size() >= kMaxQueuedLines) {
                ++m_dropped;
                return;
            }
            m_queue.push_back(std::move(line));
        }
        m_wake.notify_one();
    }

    const LogSettings &settings() const { return m_settings; }
    quint64 dropped() const
    {
        std::lock_guard lock(m_mutex);
        return m_dropped;
    }

private:
    FILE *stream() const { return m_file ? m_file : stderr; }
    void writeLine(const QByteArray &line) { std::fwrite(line.constData(), 1, size_t(line.size()), stream()); }
    void writeAll() // m_mutex held
    {
        while (!m_queue.empty()) {
            writeLine(m_queue.front());
            m_queue.pop_front();
        }
    }
    void run()
    {
        ThreadName::set("operator-log");
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this]() { return m_stopping || !m_queue.empty(); });
            std::deque<QByteArray> batch;
            batch.swap(m_queue);
            const bool stopping = m_stopping;
            lock.unlock();
            for (const auto &line : batch)
                writeLine(line);
            std::fflush(stream());
            lock.lock();
            if (stopping && m_queue.empty())
                return;
        }
    }

    LogSettings m_settings;
    FILE *m_file = nullptr;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<QByteArray> m_queue;
    quint64 m_dropped = 0;
    bool m_stopping = false;
    std::thread m_thread;
};

std::mutex g_installMutex;
LogWriter *g_writer = nullptr;
QtMessageHandler g_previous = nullptr;

OperatorLog::Level levelOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return OperatorLog::Level::Debug;
    case QtInfoMsg:
        return OperatorLog::Level::Info;
    case QtWarningMsg:
        return OperatorLog::Level::Warning;
    case QtCriticalMsg:
    case QtFatalMsg:
        return OperatorLog::Level::Error;
    }
    return OperatorLog::Level::Info;
}

QString componentOf(const char *category)
{
    QString c = category ? QString::fromLatin1(category) : QStringLiteral("default");
    if (c.startsWith(QLatin1String("perimeter.")))
        c = c.mid(10);
    return c;
}

void write(OperatorLog::Level level, const QString &component, const QString &event, const QString &requestId,
           const QJsonObject &fields, bool urgent)
{
    std::lock_guard lock(g_installMutex);
    if (!g_writer || int(level) < int(g_writer->settings().level))
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool json = g_writer->settings().format == LogSettings::Format::Json;
    g_writer->push(json ? OperatorLog::formatJson(now, level, component, event, requestId, fields)
                        : OperatorLog::formatText(now, level, component, event, requestId, fields),
                   urgent);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    write(levelOf(type), componentOf(context.category), OperatorLog::eventFromMessage(message),
          OperatorLog::requestIdFromMessage(message), QJsonObject{{QStringLiteral("message"), message}}, type == QtFatalMsg);
}

QString fieldText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() || value.isBool() || value.isNull())
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

Status OperatorLog::install(const LogSettings &settings)
{
    auto writer = std::make_unique<LogWriter>();
    if (auto opened = writer->open(settings); !opened)
        return opened;
    {
        std::lock_guard lock(g_installMutex);
        if (g_writer) {
            writer->close();
            return Error{QStringLiteral("log_installed"), QStringLiteral("an operator log is already installed")};
        }
        g_writer = writer.release();
    }
    g_previous = qInstallMessageHandler(handler);
    return Ok{};
}

void OperatorLog::uninstall()
{
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    LogWriter *writer = nullptr;
    {
        std::lock_guard lock(g_installMutex);
        std::swap(writer, g_writer);
    }
    if (writer) {
        writer->close();
        delete writer;
    }
}

bool OperatorLog::isInstalled()
{
    std::lock_guard lock(g_installMutex);
    return g_writer != nullptr;
}

quint64 OperatorLog::droppedLines()
{
    std::lock_guard lock(g_installMutex);
    return g_writer ? g_writer->dropped() : 0;
}

void OperatorLog::event(Level level, const QLoggingCategory &category, const char *event, const QJsonObject &fields,
                        const QString &requestId)
{
    if (isInstalled()) {
        write(level, componentOf(category.categoryName()), QString::fromLatin1(event), requestId, fields, false);
        return;
    }
    QString text = QString::fromLatin1(event) + QLatin1Char(':');
    if (!requestId.isEmpty())
        text += QStringLiteral(" request_id=") + requestId;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
        text += QLatin1Char(' ') + it.key() + QLatin1Char('=') + fieldText(it.value());
    switch (level) {
    case Level::Debug:
        qCDebug(category, "%s", qPrintable(text));
        break;
    case Level::Info:
        qCInfo(category, "%s", qPrintable(text));
        break;
    case Level::Warning:
        qCWarning(category, "%s", qPrintable(text));
        break;
    case Level::Error:
        qCCritical(category, "%s", qPrintable(text));
        break;
    }
}

QByteArray OperatorLog::formatJson(const QDateTime &ts, Level level, const QString &component, const QString &event,
                                   const QString &requestId, const QJsonObject &fields)
{
    QJsonObject o;
    o.insert(QStringLiteral("ts"), ts.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("level"), levelName(level));
    o.insert(QStringLiteral("component"), component);
    o.insert(QStringLiteral("event"), event);
    if (!requestId.isEmpty())
        o.insert(QStringLiteral("request_id"), requestId);
    o.insert(QStringLiteral("fields"), fields);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray OperatorLog::formatText(const QDateTime &ts, Level level, const QString &component, const QString &event,
                                   const QString &requestId, const QJsonObject &fields)
{
    QString line = ts.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + levelName(level).toUpper() + QLatin1Char(' ')
                   + component + QLatin1Char(' ');
    // A free-text message reads best as itself; structured events as key=value pairs.
    if (fields.size() == 1 && fields.contains(QStringLiteral("message"))) {
        line += fields.value(QStringLiteral("message")).toString();
    } else {
        line += event;
        if (!requestId.isEmpty())
            line += QStringLiteral(" request_id=") + requestId;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            line += QLatin1Char(' ') + it.key() + QLatin1Char('=') + fieldText(it.value());
    }
    line.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return line.toUtf8();
}

QString OperatorLog::levelName(Level level)
{
    switch (level) {
    case Level::Debug:
        return QStringLiteral("debug");
    case Level::Info:
        return QStringLiteral("info");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

std::optional<OperatorLog::Level> OperatorLog::parseLevel(const QString &name)
{
    for (Level l : {Level::Debug, Level::Info, Level::Warning, Level::Error}) {
        if (levelName(l) == name)
            return l;
    }
    return std::nullopt;
}

QString OperatorLog::eventFromMessage(const QString &message)
{
    static const QRegularExpression prefix(QStringLiteral("^([A-Za-z][A-Za-z0-9 _-]{0,39}):"));
    const auto match = prefix.match(message);
    if (!match.hasMatch())
        return QStringLiteral("message");
    QString event = match.captured(1).trimmed().toLower();
    event.replace(QLatin1Char(' '), QLatin1Char('_'));
    event.replace(QLatin1Char('-'), QLatin1Char('_'));
    return event;
}

QString OperatorLog::requestIdFromMessage(const QString &message)
{
    static const QRegularExpression id(QStringLiteral("\\breq_[0-9a-f]{32}\\b"));
    const auto match = id.match(message);
    return match.hasMatch() ? match.captured(0) : QString();
}

} // namespace perimeter::observe
