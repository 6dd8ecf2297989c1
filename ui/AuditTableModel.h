// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/AuditRecord.h"
#include <QAbstractTableModel>

namespace perimeter::ui {

// The audit trail as a table. Qt::UserRole gives sortable raw values (time, status, ...).
class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Caller, Team, Model, Tier, Level, Decision, Reason, Status, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit AuditTableModel(QObject *parent = nullptr);

    void setRecords(QList<observe::AuditRecord> records);
    const QList<observe::AuditRecord> &records() const { return m_records; }
    const observe::AuditRecord *record(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<observe::AuditRecord> m_records;
};

} // namespace perimeter::ui
