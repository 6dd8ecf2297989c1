// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyTableModel.h"

namespace perimeter::ui {

// "models": who may use a model at all (teams and/or callers); models without a rule are
// open to every caller the configuration admits.
class PolicyModelRulesModel : public PolicyTableModel {
    Q_OBJECT
public:
    enum Column { ModelColumn, TeamsColumn, CallersColumn, CommentColumn, ColumnCount };
    explicit PolicyModelRulesModel(QObject *parent = nullptr);
    void store(QJsonObject &document) const override;
    QString cellPath(int row, int column) const override;
    QString rowPath(int row) const override;

protected:
    QList<QVariantList> read(const QJsonObject &document) const override;
    QString headerText(int column) const override;
    QVariantList newRow() const override { return {QString(), QString(), QString(), QString()}; }
    QString checkCell(int row, int column) const override;
    QString columnToolTip(int column) const override;
};

} // namespace perimeter::ui
