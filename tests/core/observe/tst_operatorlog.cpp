// SPDX-License-Identifier: Apache-2.0
#include "observe/OperatorLog.h"
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace perimeter::observe;

Q_LOGGING_CATEGORY(lcTestGateway, "perimeter.gateway")

namespace {

QList<QByteArray> readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class OperatorLogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { OperatorLog::uninstall(); }
    void jsonLinesFromQtLogging();
    void levelFiltersLowerMessages_data();
    void levelFiltersLowerMessages();
    void textFormatIsOneLinePerMessage();
    void structuredEvents();
    void eventNames_data();
    void eventNames();
    void unwritableFileIsRefused();
};

void OperatorLogTest::jsonLinesFromQtLogging()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("perimeterd.log"));
    LogSettings settings;
    settings.format = LogSettings::Format::Json;
    settings.file = path;
    QVERIFY(OperatorLog::install(settings).ok());
    qCInfo(lcTestGateway, "draining: 3 request(s) in flight, grace 30000 ms");
    qCWarning(lcTestGateway, "audit queue full: record for request %s dropped", "req_0123456789abcdef0123456789abcdef");
    qWarning("a message\nwith a line break");
    OperatorLog::uninstall();

    const auto lines = readLines(path);
    QCOMPARE(lines.size(), 3);
    QList<QJsonObject> objects;
    for (const auto &line : lines) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), line.constData());
        objects.append(doc.object());
        for (const char *key : {"ts", "level", "component", "event", "fields"})
            QVERIFY2(doc.object().contains(QLatin1String(key)), key);
    }
    QCOMPARE(objects[0].value(QStringLiteral("level")).toString(), QStringLiteral("info"));
    QCOMPARE(objects[0].value(QStringLiteral("component")).toString(), QStringLiteral("gateway"));
    QCOMPARE(objects[0].value(QStringLiteral("event")).toString(), QStringLiteral("draining"));
    QVERIFY(!objects[0].contains(QStringLiteral("request_id")));
    QCOMPARE(objects[1].value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
    QCOMPARE(objects[1].value(QStringLiteral("event")).toString(), QStringLiteral("audit_queue_full"));
    QCOMPARE(objects[1].value(QStringLiteral("request_id")).toString(), QStringLiteral("req_0123456789abcdef0123456789abcdef"));
    QCOMPARE(objects[2].value(QStringLiteral("component")).toString(), QStringLiteral("default"));
    QCOMPARE(objects[2].value(QStringLiteral("fields")).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("a message\nwith a line break"));
    QVERIFY(QDateTime::fromString(objects[0].value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs).isValid());
}

void OperatorLogTest::levelFiltersLowerMessages_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("expectedLines");
    QTest::newRow("debug keeps all") << int(LogSettings::Level::Debug) << 4;
    QTest::newRow("info drops debug") << int(LogSettings::Level::Info) << 3;
    QTest::newRow("warning keeps warnings and errors") << int(LogSettings::Level::Warning) << 2;
    QTest::newRow("error keeps errors") << int(LogSettings::Level::Error) << 1;
}

void OperatorLogTest::levelFiltersLowerMessages()
{
    QFETCH(int, level);
    QFETCH(int, expectedLines);
    QTemporaryDir dir;
    LogSettings settings;
    settings.format = LogSettings::Format::Json;
    settings.file = dir.filePath(QStringLiteral("log"));
    settings.level = LogSettings::Level(level);
    QVERIFY(OperatorLog::install(settings).ok());
    qCDebug(lcTestGateway, "d");
    qCInfo(lcTestGateway, "i");
    qCWarning(lcTestGateway, "w");
    qCCritical(lcTestGateway, "c");
    OperatorLog::uninstall();
    QCOMPARE(readLines(settings.file).size(), expectedLines);
}

void OperatorLogTest::textFormatIsOneLinePerMessage()
{
    QTemporaryDir dir;
    LogSettings settings;
    settings.file = dir.filePath(QStringLiteral("log"));
    QVERIFY(OperatorLog::install(settings).ok());
    qCWarning(lcTestGateway, "two\nlines");
    OperatorLog::uninstall();
    const auto lines = readLines(settings.file);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines[0].endsWith(" WARNING gateway two\\nlines"), lines[0].constData());
}

void OperatorLogTest::structuredEvents()
{
    QTemporaryDir dir;
    LogSettings settings;
    settings.format = LogSettings::Format::Json;
    settings.file = dir.filePath(QStringLiteral("log"));
    QVERIFY(OperatorLog::install(settings).ok());
    OperatorLog::event(OperatorLog::Level::Warning, lcTestGateway(), "sink_spool_full",
                       {{QStringLiteral("sink"), QStringLiteral("siem")}, {QStringLiteral("records_lost"), 200}},
                       QStringLiteral("req_x"));
    OperatorLog::uninstall();
    const auto lines = readLines(settings.file);
    QCOMPARE(lines.size(), 1);
    const QJsonObject o = QJsonDocument::fromJson(lines[0]).object();
    QCOMPARE(o.value(QStringLiteral("event")).toString(), QStringLiteral("sink_spool_full"));
    QCOMPARE(o.value(QStringLiteral("request_id")).toString(), QStringLiteral("req_x"));
    QCOMPARE(o.value(QStringLiteral("fields")).toObject().value(QStringLiteral("records_lost")).toInt(), 200);
}

void OperatorLogTest::eventNames_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("event");
    QTest::newRow("prefix") << QStringLiteral("draining: 2 in flight") << QStringLiteral("draining");
    QTest::newRow("words") << QStringLiteral("audit queue full: record dropped") << QStringLiteral("audit_queue_full");
    QTest::newRow("no prefix") << QStringLiteral("configuration reloaded; policy version 3") << QStringLiteral("message");
    QTest::newRow("too long a prefix") << QStringLiteral("this prefix is far too long to be an event name at all: x")
                                      << QStringLiteral("message");
    QTest::newRow("path-like prefix") << QStringLiteral("/sinks/0/url: bad") << QStringLiteral("message");
}

void OperatorLogTest::eventNames()
{
    QFETCH(QString, message);
    QFETCH(QString, event);
    QCOMPARE(OperatorLog::eventFromMessage(message), event);
}

void OperatorLogTest::unwritableFileIsRefused()
{
    LogSettings settings;
    settings.file = QStringLiteral("/nonexistent-dir-for-perimeter-tests/x.log");
    const auto installed = OperatorLog::install(settings);
    QVERIFY(!installed.ok());
    QVERIFY(installed.error().message.contains(QStringLiteral("/logging/file")));
    QVERIFY(!OperatorLog::isInstalled());
}

QTEST_MAIN(OperatorLogTest)
#include "tst_operatorlog.moc"
