// SPDX-License-Identifier: Apache-2.0
#include "cli/TableWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTextStream>

using namespace perimeter::cli;

class tst_TableWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseFormat_data();
    void parseFormat();
    void alignedTable();
    void emptyTable();
    void json();
    void jsonl();
    void cellsStayOnOneLine();
};

namespace {

TableWriter sample()
{
    TableWriter t({QStringLiteral("name"), QStringLiteral("count"), QStringLiteral("when"), QStringLiteral("note")});
    t.addRow({QStringLiteral("alice"), 5, QDateTime(QDate(2026, 11, 24), QTime(5, 0, 0, 7), Qt::UTC), QVariant()});
    t.addRow({QStringLiteral("bartholomew"), 12345, QVariant(), true});
    t.addRow({QStringLiteral("short row")});
    return t;
}

} // namespace

void tst_TableWriter::parseFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("expected"); // -1 = invalid
    QTest::newRow("table") << QStringLiteral("table") << int(TableWriter::Format::Table);
    QTest::newRow("json") << QStringLiteral("json") << int(TableWriter::Format::Json);
    QTest::newRow("jsonl") << QStringLiteral("jsonl") << int(TableWriter::Format::Jsonl);
    QTest::newRow("upper case") << QStringLiteral("JSON") << -1;
    QTest::newRow("csv") << QStringLiteral("csv") << -1;
    QTest::newRow("empty") << QString() << -1;
}

void tst_TableWriter::parseFormat()
{
    QFETCH(QString, name);
    QFETCH(int, expected);
    const auto parsed = TableWriter::parseFormat(name);
    QCOMPARE(parsed.has_value(), expected >= 0);
    if (parsed)
        QCOMPARE(int(*parsed), expected);
}

void tst_TableWriter::alignedTable()
{
    QString text;
    QTextStream out(&text);
    sample().writeTable(out);
    out.flush();
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("NAME         COUNT  WHEN                      NOTE"));
    QCOMPARE(lines.at(1), QStringLiteral("alice            5  2026-11-24T05:00:00.007Z  -"));
    QCOMPARE(lines.at(2), QStringLiteral("bartholomew  12345  -                         true"));
    QCOMPARE(lines.at(3), QStringLiteral("short row        -  -                         -"));
    for (const QString &line : lines)
        QVERIFY(!line.endsWith(QLatin1Char(' ')));
}

void tst_TableWriter::emptyTable()
{
    TableWriter t({QStringLiteral("a"), QStringLiteral("b")});
    QString text;
    QTextStream out(&text);
    t.write(out, TableWriter::Format::Table);
    t.write(out, TableWriter::Format::Json);
    t.write(out, TableWriter::Format::Jsonl);
    out.flush();
    QCOMPARE(text, QStringLiteral("A  B\n[\n]\n"));
}

void tst_TableWriter::json()
{
    QString text;
    QTextStream out(&text);
    sample().write(out, TableWriter::Format::Json);
    out.flush();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray rows = doc.array();
    QCOMPARE(rows.size(), 3);
    const QJsonObject first = rows.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("alice"));
    QVERIFY(first.value(QStringLiteral("count")).isDouble());
    QCOMPARE(first.value(QStringLiteral("count")).toInt(), 5);
    QCOMPARE(first.value(QStringLiteral("when")).toString(), QStringLiteral("2026-11-24T05:00:00.007Z"));
    QVERIFY(first.value(QStringLiteral("note")).isNull());
    QCOMPARE(rows.at(1).toObject().value(QStringLiteral("note")).toBool(), true);
    QVERIFY(rows.at(2).toObject().value(QStringLiteral("count")).isNull());
}

void tst_TableWriter::jsonl()
{
    QString text;
    QTextStream out(&text);
    sample().write(out, TableWriter::Format::Jsonl);
    out.flush();
    QVERIFY(text.endsWith(QLatin1Char('\n')));
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    for (const QString &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8());
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().size(), 4);
    }
    QCOMPARE(QJsonDocument::fromJson(lines.at(1).toUtf8()).object().value(QStringLiteral("name")).toString(),
             QStringLiteral("bartholomew"));
}

void tst_TableWriter::cellsStayOnOneLine()
{
    TableWriter t({QStringLiteral("comment")});
    t.addRow({QStringLiteral("two\nlines\x1b[31m")});
    QString text;
    QTextStream out(&text);
    t.writeTable(out);
    out.flush();
    QCOMPARE(text.count(QLatin1Char('\n')), 2);
    QVERIFY(!text.contains(QChar(0x1b)));
    // JSON keeps the exact value (escaped by the JSON writer).
    QString json;
    QTextStream jout(&json);
    t.writeJsonl(jout);
    jout.flush();
    QCOMPARE(QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("comment")).toString(),
             QStringLiteral("two\nlines\x1b[31m"));
}

QTEST_GUILESS_MAIN(tst_TableWriter)
#include "tst_tablewriter.moc"
