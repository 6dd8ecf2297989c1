// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyTableModel.h"

namespace perimeter::ui {

// "classifier.custom_recognizers": the organisation's own regular expressions (Hyperscan,
// PCRE subset), each giving findings of its type and score, optionally only near context words.
class PolicyRecognizersModel : public PolicyTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, PatternColumn, ScoreColumn, LevelColumn, ContextColumn, CaseInsensitiveColumn, ColumnCount };
    explicit PolicyRecognizersModel(QObject *parent = nullptr);
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
