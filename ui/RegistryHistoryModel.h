// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "registry/HistoryEntry.h"
#include <QAbstractTableModel>

namespace perimeter::ui {

// The registry's change history (newest first): when, who, what, and the fields that changed
// with their values before and after. Qt::UserRole gives sortable raw values.
class RegistryHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Who, Action, Version, Change, Comment, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit RegistryHistoryModel(QObject *parent = nullptr);

    // entries oldest first, as the registry returns them.
    void setEntries(const QList<registry::HistoryEntry> &entries);
    const registry::HistoryEntry *entry(int row) const;
    static QString actionText(const QString &action);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<registry::HistoryEntry> m_entries;
};

} // namespace perimeter::ui
