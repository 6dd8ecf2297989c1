// SPDX-License-Identifier: Apache-2.0
#include "PolicyMarkersModel.h"
#include <QJsonArray>

namespace perimeter::ui {

PolicyMarkersModel::PolicyMarkersModel(QObject *parent) : PolicyTableModel(parent)
{
    m_columns = {ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Text, {}, false},
                 ColumnSpec{Kind::Choice, QStringList{QString()} + levelNames(), false}, ColumnSpec{Kind::Text, {}, false},
                 ColumnSpec{Kind::Text, {}, false}};
}

QVariantList PolicyMarkersModel::newRow() const
{
    return {QString(), QStringLiteral("ORG_MARKER"), QString(), QStringLiteral("1"), QString()};
}

QList<QVariantList> PolicyMarkersModel::read(const QJsonObject &document) const
{
    QList<QVariantList> rows;
    const auto markers = document.value(QLatin1String("classifier")).toObject().value(QLatin1String("markers")).toArray();
    for (const auto &value : markers) {
        const QJsonObject m = value.toObject();
        QStringList terms;
        for (const auto &t : m.value(QLatin1String("terms")).toArray())
            terms.append(t.toString());
        rows.append(QVariantList{m.value(QLatin1String("name")).toString(), m.value(QLatin1String("type")).toString(QStringLiteral("ORG_MARKER")),
                                 m.value(QLatin1String("level")).toString(), numberText(m.value(QLatin1String("score"))),
                                 terms.join(QLatin1String("; "))});
    }
    return rows;
}

void PolicyMarkersModel::store(QJsonObject &document) const
{
    QJsonObject classifier = document.value(QLatin1String("classifier")).toObject();
    QJsonArray markers;
    for (int r = 0; r < rowsInModel(); ++r) {
        QJsonObject m{{QLatin1String("name"), text(r, NameColumn)}, {QLatin1String("type"), text(r, TypeColumn)}};
        if (!text(r, LevelColumn).isEmpty())
            m.insert(QLatin1String("level"), text(r, LevelColumn));
        if (!text(r, ScoreColumn).isEmpty())
            m.insert(QLatin1String("score"), numberValue(text(r, ScoreColumn)));
        m.insert(QLatin1String("terms"), QJsonArray::fromStringList(splitList(text(r, TermsColumn), QLatin1Char(';'))));
        markers.append(m);
    }
    if (markers.isEmpty())
        classifier.remove(QLatin1String("markers"));
    else
        classifier.insert(QLatin1String("markers"), markers);
    if (classifier.isEmpty())
        document.remove(QLatin1String("classifier"));
    else
        document.insert(QLatin1String("classifier"), classifier);
}

QString PolicyMarkersModel::rowPath(int row) const
{
    return QStringLiteral("/classifier/markers/%1").arg(row);
}

QString PolicyMarkersModel::cellPath(int row, int column) const
{
    static const char *const keys[] = {"name", "type", "level", "score", "terms"};
    return rowPath(row) + QLatin1Char('/') + QLatin1String(keys[column]);
}

QString PolicyMarkersModel::headerText(int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Finding type");
    case LevelColumn:
        return tr("Level");
    case ScoreColumn:
        return tr("Score");
    default:
        return tr("Terms (separated by ;)");
    }
}

QString PolicyMarkersModel::columnToolTip(int column) const
{
    if (column == TermsColumn)
        return tr("Keywords matched case-insensitively; any run of spaces matches any run of spaces. Separate them with ;.");
    if (column == LevelColumn)
        return tr("Empty: the level of the finding type (ORG_MARKER: confidential).");
    return {};
}

QString PolicyMarkersModel::checkCell(int row, int column) const
{
    switch (column) {
    case NameColumn:
        return text(row, column).isEmpty() ? tr("Give the list a name.") : QString();
    case TypeColumn:
        return typeNameProblem(text(row, column));
    case ScoreColumn:
        return unitProblem(text(row, column), true);
    case TermsColumn:
        return splitList(text(row, column), QLatin1Char(';')).isEmpty() ? tr("List at least one term.") : QString();
    default:
        return {};
    }
}

} // namespace perimeter::ui
