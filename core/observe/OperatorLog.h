// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "LogSettings.h"
#include "common/Result.h"
#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QString>
#include <optional>

namespace perimeter::observe {

// perimeterd's operator log: every Qt log message of the process (qInfo/qWarning and the
// categories of core) plus structured events, written as one JSON object per line
// ({"ts","level","component","event","request_id","fields"}) or as plain text, to stderr or a
// file, by a writer thread so that no logging call waits on a disk.
//
// Same rule as the sinks: callers never log payload content, finding values, keys or tokens;
// this class adds nothing of that kind (only the message a component chose to log).
class OperatorLog {
public:
    using Level = LogSettings::Level;

    // Installs the Qt message handler (process-wide). Fails when the file cannot be opened.
    static Status install(const LogSettings &settings);
    // Writes what is queued, closes the file and restores the previous handler.
    static void uninstall();
    static bool isInstalled();
    // Lines refused because the writer's queue was full.
    static quint64 droppedLines();

    // A structured event. Without an installed log it goes to Qt logging as
    // "<event>: key=value ..." text in the given category.
    static void event(Level level, const QLoggingCategory &category, const char *event, const QJsonObject &fields = {},
                      const QString &requestId = {});

    // Pure formatting, for the handler and tests. component: a category name without its
    // "perimeter." prefix. A line never ends in '\n' here.
    static QByteArray formatJson(const QDateTime &ts, Level level, const QString &component, const QString &event,
                                 const QString &requestId, const QJsonObject &fields);
    static QByteArray formatText(const QDateTime &ts, Level level, const QString &component, const QString &event,
                                 const QString &requestId, const QJsonObject &fields);
    static QString levelName(Level level);
    static std::optional<Level> parseLevel(const QString &name);
    // For free-text Qt messages: "draining: 3 request(s) ..." -> "draining"; else "message".
    static QString eventFromMessage(const QString &message);
    // The first gateway request id (req_<32 hex>) in a message, or "".
    static QString requestIdFromMessage(const QString &message);
};

} // namespace perimeter::observe
