// SPDX-License-Identifier: Apache-2.0
#include "GatewaySnapshotLoader.h"
#include "config/ConfigLoader.h"
#include "policy/PolicyLoader.h"
#include "registry/RegistryOverlay.h"
#include "secrets/EnvFileCredentialResolver.h"

namespace perimeter::gateway {

std::shared_ptr<const GatewaySnapshot> GatewaySnapshotLoader::withPolicy(const GatewaySnapshot &current,
                                                                         std::shared_ptr<const policy::Policy> policy)
{
    auto next = std::make_shared<GatewaySnapshot>(current);
    next->policy = std::move(policy);
    return next;
}

std::shared_ptr<const GatewaySnapshot> GatewaySnapshotLoader::withRegistry(const GatewaySnapshot &current, QList<registry::ModelRecord> records)
{
    auto next = std::make_shared<GatewaySnapshot>(current);
    if (next->configModels.isEmpty()) // a snapshot not built by fromConfig()
        next->configModels = current.config.models;
    QStringList warnings;
    next->config.models = registry::RegistryOverlay::effectiveModels(next->configModels, next->config.endpoints, records, &warnings);
    next->registryModels = std::move(records);
    for (const auto &w : warnings)
        qWarning("%s", qPrintable(w));
    return next;
}

Result<std::shared_ptr<const GatewaySnapshot>> GatewaySnapshotLoader::load(const QString &configPath)
{
    auto config = config::ConfigLoader::loadFile(configPath);
    if (!config.ok())
        return config.error();
    return fromConfig(std::move(config).value());
}

Result<std::shared_ptr<const GatewaySnapshot>> GatewaySnapshotLoader::fromConfig(config::Config config)
{
    auto snapshot = std::make_shared<GatewaySnapshot>();
    QStringList problems;

    auto policy = config.policyPath.isEmpty() ? policy::PolicyLoader::defaults() : policy::PolicyLoader::loadFile(config.policyPath);
    if (policy.ok()) {
        snapshot->policy = policy.value();
    } else {
        // Policy problems are reported against the policy file, prefixed so they are told apart.
        for (const auto &p : policy.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            problems.append(QStringLiteral("policy %1%2").arg(config.policyPath.isEmpty() ? QString() : config.policyPath + QLatin1Char(' '), p));
    }

    if (!config.shadowPolicyPath.isEmpty()) {
        auto shadow = policy::PolicyLoader::loadFile(config.shadowPolicyPath);
        if (shadow.ok()) {
            snapshot->shadowPolicy = shadow.value();
        } else {
            for (const auto &p : shadow.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                problems.append(QStringLiteral("shadow_policy %1 %2").arg(config.shadowPolicyPath, p));
        }
    }

    secrets::EnvFileCredentialResolver resolver(config.credentialsDir);
    for (int i = 0; i < config.endpoints.size(); ++i) {
        const auto &e = config.endpoints.at(i);
        if (e.credential.isEmpty())
            continue;
        auto secret = resolver.resolve(e.credential);
        if (secret.ok())
            snapshot->credentials.insert(e.id, secret.value());
        else
            problems.append(QStringLiteral("/endpoints/%1/credential: %2").arg(i).arg(secret.error().message));
    }
    // /metrics may require the admin token even when the admin API itself is off.
    if (config.admin.enabled || config.metrics.requireAdminToken) {
        auto token = resolver.resolve(config.admin.tokenCredential);
        const QString where = config.admin.enabled ? QStringLiteral("/admin/token_credential") : QStringLiteral("/metrics/require_admin_token");
        if (!token.ok())
            problems.append(QStringLiteral("%1: %2").arg(where, token.error().message));
        else if (token.value().size() < 16)
            problems.append(QStringLiteral("%1: the admin token must be at least 16 characters").arg(where));
        else
            snapshot->adminToken = token.value();
    }
    for (int i = 0; i < config.sinks.size(); ++i) {
        const auto &sink = config.sinks.at(i);
        if (sink.credential.isEmpty())
            continue;
        if (auto secret = resolver.resolve(sink.credential); secret.ok())
            snapshot->sinkCredentials.insert(sink.id, secret.value());
        else
            problems.append(QStringLiteral("/sinks/%1/credential: %2").arg(i).arg(secret.error().message));
    }
    if (!config.alerts.webhook.credential.isEmpty()) {
        if (auto secret = resolver.resolve(config.alerts.webhook.credential); secret.ok())
            snapshot->webhookCredential = secret.value();
        else
            problems.append(QStringLiteral("/alerts/webhook/credential: %1").arg(secret.error().message));
    }
    if (!problems.isEmpty())
        return Error{QStringLiteral("config_invalid"), problems.join(QLatin1Char('\n'))};
    snapshot->configModels = config.models;
    snapshot->config = std::move(config);
    return std::shared_ptr<const GatewaySnapshot>(snapshot);
}

} // namespace perimeter::gateway
