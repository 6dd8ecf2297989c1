// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QStyledItemDelegate>

namespace perimeter::ui {

// Editors for policy cells: a combo box where the model offers choices (levels, tier lists,
// team/caller), a line edit otherwise. Validation stays in the model, which marks the cell.
class PolicyCellDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace perimeter::ui
