// SPDX-License-Identifier: Apache-2.0
#include "AuditTableModel.h"
#include "LevelColors.h"
#include <QLocale>

namespace perimeter::ui {

AuditTableModel::AuditTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditTableModel::setRecords(QList<observe::AuditRecord> records)
{
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

const observe::AuditRecord *AuditTableModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &r = m_records.at(index.row());
    const auto level = parseSensitivity(r.sensitivity);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return QLocale().toString(r.ts.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case Caller: return r.caller.isEmpty() ? tr("(anonymous)") : r.caller;
        case Team: return r.team;
        case Model: return r.modelRequested;
        case Tier: return r.tier.isEmpty() ? tr("none") : r.tier;
        case Level: return level ? LevelColors::displayName(*level) : QString();
        case Decision: return r.decision;
        case Reason: return r.reason;
        case Status: return r.status;
        default: return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Time: return r.ts;
        case Level: return level ? int(*level) : -1;
        case Status: return r.status;
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && index.column() == Level && level)
        return LevelColors::swatch(*level);
    if (role == Qt::ToolTipRole && index.column() == Time)
        return r.ts.toString(Qt::ISODateWithMs);
    if (role == Qt::TextAlignmentRole && index.column() == Status)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Caller: return tr("Caller");
    case Team: return tr("Team");
    case Model: return tr("Model");
    case Tier: return tr("Tier");
    case Level: return tr("Level");
    case Decision: return tr("Decision");
    case Reason: return tr("Reason");
    case Status: return tr("Status");
    default: return {};
    }
}

} // namespace perimeter::ui
