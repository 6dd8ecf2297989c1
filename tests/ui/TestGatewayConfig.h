// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

// A minimal real configuration for the console tests: listens on an ephemeral loopback port,
// keeps its data under dir/data, default policy. The upstreams point at closed loopback ports,
// which is all the simulator and the audit trail need.
namespace perimeter::testing {

inline QByteArray testApiKey()
{
    return QByteArrayLiteral("pk-test-console");
}

// With `policyFile`, the policy lives in dir/policy.json (the demo policy written out), so the
// console can edit, apply and roll it back; otherwise the built-in default applies.
inline QString writeGatewayConfig(const QString &dir, int port = 0, bool policyFile = false)
{
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(testApiKey(), QCryptographicHash::Sha256).toHex());
    auto endpoint = [](const char *id, const char *tier, int upstreamPort) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("tier"), QLatin1String(tier)},
                           {QStringLiteral("url"), QStringLiteral("http:") + QStringLiteral("/") + QStringLiteral("/127.0.0.1:%1/v1").arg(upstreamPort)},
                           {QStringLiteral("connect_timeout_ms"), 500}};
    };
    auto model = [](const char *name, const char *kind, QJsonArray endpoints) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("kind"), QLatin1String(kind)},
                           {QStringLiteral("endpoints"), endpoints}};
    };
    const QJsonObject root{
        {QStringLiteral("listen"), QJsonObject{{QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), port}}},
        {QStringLiteral("data_dir"), QStringLiteral("data")},
        {QStringLiteral("callers"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("tester")},
                                                           {QStringLiteral("team"), QStringLiteral("qa")},
                                                           {QStringLiteral("api_key_sha256"), hash}}}},
        // Ports 9 (discard) and 7 (echo) are closed on these machines: every forward fails fast.
        {QStringLiteral("endpoints"), QJsonArray{endpoint("onprem-1", "onprem", 9), endpoint("cloud-1", "cloud", 7)}},
        {QStringLiteral("models"), QJsonArray{model("llama-3-70b", "chat", {QStringLiteral("onprem-1")}),
                                              model("gpt-4o", "chat", {QStringLiteral("cloud-1")}),
                                              model("text-embed", "embedding", {QStringLiteral("onprem-1"), QStringLiteral("cloud-1")})}},
        {QStringLiteral("drain_grace_seconds"), 1},
        // The upstreams are closed ports: probing them would take every endpoint out of routing.
        {QStringLiteral("health_checks"), QJsonObject{{QStringLiteral("enabled"), false}}},
    };
    QJsonObject config = root;
    if (policyFile) {
        const QJsonObject policy{
            {QStringLiteral("version"), QStringLiteral("test-1")},
            {QStringLiteral("levels"), QJsonObject{{QStringLiteral("public"), QJsonArray{QStringLiteral("onprem"), QStringLiteral("cloud")}},
                                                   {QStringLiteral("internal"), QJsonArray{QStringLiteral("onprem"), QStringLiteral("cloud")}},
                                                   {QStringLiteral("confidential"), QJsonArray{QStringLiteral("onprem")}},
                                                   {QStringLiteral("restricted"), QJsonArray{QStringLiteral("onprem")}}}}};
        QFile policyOut(dir + QStringLiteral("/policy.json"));
        if (!policyOut.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        policyOut.write(QJsonDocument(policy).toJson());
        config.insert(QStringLiteral("policy"), QStringLiteral("policy.json"));
    }
    const QString path = dir + QStringLiteral("/perimeter.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    file.write(QJsonDocument(config).toJson());
    return path;
}

} // namespace perimeter::testing
