// SPDX-License-Identifier: Apache-2.0
#include "GatewaySnapshotLoader.h"
#include "config/ConfigLoader.h"
#include "policy/PolicyLoader.h"
#include "secrets/EnvFileCredentialResolver.h"

namespace perimeter::gateway {

std::shared_ptr<const GatewaySnapshot> GatewaySnapshotLoader::withPolicy(const GatewaySnapshot &current,
                                                                         std::shared_ptr<const policy::Policy> policy)
{
    auto next = std::make_shared<GatewaySnapshot>(current);
    next->policy = std::move(policy);
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
    if (config.admin.enabled) {
        auto token = resolver.resolve(config.admin.tokenCredential);
        if (!token.ok())
            problems.append(QStringLiteral("/admin/token_credential: %1").arg(token.error().message));
        else if (token.value().size() < 16)
            problems.append(QStringLiteral("/admin/token_credential: the admin token must be at least 16 characters"));
        else
            snapshot->adminToken = token.value();
    }
    if (!problems.isEmpty())
        return Error{QStringLiteral("config_invalid"), problems.join(QLatin1Char('\n'))};
    snapshot->config = std::move(config);
    return std::shared_ptr<const GatewaySnapshot>(snapshot);
}

} // namespace perimeter::gateway
