// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyTableModel.h"

namespace perimeter::ui {

// "classifier.markers": organisation markers, keyword lists (code names, customer names,
// classification banners) that give a finding of their type.
class PolicyMarkersModel : public PolicyTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, LevelColumn, ScoreColumn, TermsColumn, ColumnCount };
    explicit PolicyMarkersModel(QObject *parent = nullptr);
    void store(QJsonObject &document) const override;
    QString cellPath(int row, int column) const override;
    QString rowPath(int row) const override;

protected:
    QList<QVariantList> read(const QJsonObject &document) const override;
    QString headerText(int column) const override;
    QVariantList newRow() const override;
    QString checkCell(int row, int column) const override;
    QString columnToolTip(int column) const override;
};

} // namespace perimeter::ui
