// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ModelRepository.h"
#include <memory>

namespace perimeter::registry {

// The registry in <dataDir>/registry.db (SQLite, WAL). Like the key store, every call opens
// its own short-lived connection in the calling thread, so the CLI, the console's pool
// threads and the gateway's refresher can share one instance and SQLite serialises writers.
class SqliteModelRepository : public ModelRepository {
public:
    static constexpr int kSchemaVersion = 1;
    static QString fileName() { return QStringLiteral("registry.db"); }

    // Creates the directory (0700) and the schema when missing.
    static Result<std::unique_ptr<SqliteModelRepository>> open(const QString &dataDir);

    Result<QList<ModelRecord>> list() const override;
    Result<QList<HistoryEntry>> history(const QString &name = QString(), const QString &version = QString()) const override;
    Result<qint64> revision() const override;
    Result<HistoryEntry> write(const ModelRecord &record, const HistoryEntry &entry) override;

    QString databasePath() const { return m_path; }

private:
    explicit SqliteModelRepository(QString path) : m_path(std::move(path)) {}
    const QString m_path;
};

} // namespace perimeter::registry
