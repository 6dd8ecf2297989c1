// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>
#include <QVariant>
#include <optional>

class QTextStream;

namespace perimeter::cli {

// The `--format table|json|jsonl` output of every perimeterctl command that prints records.
// Rows are QVariant cells under named columns: the table shows the names upper-cased with
// aligned columns (numbers right-aligned, null as "-"); json is one array of objects keyed by
// column name, jsonl one compact object per line. QDateTime cells print as RFC 3339 UTC.
class TableWriter {
public:
    enum class Format { Table, Json, Jsonl };

    static std::optional<Format> parseFormat(const QString &name);
    static QString formatNames(); // "table|json|jsonl", for usage texts

    explicit TableWriter(QStringList headers);

    // Missing cells are null; extra cells are ignored.
    void addRow(QVariantList row);
    qsizetype rowCount() const { return m_rows.size(); }
    const QStringList &headers() const { return m_headers; }

    void write(QTextStream &out, Format format) const;
    void writeTable(QTextStream &out) const;
    void writeJson(QTextStream &out) const;
    void writeJsonl(QTextStream &out) const;

    // For commands whose JSON carries more than their table (e.g. every audit field).
    static void writeJsonObjects(QTextStream &out, const QList<QJsonObject> &objects, Format format);

    static QString cellText(const QVariant &value);
    static QJsonValue jsonValue(const QVariant &value);

private:
    QJsonObject rowObject(const QVariantList &row) const;

    QStringList m_headers;
    QList<QVariantList> m_rows;
};

} // namespace perimeter::cli
