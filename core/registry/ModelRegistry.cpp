// SPDX-License-Identifier: Apache-2.0
#include "ModelRegistry.h"
#include "ModelValidator.h"
#include "SqliteModelRepository.h"
#include <QSet>
#include <nlohmann/json.hpp>

namespace perimeter::registry {

namespace {

QByteArray compact(const ModelRecord &record)
{
    return QByteArray::fromStdString(record.toJson().dump());
}

Error invalid(const QStringList &problems)
{
    return Error{QStringLiteral("invalid"), problems.join(QLatin1Char('\n'))};
}

} // namespace

ModelRegistry::ModelRegistry(std::shared_ptr<ModelRepository> repository, Clock clock)
    : m_repository(std::move(repository)), m_clock(std::move(clock))
{
}

QDateTime ModelRegistry::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

Result<std::shared_ptr<ModelRegistry>> ModelRegistry::open(const config::Config &config, const QString &actor)
{
    auto repository = SqliteModelRepository::open(config.dataDir);
    if (!repository.ok())
        return repository.error();
    auto registry = std::make_shared<ModelRegistry>(std::shared_ptr<ModelRepository>(std::move(repository).value()));
    if (auto seeded = registry->seed(config, actor); !seeded.ok())
        return seeded.error();
    return registry;
}

std::optional<ModelRecord> ModelRegistry::find(const QList<ModelRecord> &records, const QString &name, const QString &version)
{
    for (const auto &r : records) {
        if (r.name == name && r.version == version)
            return r;
    }
    return std::nullopt;
}

Result<int> ModelRegistry::seed(const config::Config &config, const QString &actor)
{
    auto existing = m_repository->list();
    if (!existing.ok())
        return existing.error();
    QSet<QString> known;
    for (const auto &r : existing.value())
        known.insert(r.name);
    int added = 0;
    for (const auto &m : config.models) {
        if (known.contains(m.name))
            continue;
        ModelRecord record;
        record.name = m.name;
        record.version = QStringLiteral("1");
        record.kind = m.kind;
        for (const auto &id : m.endpoints) {
            const auto *e = config.endpoint(id);
            if (e && e->tier == Tier::OnPrem) {
                record.endpoints.append(id);
                record.capacity += e->capacity;
            }
        }
        if (record.endpoints.isEmpty())
            continue; // a cloud model: priced and routed from the config alone
        record.notes = QStringLiteral("seeded from the configuration");
        record.created = record.updated = now();
        record.updatedBy = actor;
        if (const QStringList problems = ModelValidator::validate(record, config, existing.value(), true); !problems.isEmpty())
            continue; // e.g. a config name outside the registry's alphabet: it keeps working from the config
        HistoryEntry entry;
        entry.at = record.created;
        entry.actor = actor;
        entry.action = QStringLiteral("seed");
        entry.after = compact(record);
        entry.comment = config.sourcePath.isEmpty() ? QString() : QStringLiteral("from %1").arg(config.sourcePath);
        auto written = m_repository->write(record, entry);
        if (!written.ok()) {
            // Another process (perimeterd and perimeterctl starting together) seeded it first.
            if (written.error().code == QLatin1String("duplicate"))
                continue;
            return written.error();
        }
        known.insert(m.name);
        ++added;
    }
    return added;
}

Result<QList<ModelRecord>> ModelRegistry::list() const
{
    return m_repository->list();
}

Result<QList<HistoryEntry>> ModelRegistry::history(const QString &name, const QString &version) const
{
    return m_repository->history(name, version);
}

Result<qint64> ModelRegistry::revision() const
{
    return m_repository->revision();
}

Result<ModelRecord> ModelRegistry::add(const config::Config &config, ModelRecord record, const QString &actor, const QString &comment)
{
    auto existing = m_repository->list();
    if (!existing.ok())
        return existing.error();
    if (const QStringList problems = ModelValidator::validate(record, config, existing.value(), true); !problems.isEmpty())
        return invalid(problems);
    record.created = record.updated = now();
    record.updatedBy = actor;
    HistoryEntry entry;
    entry.at = record.created;
    entry.actor = actor;
    entry.action = QStringLiteral("add");
    entry.after = compact(record);
    entry.comment = comment;
    auto written = m_repository->write(record, entry);
    if (!written.ok()) {
        if (written.error().code == QLatin1String("duplicate"))
            return invalid({QStringLiteral("version: %1").arg(written.error().message)});
        return written.error();
    }
    return record;
}

Result<ModelRecord> ModelRegistry::edit(const config::Config &config, const QString &name, const QString &version, const ModelPatch &patch,
                                        const QString &actor, const QString &comment)
{
    if (patch.isEmpty())
        return invalid({QStringLiteral("edit: nothing to change")});
    return update(config, name, version, patch, QStringLiteral("edit"), actor, comment);
}

Result<ModelRecord> ModelRegistry::retire(const config::Config &config, const QString &name, const QString &version, const QString &actor,
                                          const QString &comment)
{
    ModelPatch patch;
    patch.status = ModelStatus::Retired;
    return update(config, name, version, patch, QStringLiteral("retire"), actor, comment);
}

Result<ModelRecord> ModelRegistry::update(const config::Config &config, const QString &name, const QString &version, const ModelPatch &patch,
                                          const QString &action, const QString &actor, const QString &comment)
{
    auto existing = m_repository->list();
    if (!existing.ok())
        return existing.error();
    const auto before = find(existing.value(), name, version);
    if (!before)
        return Error{QStringLiteral("not_found"), QStringLiteral("%1 version %2 is not registered").arg(name, version)};
    if (action == QLatin1String("retire") && before->status == ModelStatus::Retired)
        return invalid({QStringLiteral("status: %1 version %2 is already retired").arg(name, version)});
    ModelRecord after = *before;
    patch.applyTo(after);
    if (after.sameContent(*before))
        return invalid({QStringLiteral("edit: the change leaves %1 version %2 as it is").arg(name, version)});
    // A retired record keeps whatever endpoints it had even if the config dropped them since:
    // only validate what a record in service needs.
    QStringList problems = ModelValidator::validate(after, config, existing.value(), false);
    if (after.status == ModelStatus::Retired && action == QLatin1String("retire")) {
        problems.erase(std::remove_if(problems.begin(), problems.end(), [](const QString &p) { return p.startsWith(QLatin1String("endpoints")); }),
                       problems.end());
    }
    if (!problems.isEmpty())
        return invalid(problems);
    after.updated = now();
    after.updatedBy = actor;
    HistoryEntry entry;
    entry.at = after.updated;
    entry.actor = actor;
    entry.action = action;
    entry.before = compact(*before);
    entry.after = compact(after);
    entry.comment = comment;
    auto written = m_repository->write(after, entry);
    if (!written.ok())
        return written.error();
    return after;
}

} // namespace perimeter::registry
