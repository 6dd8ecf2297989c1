// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "service/RegistryResults.h"
#include <QAbstractTableModel>

namespace perimeter::ui {

// The registry's on-prem model versions with the health of their endpoints. Qt::UserRole
// gives sortable raw values; RecordKeyRole "name@version".
class RegistryModelsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Version, Kind, Endpoints, ContextLength, Capacity, Status, Health, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int RecordKeyRole = Qt::UserRole + 1;

    explicit RegistryModelsModel(QObject *parent = nullptr);

    void setView(const service::RegistryView &view);
    const registry::ModelRecord *record(int row) const;
    int rowOf(const QString &name, const QString &version) const;
    bool isServed(int row) const;
    // "2/2 up", "down", ... for a record's endpoints; empty when no health is known.
    QString healthText(const registry::ModelRecord &record) const;
    static QString statusText(registry::ModelStatus status);
    static QString kindText(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int endpointsUp(const registry::ModelRecord &record) const;

    QList<registry::ModelRecord> m_records;
    QStringList m_served;
    QHash<QString, service::EndpointHealth> m_health;
};

} // namespace perimeter::ui
