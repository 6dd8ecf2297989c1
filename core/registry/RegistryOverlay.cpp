// SPDX-License-Identifier: Apache-2.0
#include "RegistryOverlay.h"
#include <QSet>

namespace perimeter::registry {

namespace {

const config::EndpointConfig *findEndpoint(const QList<config::EndpointConfig> &endpoints, const QString &id)
{
    for (const auto &e : endpoints) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

} // namespace

std::optional<ModelRecord> RegistryOverlay::servingRecord(const QList<ModelRecord> &records, const QString &name)
{
    std::optional<ModelRecord> draining;
    for (const auto &r : records) {
        if (r.name != name)
            continue;
        if (r.status == ModelStatus::Active)
            return r;
        if (r.status == ModelStatus::Draining && (!draining || r.created > draining->created))
            draining = r;
    }
    return draining;
}

QList<config::ModelConfig> RegistryOverlay::effectiveModels(const QList<config::ModelConfig> &configModels,
                                                            const QList<config::EndpointConfig> &endpoints,
                                                            const QList<ModelRecord> &records, QStringList *warnings)
{
    QSet<QString> registered;
    QStringList registryOnly;
    for (const auto &r : records) {
        if (!registered.contains(r.name)) {
            registered.insert(r.name);
            registryOnly.append(r.name);
        }
    }
    QHash<QString, const config::ModelConfig *> configured;
    for (const auto &m : configModels)
        configured.insert(m.name, &m);

    auto build = [&](const QString &name) -> std::optional<config::ModelConfig> {
        const auto serving = servingRecord(records, name);
        if (!serving)
            return std::nullopt;
        config::ModelConfig model;
        model.name = name;
        model.kind = serving->kind;
        for (const auto &id : serving->endpoints) {
            const auto *e = findEndpoint(endpoints, id);
            if (e && e->tier == Tier::OnPrem) {
                model.endpoints.append(id);
            } else if (warnings) {
                warnings->append(QStringLiteral("registry model %1 version %2: endpoint \"%3\" is not an on-prem endpoint of the config; not used")
                                     .arg(name, serving->version, id));
            }
        }
        if (const auto *m = configured.value(name)) {
            for (const auto &id : m->endpoints) {
                const auto *e = findEndpoint(endpoints, id);
                if (e && e->tier == Tier::Cloud && !model.endpoints.contains(id))
                    model.endpoints.append(id);
            }
        }
        if (model.endpoints.isEmpty()) {
            if (warnings)
                warnings->append(QStringLiteral("registry model %1 version %2 has no usable endpoint; not served").arg(name, serving->version));
            return std::nullopt;
        }
        return model;
    };

    QList<config::ModelConfig> out;
    for (const auto &m : configModels) {
        if (!registered.contains(m.name)) {
            out.append(m);
        } else if (auto model = build(m.name)) {
            out.append(*model);
        }
    }
    registryOnly.sort();
    for (const auto &name : registryOnly) {
        if (configured.contains(name))
            continue;
        if (auto model = build(name))
            out.append(*model);
    }
    return out;
}

} // namespace perimeter::registry
