// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "service/RegistryResults.h"
#include <QAbstractTableModel>

namespace perimeter::ui {

// Models served from the cloud tier (from the configuration), with the list prices of the
// cost table. Qt::UserRole gives sortable raw values.
class RegistryCloudModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Endpoints, InputPrice, OutputPrice, PriceSource, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    explicit RegistryCloudModel(QObject *parent = nullptr);

    void setModels(const QList<service::CloudModel> &models);
    const service::CloudModel *model(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<service::CloudModel> m_models;
};

} // namespace perimeter::ui
