// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "HistoryEntry.h"
#include "ModelRecord.h"
#include "common/Result.h"
#include <QList>

namespace perimeter::registry {

// Storage of the model registry. SQLite (SqliteModelRepository) is the embedded default; a
// fleet sharing PostgreSQL implements the same interface. Every call is synchronous and may
// block on I/O: never call it on the gateway's event loop.
class ModelRepository {
public:
    virtual ~ModelRepository() = default;

    // Every version of every model, ordered by name then creation.
    virtual Result<QList<ModelRecord>> list() const = 0;
    // History, oldest first; name/version narrow it when not empty.
    virtual Result<QList<HistoryEntry>> history(const QString &name = QString(), const QString &version = QString()) const = 0;
    // Grows with every change; cheap, so watchers can poll it.
    virtual Result<qint64> revision() const = 0;

    // Insert (entry.action "seed"/"add") or update (any other action) `record` and append `entry`,
    // in one transaction. Error codes: "duplicate" (insert of an existing name+version),
    // "not_found" (update of a missing one), "registry_error" (storage).
    virtual Result<HistoryEntry> write(const ModelRecord &record, const HistoryEntry &entry) = 0;
};

} // namespace perimeter::registry
