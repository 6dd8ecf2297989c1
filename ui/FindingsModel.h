// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "classify/Finding.h"
#include <QAbstractTableModel>

namespace perimeter::ui {

// The findings of one simulation: type, level, score, recognizer, where.
class FindingsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Type, Level, Score, Recognizer, Location, ColumnCount };

    explicit FindingsModel(QObject *parent = nullptr);

    void setFindings(const classify::Findings &findings);
    const classify::Findings &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    classify::Findings m_findings;
};

} // namespace perimeter::ui
