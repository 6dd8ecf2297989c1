// SPDX-License-Identifier: Apache-2.0
#include "PolicyCellDelegate.h"
#include "PolicyTableModel.h"
#include <QComboBox>

namespace perimeter::ui {

QWidget *PolicyCellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList choices = index.data(PolicyTableModel::ChoicesRole).toStringList();
    if (choices.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setEditable(index.data(PolicyTableModel::EditableChoiceRole).toBool());
    for (const QString &c : choices)
        combo->addItem(c.isEmpty() ? tr("(default)") : c, c);
    return combo;
}

void PolicyCellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setEditorData(editor, index);
    const QString value = index.data(Qt::EditRole).toString();
    const int at = combo->findData(value);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else if (combo->isEditable())
        combo->setEditText(value);
}

void PolicyCellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo)
        return QStyledItemDelegate::setModelData(editor, model, index);
    // An editable combo's typed text wins unless it is one of the offered labels.
    QString value = combo->currentData().toString();
    if (combo->isEditable() && combo->currentText() != combo->itemText(combo->currentIndex()))
        value = combo->currentText();
    model->setData(index, value, Qt::EditRole);
}

} // namespace perimeter::ui
