// SPDX-License-Identifier: Apache-2.0
#include "AuditFilterProxyModel.h"
#include "AuditTableModel.h"

namespace perimeter::ui {

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AuditTableModel::SortRole);
}

void AuditFilterProxyModel::setText(const QString &text)
{
    if (m_text == text.trimmed())
        return;
    m_text = text.trimmed();
    invalidateFilter();
}

void AuditFilterProxyModel::setTier(const QString &tier)
{
    if (m_tier == tier)
        return;
    m_tier = tier;
    invalidateFilter();
}

void AuditFilterProxyModel::setDecision(const QString &decision)
{
    if (m_decision == decision)
        return;
    m_decision = decision;
    invalidateFilter();
}

void AuditFilterProxyModel::setReview(const QString &review)
{
    if (m_review == review)
        return;
    m_review = review;
    invalidateFilter();
}

bool AuditFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *model = qobject_cast<const AuditTableModel *>(sourceModel());
    const auto *r = model ? model->record(sourceRow) : nullptr;
    if (!r)
        return true;
    if (!m_tier.isEmpty()) {
        const QString tier = r->tier.isEmpty() ? QStringLiteral("none") : r->tier;
        if (tier != m_tier)
            return false;
    }
    if (!m_decision.isEmpty() && r->decision != m_decision)
        return false;
    const auto *review = model->review(sourceRow);
    if (!m_review.isEmpty()) {
        const QString state = review ? review->status : QStringLiteral("unreviewed");
        if (state != m_review)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const QStringList haystack{r->caller, r->team, r->modelRequested, r->modelServed, r->reason, r->requestId,
                               r->endpointId, r->sensitivity, r->findingTypes.keys().join(QLatin1Char(' ')),
                               review ? review->comment : QString()};
    for (const auto &field : haystack) {
        if (field.contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace perimeter::ui
