// SPDX-License-Identifier: Apache-2.0
#include "PolicyRecognizersModel.h"
#include <QJsonArray>
#include <QRegularExpression>

namespace perimeter::ui {

PolicyRecognizersModel::PolicyRecognizersModel(QObject *parent) : PolicyTableModel(parent)
{
    m_columns = {ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Text, {}, false},
                 ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Choice, QStringList{QString()} + levelNames(), false},
                 ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Check, {}, false}};
}

QVariantList PolicyRecognizersModel::newRow() const
{
    return {QString(), QString(), QString(), QStringLiteral("0.8"), QString(), QString(), false};
}

QList<QVariantList> PolicyRecognizersModel::read(const QJsonObject &document) const
{
    QList<QVariantList> rows;
    const auto list = document.value(QLatin1String("classifier")).toObject().value(QLatin1String("custom_recognizers")).toArray();
    for (const auto &value : list) {
        const QJsonObject c = value.toObject();
        QStringList context;
        for (const auto &t : c.value(QLatin1String("context")).toArray())
            context.append(t.toString());
        rows.append(QVariantList{c.value(QLatin1String("name")).toString(), c.value(QLatin1String("type")).toString(),
                                 c.value(QLatin1String("pattern")).toString(), numberText(c.value(QLatin1String("score"))),
                                 c.value(QLatin1String("level")).toString(), context.join(QLatin1String(", ")),
                                 c.value(QLatin1String("case_insensitive")).toBool()});
    }
    return rows;
}

void PolicyRecognizersModel::store(QJsonObject &document) const
{
    QJsonObject classifier = document.value(QLatin1String("classifier")).toObject();
    QJsonArray list;
    for (int r = 0; r < rowsInModel(); ++r) {
        QJsonObject c{{QLatin1String("name"), text(r, NameColumn)}, {QLatin1String("type"), text(r, TypeColumn)},
                      {QLatin1String("pattern"), text(r, PatternColumn)}};
        if (!text(r, ScoreColumn).isEmpty())
            c.insert(QLatin1String("score"), numberValue(text(r, ScoreColumn)));
        if (!text(r, LevelColumn).isEmpty())
            c.insert(QLatin1String("level"), text(r, LevelColumn));
        const QStringList context = splitList(text(r, ContextColumn));
        if (!context.isEmpty())
            c.insert(QLatin1String("context"), QJsonArray::fromStringList(context));
        if (checked(r, CaseInsensitiveColumn))
            c.insert(QLatin1String("case_insensitive"), true);
        list.append(c);
    }
    if (list.isEmpty())
        classifier.remove(QLatin1String("custom_recognizers"));
    else
        classifier.insert(QLatin1String("custom_recognizers"), list);
    if (classifier.isEmpty())
        document.remove(QLatin1String("classifier"));
    else
        document.insert(QLatin1String("classifier"), classifier);
}

QString PolicyRecognizersModel::rowPath(int row) const
{
    return QStringLiteral("/classifier/custom_recognizers/%1").arg(row);
}

QString PolicyRecognizersModel::cellPath(int row, int column) const
{
    static const char *const keys[] = {"name", "type", "pattern", "score", "level", "context", "case_insensitive"};
    return rowPath(row) + QLatin1Char('/') + QLatin1String(keys[column]);
}

QString PolicyRecognizersModel::headerText(int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Finding type");
    case PatternColumn:
        return tr("Pattern");
    case ScoreColumn:
        return tr("Score");
    case LevelColumn:
        return tr("Level");
    case ContextColumn:
        return tr("Context words");
    default:
        return tr("Ignore case");
    }
}

QString PolicyRecognizersModel::columnToolTip(int column) const
{
    switch (column) {
    case PatternColumn:
        return tr("A regular expression (PCRE subset: no look-around, no back-references).");
    case ContextColumn:
        return tr("With context words (separated by commas) a match scores fully only near one of them.");
    case LevelColumn:
        return tr("Empty: the level of the finding type.");
    default:
        return {};
    }
}

QString PolicyRecognizersModel::checkCell(int row, int column) const
{
    switch (column) {
    case NameColumn:
        return text(row, column).isEmpty() ? tr("Give the recognizer a name.") : QString();
    case TypeColumn:
        return typeNameProblem(text(row, column));
    case PatternColumn: {
        const QString pattern = text(row, column);
        if (pattern.isEmpty())
            return tr("A pattern is required.");
        // A quick syntax check while typing; the core's pattern compiler has the last word.
        const QRegularExpression re(pattern);
        return re.isValid() ? QString() : tr("Not a valid regular expression: %1 (at %2).").arg(re.errorString()).arg(re.patternErrorOffset());
    }
    case ScoreColumn:
        return unitProblem(text(row, column), true);
    default:
        return {};
    }
}

} // namespace perimeter::ui
