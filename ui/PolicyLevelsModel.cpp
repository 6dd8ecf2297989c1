// SPDX-License-Identifier: Apache-2.0
#include "PolicyLevelsModel.h"
#include <QJsonArray>

namespace perimeter::ui {

PolicyLevelsModel::PolicyLevelsModel(QObject *parent) : PolicyTableModel(parent)
{
    m_columns = {ColumnSpec{Kind::Text, {}, true}, ColumnSpec{Kind::EditableChoice, tierPresets(), false}};
}

QList<QVariantList> PolicyLevelsModel::read(const QJsonObject &document) const
{
    // Without "levels" the core uses its defaults; show them so they can be edited.
    const QJsonObject levels = document.value(QLatin1String("levels")).toObject();
    const bool defaults = !document.contains(QLatin1String("levels"));
    QList<QVariantList> rows;
    for (const QString &level : levelNames()) {
        QString tiers;
        if (defaults) {
            tiers = level == QLatin1String("public") || level == QLatin1String("internal") ? QStringLiteral("onprem, cloud") : QStringLiteral("onprem");
        } else {
            QStringList list;
            for (const auto &t : levels.value(level).toArray())
                list.append(t.toString());
            tiers = list.isEmpty() ? QStringLiteral("none") : list.join(QLatin1String(", "));
        }
        rows.append(QVariantList{level, tiers});
    }
    return rows;
}

void PolicyLevelsModel::store(QJsonObject &document) const
{
    QJsonObject levels;
    for (int r = 0; r < rowsInModel(); ++r)
        levels.insert(text(r, LevelColumn), QJsonArray::fromStringList(splitList(text(r, TiersColumn))));
    document.insert(QLatin1String("levels"), levels);
}

QString PolicyLevelsModel::cellPath(int row, int) const
{
    return rowPath(row);
}

QString PolicyLevelsModel::rowPath(int row) const
{
    return QStringLiteral("/levels/") + text(row, LevelColumn);
}

QString PolicyLevelsModel::headerText(int column) const
{
    return column == LevelColumn ? tr("Sensitivity level") : tr("Permitted tiers (in preference order)");
}

QString PolicyLevelsModel::columnToolTip(int column) const
{
    return column == TiersColumn ? tr("Tiers this level may use, most preferred first; \"none\" refuses the level everywhere.") : QString();
}

QString PolicyLevelsModel::checkCell(int row, int column) const
{
    return column == TiersColumn ? tierListProblem(text(row, column), false) : QString();
}

} // namespace perimeter::ui
