// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "policy/PolicyVersion.h"
#include <QAbstractTableModel>

namespace perimeter::ui {

// The policy version history (newest first), with the active version marked.
class PolicyHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SequenceColumn, VersionColumn, AppliedColumn, AuthorColumn, CommentColumn, ColumnCount };
    static constexpr int SequenceRole = Qt::UserRole + 1;

    explicit PolicyHistoryModel(QObject *parent = nullptr);
    void setVersions(const QList<policy::PolicyVersion> &versions);
    void setActiveVersion(const QString &version);
    policy::PolicyVersion versionAt(int row) const { return m_versions.value(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<policy::PolicyVersion> m_versions;
    QString m_active;
};

} // namespace perimeter::ui
