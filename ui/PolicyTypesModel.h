// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyTableModel.h"

namespace perimeter::ui {

// "classifier.types" and "classifier.disabled_types": per finding type, the level it maps to,
// the minimum score that counts, and whether its built-in recognizers are off.
class PolicyTypesModel : public PolicyTableModel {
    Q_OBJECT
public:
    enum Column { TypeColumn, LevelColumn, ThresholdColumn, DisabledColumn, ColumnCount };
    explicit PolicyTypesModel(QObject *parent = nullptr);
    void store(QJsonObject &document) const override;
    QString cellPath(int row, int column) const override;
    QString rowPath(int row) const override;

protected:
    QList<QVariantList> read(const QJsonObject &document) const override;
    QString headerText(int column) const override;
    QVariantList newRow() const override { return {QString(), QString(), QString(), false}; }
    QString checkCell(int row, int column) const override;
    QString columnToolTip(int column) const override;
};

} // namespace perimeter::ui
