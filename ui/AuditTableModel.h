// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/AuditRecord.h"
#include "observe/DecisionReview.h"
#include <QHash>
#include <QAbstractTableModel>

namespace perimeter::ui {

// The audit trail as a table. Qt::UserRole gives sortable raw values (time, status, ...).
class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Caller, Team, Model, Tier, Level, Decision, Reason, Status, Review, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit AuditTableModel(QObject *parent = nullptr);

    void setRecords(QList<observe::AuditRecord> records);
    const QList<observe::AuditRecord> &records() const { return m_records; }
    const observe::AuditRecord *record(int row) const;
    // The review state per request id (observe::DecisionReviewStore); shown in the Review column.
    void setReviews(QHash<QString, observe::DecisionReview> reviews);
    void setReview(const observe::DecisionReview &review);
    const observe::DecisionReview *review(int row) const;
    static QString reviewStatusName(const QString &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<observe::AuditRecord> m_records;
    QHash<QString, observe::DecisionReview> m_reviews;
};

} // namespace perimeter::ui
