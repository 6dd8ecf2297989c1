// SPDX-License-Identifier: Apache-2.0
#include "AuditTableModel.h"
#include "LevelColors.h"
#include <QApplication>
#include <QLocale>
#include <QStyle>

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

void AuditTableModel::setReviews(QHash<QString, observe::DecisionReview> reviews)
{
    m_reviews = std::move(reviews);
    if (!m_records.isEmpty())
        Q_EMIT dataChanged(index(0, Review), index(rowCount() - 1, Review));
}

void AuditTableModel::setReview(const observe::DecisionReview &review)
{
    m_reviews.insert(review.requestId, review);
    for (int row = 0; row < m_records.size(); ++row) {
        if (m_records.at(row).requestId == review.requestId)
            Q_EMIT dataChanged(index(row, Review), index(row, Review));
    }
}

const observe::DecisionReview *AuditTableModel::review(int row) const
{
    if (row < 0 || row >= m_records.size())
        return nullptr;
    const auto it = m_reviews.constFind(m_records.at(row).requestId);
    return it == m_reviews.constEnd() ? nullptr : &it.value();
}

QString AuditTableModel::reviewStatusName(const QString &status)
{
    if (status == QLatin1String("reviewed"))
        return tr("Reviewed");
    if (status == QLatin1String("flagged"))
        return tr("Flagged");
    return {};
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
        case Review: {
            const auto *review = this->review(index.row());
            return review ? reviewStatusName(review->status) : QString();
        }
        default: return {};
        }
    }
    if (index.column() == Review) {
        const auto *review = this->review(index.row());
        if (role == Qt::ToolTipRole && review)
            return review->comment.isEmpty() ? tr("%1 by %2").arg(reviewStatusName(review->status), review->reviewer)
                                             : tr("%1 by %2: %3").arg(reviewStatusName(review->status), review->reviewer, review->comment);
        if (role == Qt::DecorationRole && review && review->status == QLatin1String("flagged"))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
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
    case Review: return tr("Review");
    default: return {};
    }
}

} // namespace perimeter::ui
