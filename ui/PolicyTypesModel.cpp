// SPDX-License-Identifier: Apache-2.0
#include "PolicyTypesModel.h"
#include <QJsonArray>
#include <algorithm>

namespace perimeter::ui {

PolicyTypesModel::PolicyTypesModel(QObject *parent) : PolicyTableModel(parent)
{
    m_columns = {ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Choice, QStringList{QString()} + levelNames(), false},
                 ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Check, {}, false}};
}

QList<QVariantList> PolicyTypesModel::read(const QJsonObject &document) const
{
    const QJsonObject classifier = document.value(QLatin1String("classifier")).toObject();
    const QJsonObject types = classifier.value(QLatin1String("types")).toObject();
    QStringList disabled;
    for (const auto &t : classifier.value(QLatin1String("disabled_types")).toArray())
        disabled.append(t.toString());
    QStringList names = types.keys();
    for (const QString &d : disabled) {
        if (!names.contains(d))
            names.append(d);
    }
    std::sort(names.begin(), names.end());
    QList<QVariantList> rows;
    for (const QString &name : names) {
        const QJsonObject t = types.value(name).toObject();
        rows.append(QVariantList{name, t.value(QLatin1String("level")).toString(), numberText(t.value(QLatin1String("threshold"))),
                                 disabled.contains(name)});
    }
    return rows;
}

void PolicyTypesModel::store(QJsonObject &document) const
{
    QJsonObject classifier = document.value(QLatin1String("classifier")).toObject();
    QJsonObject types;
    QJsonArray disabled;
    for (int r = 0; r < rowsInModel(); ++r) {
        QJsonObject t;
        if (!text(r, LevelColumn).isEmpty())
            t.insert(QLatin1String("level"), text(r, LevelColumn));
        if (!text(r, ThresholdColumn).isEmpty())
            t.insert(QLatin1String("threshold"), numberValue(text(r, ThresholdColumn)));
        if (!t.isEmpty() || !checked(r, DisabledColumn))
            types.insert(text(r, TypeColumn), t);
        if (checked(r, DisabledColumn))
            disabled.append(text(r, TypeColumn));
    }
    if (types.isEmpty())
        classifier.remove(QLatin1String("types"));
    else
        classifier.insert(QLatin1String("types"), types);
    if (disabled.isEmpty())
        classifier.remove(QLatin1String("disabled_types"));
    else
        classifier.insert(QLatin1String("disabled_types"), disabled);
    if (classifier.isEmpty())
        document.remove(QLatin1String("classifier"));
    else
        document.insert(QLatin1String("classifier"), classifier);
}

QString PolicyTypesModel::rowPath(int row) const
{
    return QStringLiteral("/classifier/types/") + text(row, TypeColumn);
}

QString PolicyTypesModel::cellPath(int row, int column) const
{
    switch (column) {
    case LevelColumn:
        return rowPath(row) + QStringLiteral("/level");
    case ThresholdColumn:
        return rowPath(row) + QStringLiteral("/threshold");
    case DisabledColumn: {
        int k = 0;
        for (int r = 0; r < row; ++r)
            k += checked(r, DisabledColumn) ? 1 : 0;
        return QStringLiteral("/classifier/disabled_types/%1").arg(k);
    }
    default:
        return rowPath(row);
    }
}

QString PolicyTypesModel::headerText(int column) const
{
    switch (column) {
    case TypeColumn:
        return tr("Finding type");
    case LevelColumn:
        return tr("Level");
    case ThresholdColumn:
        return tr("Score threshold");
    default:
        return tr("Recognizers off");
    }
}

QString PolicyTypesModel::columnToolTip(int column) const
{
    switch (column) {
    case TypeColumn:
        return tr("The finding type, e.g. PHONE_NUMBER or EMPLOYEE_ID.");
    case LevelColumn:
        return tr("The sensitivity level a finding of this type gives the request; empty: the type's default.");
    case ThresholdColumn:
        return tr("Findings scoring below this (0 to 1) do not count; empty: the recognizer's default.");
    default:
        return tr("Turns the built-in recognizers of this type off.");
    }
}

QString PolicyTypesModel::checkCell(int row, int column) const
{
    if (column == TypeColumn) {
        const QString name = text(row, TypeColumn);
        if (const QString p = typeNameProblem(name); !p.isEmpty())
            return p;
        for (int r = 0; r < rowsInModel(); ++r) {
            if (r != row && text(r, TypeColumn) == name)
                return tr("Type %1 is listed twice.").arg(name);
        }
        return {};
    }
    if (column == ThresholdColumn)
        return unitProblem(text(row, column), true);
    return {};
}

} // namespace perimeter::ui
