// SPDX-License-Identifier: Apache-2.0
#include "RegistryCloudModel.h"
#include "RegistryModelsModel.h"
#include <QLocale>

namespace perimeter::ui {

namespace {

QString money(double amount, const QString &currency)
{
    return QStringLiteral("%1 %2").arg(QLocale().toString(amount, 'f', 2), currency);
}

} // namespace

RegistryCloudModel::RegistryCloudModel(QObject *parent) : QAbstractTableModel(parent) {}

void RegistryCloudModel::setModels(const QList<service::CloudModel> &models)
{
    beginResetModel();
    m_models = models;
    endResetModel();
}

const service::CloudModel *RegistryCloudModel::model(int row) const
{
    return row >= 0 && row < m_models.size() ? &m_models.at(row) : nullptr;
}

int RegistryCloudModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int RegistryCloudModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistryCloudModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &m = m_models.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case Name:
            return m.alsoOnPrem && !sort ? tr("%1 (also on-prem)").arg(m.name) : m.name;
        case Kind:
            return sort ? m.kind : RegistryModelsModel::kindText(m.kind);
        case Endpoints:
            return m.endpoints.join(QStringLiteral(", "));
        case InputPrice:
            if (!m.price)
                return sort ? QVariant(-1.0) : QVariant(tr("no price"));
            return sort ? QVariant(m.price->inputPer1M) : QVariant(money(m.price->inputPer1M, m.price->currency));
        case OutputPrice:
            if (!m.price)
                return sort ? QVariant(-1.0) : QVariant(tr("no price"));
            return sort ? QVariant(m.price->outputPer1M) : QVariant(money(m.price->outputPer1M, m.price->currency));
        case PriceSource:
            if (!m.price)
                return QString();
            if (sort)
                return m.price->asOf;
            return m.price->source == QLatin1String("config") ? tr("configuration, %1").arg(m.price->asOf)
                                                               : tr("built-in list price, %1").arg(m.price->asOf);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && (index.column() == InputPrice || index.column() == OutputPrice) && !m.price)
        return tr("The cost table has no price for %1; its requests are recorded without a cost.").arg(m.name);
    if (role == Qt::TextAlignmentRole && (index.column() == InputPrice || index.column() == OutputPrice))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RegistryCloudModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Kind:
        return tr("Kind");
    case Endpoints:
        return tr("Endpoints");
    case InputPrice:
        return tr("Input / 1M tokens");
    case OutputPrice:
        return tr("Output / 1M tokens");
    case PriceSource:
        return tr("Price from");
    default:
        return {};
    }
}

} // namespace perimeter::ui
