// SPDX-License-Identifier: Apache-2.0
#include "RegistryModelsModel.h"
#include <QApplication>
#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace perimeter::ui {

RegistryModelsModel::RegistryModelsModel(QObject *parent) : QAbstractTableModel(parent) {}

void RegistryModelsModel::setView(const service::RegistryView &view)
{
    beginResetModel();
    m_records = view.records;
    m_served = view.servedVersions;
    m_health = view.health;
    endResetModel();
}

const registry::ModelRecord *RegistryModelsModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

int RegistryModelsModel::rowOf(const QString &name, const QString &version) const
{
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).name == name && m_records.at(i).version == version)
            return i;
    }
    return -1;
}

bool RegistryModelsModel::isServed(int row) const
{
    const auto *r = record(row);
    return r && m_served.contains(r->key());
}

QString RegistryModelsModel::statusText(registry::ModelStatus status)
{
    switch (status) {
    case registry::ModelStatus::Active:
        return tr("active");
    case registry::ModelStatus::Draining:
        return tr("draining");
    case registry::ModelStatus::Retired:
        return tr("retired");
    }
    return QString();
}

QString RegistryModelsModel::kindText(const QString &kind)
{
    if (kind == QLatin1String("chat"))
        return tr("chat");
    if (kind == QLatin1String("completion"))
        return tr("completion");
    if (kind == QLatin1String("embedding"))
        return tr("embedding");
    return kind;
}

int RegistryModelsModel::endpointsUp(const registry::ModelRecord &record) const
{
    int up = 0;
    for (const auto &id : record.endpoints) {
        const auto it = m_health.constFind(id);
        if (it != m_health.cend() && it->known && it->available)
            ++up;
    }
    return up;
}

QString RegistryModelsModel::healthText(const registry::ModelRecord &record) const
{
    if (m_health.isEmpty() || record.endpoints.isEmpty())
        return QString();
    const int up = endpointsUp(record);
    const int total = int(record.endpoints.size());
    if (up == 0)
        return tr("down (0/%1 endpoints up)").arg(total);
    if (up < total)
        return tr("degraded (%1/%2 endpoints up)").arg(up).arg(total);
    return tr("healthy (%1/%2 endpoints up)").arg(up).arg(total);
}

int RegistryModelsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RegistryModelsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistryModelsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &r = m_records.at(index.row());
    const bool served = m_served.contains(r.key());
    if (role == RecordKeyRole)
        return r.key();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case Name:
            return r.name;
        case Version:
            return r.version;
        case Kind:
            return sort ? QVariant(r.kind) : QVariant(kindText(r.kind));
        case Endpoints:
            return r.endpoints.join(QStringLiteral(", "));
        case ContextLength:
            if (sort)
                return r.contextLength;
            return r.contextLength == 0 ? tr("not stated") : QLocale().toString(r.contextLength);
        case Capacity:
            return sort ? QVariant(r.capacity) : QVariant(QLocale().toString(r.capacity));
        case Status:
            if (sort)
                return int(r.status);
            return served ? tr("%1, served").arg(statusText(r.status)) : statusText(r.status);
        case Health:
            if (sort)
                return r.endpoints.isEmpty() ? 0.0 : double(endpointsUp(r)) / double(r.endpoints.size());
            return r.status == registry::ModelStatus::Retired ? QString() : healthText(r);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Status) {
            if (served)
                return tr("The gateway serves this version for requests naming %1.").arg(r.name);
            if (r.status == registry::ModelStatus::Retired)
                return tr("Retired: not served.");
            return tr("Not served: another version of %1 is active.").arg(r.name);
        }
        if (index.column() == Name && !r.notes.isEmpty())
            return r.notes;
        if (index.column() == Health) {
            QStringList lines;
            for (const auto &id : r.endpoints) {
                const auto h = m_health.value(id);
                if (!h.known)
                    lines.append(tr("%1: not in the configuration").arg(id));
                else if (h.circuitOpen)
                    lines.append(tr("%1: circuit open after failures").arg(id));
                else if (!h.available)
                    lines.append(tr("%1: down").arg(id));
                else
                    lines.append(tr("%1: up, %2 of %3 in flight").arg(id).arg(h.inFlight).arg(h.capacity));
            }
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    }
    if (role == Qt::ForegroundRole && r.status == registry::ModelStatus::Retired)
        return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::TextAlignmentRole && (index.column() == ContextLength || index.column() == Capacity))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RegistryModelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Version:
        return tr("Version");
    case Kind:
        return tr("Kind");
    case Endpoints:
        return tr("Endpoints");
    case ContextLength:
        return tr("Context length");
    case Capacity:
        return tr("Capacity");
    case Status:
        return tr("Status");
    case Health:
        return tr("Health");
    default:
        return {};
    }
}

} // namespace perimeter::ui
