// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QSortFilterProxyModel>

namespace perimeter::ui {

// Filters an AuditTableModel by free text (caller, team, model, reason, request id, finding
// types, review comment), tier, decision and review state; sorts by raw values.
class AuditFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);

    void setText(const QString &text);
    void setTier(const QString &tier);         // "" = any, "none" = never reached a tier
    void setDecision(const QString &decision); // "" = any
    void setReview(const QString &review);     // "" = any, "unreviewed", "reviewed", "flagged"
    QString review() const { return m_review; }
    QString text() const { return m_text; }
    QString tier() const { return m_tier; }
    QString decision() const { return m_decision; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    QString m_tier;
    QString m_decision;
    QString m_review;
};

} // namespace perimeter::ui
