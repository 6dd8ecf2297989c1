// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyTableModel.h"

namespace perimeter::ui {

// "levels": the tiers each sensitivity level may enter, in preference order (four fixed rows).
class PolicyLevelsModel : public PolicyTableModel {
    Q_OBJECT
public:
    enum Column { LevelColumn, TiersColumn, ColumnCount };
    explicit PolicyLevelsModel(QObject *parent = nullptr);
    bool canAddRows() const override { return false; }
    void store(QJsonObject &document) const override;
    QString cellPath(int row, int column) const override;
    QString rowPath(int row) const override;

protected:
    QList<QVariantList> read(const QJsonObject &document) const override;
    QString headerText(int column) const override;
    QVariantList newRow() const override { return {QString(), QString()}; }
    QString checkCell(int row, int column) const override;
    QString columnToolTip(int column) const override;
};

} // namespace perimeter::ui
