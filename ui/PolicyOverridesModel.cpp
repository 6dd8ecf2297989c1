// SPDX-License-Identifier: Apache-2.0
#include "PolicyOverridesModel.h"
#include <QJsonArray>

namespace perimeter::ui {

namespace {

QString levelOf(int column)
{
    return PolicyTableModel::levelNames().at(column - PolicyOverridesModel::PublicColumn);
}

bool isLevelColumn(int column)
{
    return column >= PolicyOverridesModel::PublicColumn && column <= PolicyOverridesModel::RestrictedColumn;
}

} // namespace

PolicyOverridesModel::PolicyOverridesModel(QObject *parent) : PolicyTableModel(parent)
{
    const QStringList tiers = QStringList{QString()} + tierPresets();
    m_columns = {ColumnSpec{Kind::Choice, {QStringLiteral("team"), QStringLiteral("caller")}, false},
                 ColumnSpec{Kind::Text, {}, false},
                 ColumnSpec{Kind::EditableChoice, tiers, false},
                 ColumnSpec{Kind::EditableChoice, tiers, false},
                 ColumnSpec{Kind::EditableChoice, tiers, false},
                 ColumnSpec{Kind::EditableChoice, tiers, false},
                 ColumnSpec{Kind::Check, {}, false},
                 ColumnSpec{Kind::Text, {}, false}};
}

QVariantList PolicyOverridesModel::newRow() const
{
    return {QStringLiteral("team"), QString(), QString(), QString(), QString(), QString(), false, QString()};
}

QList<QVariantList> PolicyOverridesModel::read(const QJsonObject &document) const
{
    QList<QVariantList> rows;
    for (const auto &value : document.value(QLatin1String("overrides")).toArray()) {
        const QJsonObject o = value.toObject();
        const bool caller = o.contains(QLatin1String("caller"));
        QVariantList row{caller ? QStringLiteral("caller") : QStringLiteral("team"),
                         o.value(caller ? QLatin1String("caller") : QLatin1String("team")).toString()};
        const QJsonObject levels = o.value(QLatin1String("levels")).toObject();
        for (const QString &level : levelNames()) {
            if (!levels.contains(level)) {
                row.append(QString());
                continue;
            }
            QStringList list;
            for (const auto &t : levels.value(level).toArray())
                list.append(t.toString());
            row.append(list.isEmpty() ? QStringLiteral("none") : list.join(QLatin1String(", ")));
        }
        row.append(o.value(QLatin1String("exception")).toBool());
        row.append(o.value(QLatin1String("comment")).toString());
        rows.append(row);
    }
    return rows;
}

void PolicyOverridesModel::store(QJsonObject &document) const
{
    QJsonArray overrides;
    for (int r = 0; r < rowsInModel(); ++r) {
        QJsonObject o;
        o.insert(text(r, KindColumn) == QLatin1String("caller") ? QLatin1String("caller") : QLatin1String("team"), text(r, NameColumn));
        QJsonObject levels;
        for (int c = PublicColumn; c <= RestrictedColumn; ++c) {
            if (!text(r, c).isEmpty())
                levels.insert(levelOf(c), QJsonArray::fromStringList(splitList(text(r, c))));
        }
        o.insert(QLatin1String("levels"), levels);
        if (checked(r, ExceptionColumn))
            o.insert(QLatin1String("exception"), true);
        if (!text(r, CommentColumn).isEmpty())
            o.insert(QLatin1String("comment"), text(r, CommentColumn));
        overrides.append(o);
    }
    if (overrides.isEmpty())
        document.remove(QLatin1String("overrides"));
    else
        document.insert(QLatin1String("overrides"), overrides);
}

QString PolicyOverridesModel::rowPath(int row) const
{
    return QStringLiteral("/overrides/%1").arg(row);
}

QString PolicyOverridesModel::cellPath(int row, int column) const
{
    if (column == NameColumn)
        return rowPath(row) + QLatin1Char('/') + (text(row, KindColumn) == QLatin1String("caller") ? QStringLiteral("caller") : QStringLiteral("team"));
    if (isLevelColumn(column))
        return rowPath(row) + QStringLiteral("/levels/") + levelOf(column);
    if (column == ExceptionColumn)
        return rowPath(row) + QStringLiteral("/exception");
    if (column == CommentColumn)
        return rowPath(row) + QStringLiteral("/comment");
    return rowPath(row);
}

QString PolicyOverridesModel::headerText(int column) const
{
    switch (column) {
    case KindColumn:
        return tr("Applies to");
    case NameColumn:
        return tr("Team or caller");
    case PublicColumn:
        return tr("Public");
    case InternalColumn:
        return tr("Internal");
    case ConfidentialColumn:
        return tr("Confidential");
    case RestrictedColumn:
        return tr("Restricted");
    case ExceptionColumn:
        return tr("Exception");
    default:
        return tr("Comment");
    }
}

QString PolicyOverridesModel::columnToolTip(int column) const
{
    if (isLevelColumn(column))
        return tr("Tiers for this level, most preferred first; empty: as the policy says; \"none\": refused.");
    if (column == ExceptionColumn)
        return tr("An exception may permit tiers the policy does not; without it an override may only tighten.");
    return {};
}

QString PolicyOverridesModel::checkCell(int row, int column) const
{
    if (column == NameColumn && text(row, NameColumn).isEmpty())
        return tr("Name the team or the caller.");
    if (isLevelColumn(column))
        return tierListProblem(text(row, column), true);
    return {};
}

} // namespace perimeter::ui
