// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyTableModel.h"

namespace perimeter::ui {

// "overrides": a team's or a caller's own tier lists for some levels. An override may only
// tighten the policy unless it is marked as an exception.
class PolicyOverridesModel : public PolicyTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, NameColumn, PublicColumn, InternalColumn, ConfidentialColumn, RestrictedColumn, ExceptionColumn, CommentColumn, ColumnCount };
    explicit PolicyOverridesModel(QObject *parent = nullptr);
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
