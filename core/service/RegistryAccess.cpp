// SPDX-License-Identifier: Apache-2.0
#include "RegistryAccess.h"
#include "gateway/Gateway.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryOverlay.h"

namespace perimeter::service {

QHash<QString, EndpointHealth> RegistryAccess::health(gateway::Gateway &gateway)
{
    QHash<QString, EndpointHealth> out;
    const auto snapshot = gateway.snapshot();
    const qint64 now = gateway.context().nowMs();
    for (const auto &e : snapshot->config.endpoints) {
        const auto state = gateway.context().endpoints.value(e.id, routing::EndpointState(e.id, e.capacity));
        EndpointHealth h;
        h.id = e.id;
        h.tier = e.tier;
        h.known = true;
        h.available = state.isAvailable(now);
        h.circuitOpen = state.isCircuitOpen(now);
        h.inFlight = state.inFlight();
        h.capacity = state.capacity();
        out.insert(e.id, h);
    }
    return out;
}

RegistryView RegistryAccess::view(registry::ModelRegistry &registry, const gateway::GatewaySnapshot &snapshot, QHash<QString, EndpointHealth> health)
{
    RegistryView view;
    auto records = registry.list();
    if (!records.ok()) {
        view.error = records.error().message;
        return view;
    }
    view.ok = true;
    view.records = records.value();
    view.health = std::move(health);
    view.healthChecksEnabled = snapshot.config.healthChecks.enabled;
    for (const auto &e : snapshot.config.endpoints) {
        if (e.tier == Tier::OnPrem)
            view.onPremEndpoints.append(e.id);
    }
    QStringList names;
    for (const auto &r : view.records) {
        if (!names.contains(r.name))
            names.append(r.name);
    }
    for (const auto &name : names) {
        if (const auto serving = registry::RegistryOverlay::servingRecord(view.records, name))
            view.servedVersions.append(serving->key());
    }
    // Cloud models as served now (config.models is the overlay result), priced by the cost table.
    for (const auto &m : snapshot.config.models) {
        CloudModel cloud;
        cloud.name = m.name;
        cloud.kind = m.kind;
        for (const auto &id : m.endpoints) {
            const auto *e = snapshot.config.endpoint(id);
            if (!e)
                continue;
            if (e->tier == Tier::Cloud)
                cloud.endpoints.append(id);
            else
                cloud.alsoOnPrem = true;
        }
        if (cloud.endpoints.isEmpty())
            continue;
        cloud.price = snapshot.config.costs.priceFor(m.name);
        view.cloudModels.append(cloud);
    }
    return view;
}

RegistryChangeResult RegistryAccess::apply(registry::ModelRegistry &registry, const gateway::GatewaySnapshot &snapshot, const RegistryChange &change,
                                           const QString &actor)
{
    // Validate against the config as the file states it (not the overlay), like perimeterctl.
    config::Config config = snapshot.config;
    if (!snapshot.configModels.isEmpty())
        config.models = snapshot.configModels;
    Result<registry::ModelRecord> result = Error{};
    switch (change.action) {
    case RegistryChange::Action::Add:
        result = registry.add(config, change.record, actor, change.comment);
        break;
    case RegistryChange::Action::Edit:
        result = registry.edit(config, change.record.name, change.record.version, change.patch, actor, change.comment);
        break;
    case RegistryChange::Action::Retire:
        result = registry.retire(config, change.record.name, change.record.version, actor, change.comment);
        break;
    }
    RegistryChangeResult out;
    if (result.ok()) {
        out.ok = true;
        out.record = result.value();
        return out;
    }
    out.code = result.error().code;
    if (out.code == QLatin1String("invalid"))
        out.problems = result.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    else
        out.message = result.error().message;
    return out;
}

RegistryHistoryResult RegistryAccess::history(registry::ModelRegistry &registry, const QString &name, const QString &version)
{
    RegistryHistoryResult out;
    auto entries = registry.history(name, version);
    if (!entries.ok()) {
        out.error = entries.error().message;
        return out;
    }
    out.ok = true;
    out.entries = entries.value();
    return out;
}

QString RegistryAccess::consoleActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return user.isEmpty() ? QStringLiteral("console") : QStringLiteral("console (%1)").arg(user);
}

} // namespace perimeter::service
