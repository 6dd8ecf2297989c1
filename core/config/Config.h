// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include "http/HttpServerLimits.h"
#include "observe/ContentStoreSettings.h"
#include "observe/AlertRule.h"
#include "observe/CostModel.h"
#include "observe/LogSettings.h"
#include "observe/MetricsSettings.h"
#include "observe/SinkSettings.h"
#include "observe/RetentionSettings.h"
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

// Where an endpoint reports its own request queue (polled with the health check). vLLM:
// vllm:num_requests_waiting / _running; llama.cpp (--metrics): llamacpp:requests_deferred /
// _processing; "prometheus": any exporter, metric names given.
struct QueueMetricsConfig {
    QString source;                       // "" = none | vllm | llamacpp | prometheus
    QString path = QStringLiteral("/metrics"); // absolute path on the endpoint's host
    QString waitingMetric;
    QString runningMetric;                // "" = not reported
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
    QueueMetricsConfig queueMetrics;
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
    QString shadowPolicyPath; // absolute, "" = no shadow policy
    QString credentialsDir;   // absolute, "" = <dataDir>/credentials
    AdminConfig admin;
    HealthCheckConfig healthChecks;
    http::HttpServerLimits http;
    int drainGraceSeconds = 30;
    int auditQueueCapacity = 65'536;
    observe::CostModel costs; // "costs"; without it: the built-in list prices, no on-prem rate
    QList<observe::SinkSettings> sinks; // "sinks": residency-aware remote sinks of audit metadata
    observe::LogSettings logging;       // "logging": perimeterd's operator log
    observe::AlertSettings alerts;      // "alerts": rules over both tiers, webhook
    observe::MetricsSettings metrics;   // "metrics": GET /metrics access
    observe::RetentionSettings retention;       // "retention"; off unless audit_days is given
    observe::ContentStoreSettings contentStore; // "content_store"; off by default

    const EndpointConfig *endpoint(const QString &id) const;
    const ModelConfig *model(const QString &name) const;
};

} // namespace perimeter::config
