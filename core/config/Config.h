// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include "http/HttpServerLimits.h"
#include "observe/CostModel.h"
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace perimeter::config {

struct ListenConfig {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
};

struct CallerConfig {
    QString id;
    QString team;
    QByteArray apiKeySha256; // 32 raw bytes (the config holds it as 64 hex digits)
};

struct EndpointConfig {
    QString id;
    Tier tier = Tier::OnPrem;
    QUrl url;                 // base URL ending in /v1 (no trailing slash)
    QString credential;       // credential name, resolved by a CredentialResolver; "" = none
    int timeoutMs = 120'000;  // whole upstream exchange (a stream may run this long)
    int connectTimeoutMs = 5'000;
    int idleTimeoutMs = 60'000; // no byte from the upstream for this long: 504
    int capacity = 64;        // concurrent requests the endpoint is sized for
    QString healthPath = QStringLiteral("/models"); // relative to url
};

struct ModelConfig {
    QString name;
    QString kind;             // "chat" | "completion" | "embedding"
    QStringList endpoints;    // endpoint ids
};

// The admin API (policy, simulation, endpoint health) listens separately, on loopback by
// default, and answers only to the bearer token resolved from `tokenCredential`.
struct AdminConfig {
    bool enabled = false;
    ListenConfig listen{QStringLiteral("127.0.0.1"), 8081};
    QString tokenCredential = QStringLiteral("admin:token");
};

struct HealthCheckConfig {
    bool enabled = true;
    int intervalMs = 10'000;
    int timeoutMs = 3'000;
};

struct Config {
    QString sourcePath;       // absolute path of the file this was loaded from
    ListenConfig listen;
    QString dataDir;          // absolute
    QList<CallerConfig> callers;
    QList<EndpointConfig> endpoints;
    QList<ModelConfig> models;
    QString policyPath;       // absolute, "" = default policy
    QString credentialsDir;   // absolute, "" = <dataDir>/credentials
    AdminConfig admin;
    HealthCheckConfig healthChecks;
    http::HttpServerLimits http;
    int drainGraceSeconds = 30;
    int auditQueueCapacity = 65'536;
    observe::CostModel costs; // "costs"; without it: the built-in list prices, no on-prem rate

    const EndpointConfig *endpoint(const QString &id) const;
    const ModelConfig *model(const QString &name) const;
};

} // namespace perimeter::config
