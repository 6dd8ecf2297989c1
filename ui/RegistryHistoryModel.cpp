// SPDX-License-Identifier: Apache-2.0
#include "RegistryHistoryModel.h"
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>

namespace perimeter::ui {

RegistryHistoryModel::RegistryHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

void RegistryHistoryModel::setEntries(const QList<registry::HistoryEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    std::reverse(m_entries.begin(), m_entries.end());
    endResetModel();
}

const registry::HistoryEntry *RegistryHistoryModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

QString RegistryHistoryModel::actionText(const QString &action)
{
    if (action == QLatin1String("seed"))
        return tr("seeded from the configuration");
    if (action == QLatin1String("add"))
        return tr("added");
    if (action == QLatin1String("edit"))
        return tr("edited");
    if (action == QLatin1String("retire"))
        return tr("retired");
    return action;
}

int RegistryHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RegistryHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistryHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case When:
            return sort ? QVariant(e.sequence) : QVariant(QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat));
        case Who:
            return e.actor;
        case Action:
            return sort ? e.action : actionText(e.action);
        case Version:
            return e.version;
        case Change:
            // The summary names fields and values as stored (untranslated, like the CLI shows them).
            return e.changeSummary();
        case Comment:
            return e.comment;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Change) {
        const QString before = e.before.isEmpty() ? tr("(none)") : QString::fromUtf8(QJsonDocument::fromJson(e.before).toJson(QJsonDocument::Indented));
        const QString after = QString::fromUtf8(QJsonDocument::fromJson(e.after).toJson(QJsonDocument::Indented));
        return tr("Before:\n%1\nAfter:\n%2").arg(before, after);
    }
    return {};
}

QVariant RegistryHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Who:
        return tr("Who");
    case Action:
        return tr("Action");
    case Version:
        return tr("Version");
    case Change:
        return tr("Change");
    case Comment:
        return tr("Comment");
    default:
        return {};
    }
}

} // namespace perimeter::ui
