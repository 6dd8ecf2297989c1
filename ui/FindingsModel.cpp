// SPDX-License-Identifier: Apache-2.0
#include "FindingsModel.h"
#include "LevelColors.h"

namespace perimeter::ui {

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingsModel::setFindings(const classify::Findings &findings)
{
    beginResetModel();
    m_findings = findings;
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &f = m_findings.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Type: return f.subtype.isEmpty() ? f.type : QStringLiteral("%1 (%2)").arg(f.type, f.subtype);
        case Level: return LevelColors::displayName(f.level);
        case Score: return QString::number(f.score, 'f', 2);
        case Recognizer: return f.recognizer;
        case Location:
            return QStringLiteral("%1 [%2–%3]").arg(f.path.isEmpty() ? tr("text") : f.path).arg(f.start).arg(f.end);
        default: return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Level)
        return LevelColors::swatch(f.level);
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Level: return int(f.level);
        case Score: return f.score;
        case Location: return f.start;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Score)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Type: return tr("Type");
    case Level: return tr("Level");
    case Score: return tr("Score");
    case Recognizer: return tr("Recognizer");
    case Location: return tr("Location");
    default: return {};
    }
}

} // namespace perimeter::ui
