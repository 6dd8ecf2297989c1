// SPDX-License-Identifier: Apache-2.0
#include "TableWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace perimeter::cli {

namespace {

bool isNumeric(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

// One cell is one line: a newline or an escape sequence in a caller name or comment must not
// break the alignment or drive the terminal.
QString sanitize(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

std::optional<TableWriter::Format> TableWriter::parseFormat(const QString &name)
{
    if (name == QLatin1String("table"))
        return Format::Table;
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("jsonl"))
        return Format::Jsonl;
    return std::nullopt;
}

QString TableWriter::formatNames()
{
    return QStringLiteral("table|json|jsonl");
}

TableWriter::TableWriter(QStringList headers) : m_headers(std::move(headers)) {}

void TableWriter::addRow(QVariantList row)
{
    row.resize(m_headers.size());
    m_rows.append(std::move(row));
}

QString TableWriter::cellText(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QStringLiteral("-");
    switch (value.metaType().id()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Double:
    case QMetaType::Float:
        return QString::number(value.toDouble(), 'g', 12);
    case QMetaType::QStringList:
        return sanitize(value.toStringList().join(QLatin1Char(',')));
    default:
        break;
    }
    const QString text = value.toString();
    return text.isEmpty() ? QStringLiteral("-") : sanitize(text);
}

QJsonValue TableWriter::jsonValue(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue(QJsonValue::Null);
    switch (value.metaType().id()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::QString:
        return value.toString();
    case QMetaType::QJsonValue:
        return value.toJsonValue();
    case QMetaType::QJsonObject:
        return value.toJsonObject();
    case QMetaType::QJsonArray:
        return value.toJsonArray();
    default:
        break;
    }
    if (isNumeric(value)) {
        if (value.metaType().id() == QMetaType::Double || value.metaType().id() == QMetaType::Float)
            return value.toDouble();
        return value.toLongLong();
    }
    return QJsonValue::fromVariant(value);
}

QJsonObject TableWriter::rowObject(const QVariantList &row) const
{
    QJsonObject object;
    for (qsizetype i = 0; i < m_headers.size(); ++i)
        object.insert(m_headers.at(i), jsonValue(row.value(i)));
    return object;
}

void TableWriter::write(QTextStream &out, Format format) const
{
    switch (format) {
    case Format::Table:
        writeTable(out);
        return;
    case Format::Json:
        writeJson(out);
        return;
    case Format::Jsonl:
        writeJsonl(out);
        return;
    }
}

void TableWriter::writeTable(QTextStream &out) const
{
    const qsizetype columns = m_headers.size();
    QList<QStringList> cells;
    cells.reserve(m_rows.size());
    QList<qsizetype> widths(columns, 0);
    QList<bool> rightAligned(columns, false);
    for (qsizetype c = 0; c < columns; ++c)
        widths[c] = m_headers.at(c).size();
    for (const QVariantList &row : m_rows) {
        QStringList texts;
        for (qsizetype c = 0; c < columns; ++c) {
            texts << cellText(row.at(c));
            widths[c] = std::max(widths[c], texts.last().size());
            if (isNumeric(row.at(c)))
                rightAligned[c] = true;
        }
        cells.append(std::move(texts));
    }
    auto writeLine = [&](const QStringList &texts) {
        QString line;
        for (qsizetype c = 0; c < columns; ++c) {
            const bool last = c + 1 == columns;
            if (c > 0)
                line += QStringLiteral("  ");
            if (rightAligned[c])
                line += texts.at(c).rightJustified(widths[c]);
            else
                line += last ? texts.at(c) : texts.at(c).leftJustified(widths[c]);
        }
        out << line << '\n';
    };
    QStringList header;
    for (const QString &h : m_headers)
        header << h.toUpper();
    writeLine(header);
    for (const QStringList &texts : cells)
        writeLine(texts);
}

void TableWriter::writeJson(QTextStream &out) const
{
    QList<QJsonObject> objects;
    objects.reserve(m_rows.size());
    for (const QVariantList &row : m_rows)
        objects.append(rowObject(row));
    writeJsonObjects(out, objects, Format::Json);
}

void TableWriter::writeJsonl(QTextStream &out) const
{
    for (const QVariantList &row : m_rows)
        out << QString::fromUtf8(QJsonDocument(rowObject(row)).toJson(QJsonDocument::Compact)) << '\n';
}

void TableWriter::writeJsonObjects(QTextStream &out, const QList<QJsonObject> &objects, Format format)
{
    if (format == Format::Json) {
        QJsonArray array;
        for (const QJsonObject &o : objects)
            array.append(o);
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return;
    }
    // Table callers do not come here; anything else prints one object per line.
    for (const QJsonObject &o : objects)
        out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
}

} // namespace perimeter::cli
