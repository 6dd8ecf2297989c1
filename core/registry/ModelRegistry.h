// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ModelRepository.h"
#include "config/Config.h"
#include <functional>
#include <memory>

namespace perimeter::registry {

// The on-prem model registry: validated changes with a history entry each, over a
// ModelRepository. Thread-safe as far as the repository is (the SQLite one is); calls block
// on storage, so the gateway runs them on the thread pool.
//
// Error codes: "invalid" (message: every problem, one per line, "<field>: <message>"),
// "not_found", "registry_error" (storage).
class ModelRegistry {
public:
    using Clock = std::function<QDateTime()>;

    explicit ModelRegistry(std::shared_ptr<ModelRepository> repository, Clock clock = {});

    // <data_dir>/registry.db, seeded from the config (see seed()).
    static Result<std::shared_ptr<ModelRegistry>> open(const config::Config &config, const QString &actor = QStringLiteral("seed"));

    // Adds every config model that has an on-prem endpoint and whose name the registry does not
    // know yet, as version "1" (active, its on-prem endpoints, capacity = their summed capacity).
    // Names already in the registry, retired ones included, are left alone: once registered,
    // the registry decides. Returns how many were added.
    Result<int> seed(const config::Config &config, const QString &actor);

    Result<QList<ModelRecord>> list() const;
    Result<QList<HistoryEntry>> history(const QString &name = QString(), const QString &version = QString()) const;
    Result<qint64> revision() const;

    // created/updated/updatedBy are filled in here.
    Result<ModelRecord> add(const config::Config &config, ModelRecord record, const QString &actor, const QString &comment = QString());
    Result<ModelRecord> edit(const config::Config &config, const QString &name, const QString &version, const ModelPatch &patch,
                             const QString &actor, const QString &comment = QString());
    // Retired versions are no longer served; retiring a retired version is "invalid".
    Result<ModelRecord> retire(const config::Config &config, const QString &name, const QString &version, const QString &actor,
                               const QString &comment = QString());

    ModelRepository &repository() { return *m_repository; }

    static std::optional<ModelRecord> find(const QList<ModelRecord> &records, const QString &name, const QString &version);

private:
    Result<ModelRecord> update(const config::Config &config, const QString &name, const QString &version, const ModelPatch &patch,
                               const QString &action, const QString &actor, const QString &comment);
    QDateTime now() const;

    std::shared_ptr<ModelRepository> m_repository;
    Clock m_clock;
};

} // namespace perimeter::registry
