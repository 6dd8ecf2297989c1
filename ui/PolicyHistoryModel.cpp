// SPDX-License-Identifier: Apache-2.0
#include "PolicyHistoryModel.h"
#include <QFont>
#include <QLocale>

namespace perimeter::ui {

PolicyHistoryModel::PolicyHistoryModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void PolicyHistoryModel::setVersions(const QList<policy::PolicyVersion> &versions)
{
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

void PolicyHistoryModel::setActiveVersion(const QString &version)
{
    m_active = version;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PolicyHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int PolicyHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &v = m_versions.at(index.row());
    // The newest entry with the active version string is the one in force.
    bool active = false;
    if (v.version == m_active) {
        active = true;
        for (int r = 0; r < index.row(); ++r)
            active = active && m_versions.at(r).version != m_active;
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SequenceColumn:
            return QStringLiteral("#%1").arg(v.sequence);
        case VersionColumn:
            return active ? tr("%1 (active)").arg(v.version) : v.version;
        case AppliedColumn:
            return QLocale().toString(v.appliedAt.toLocalTime(), QLocale::ShortFormat);
        case AuthorColumn:
            return v.author;
        default:
            return v.comment;
        }
    case Qt::FontRole:
        if (active) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case SequenceRole:
        return v.sequence;
    default:
        return {};
    }
}

QVariant PolicyHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SequenceColumn:
        return tr("#");
    case VersionColumn:
        return tr("Version");
    case AppliedColumn:
        return tr("Applied");
    case AuthorColumn:
        return tr("Author");
    case CommentColumn:
        return tr("Comment");
    default:
        return {};
    }
}

} // namespace perimeter::ui
