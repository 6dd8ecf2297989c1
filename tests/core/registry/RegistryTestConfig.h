// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "config/ConfigLoader.h"
#include <QByteArray>
#include <QString>

// A config with two on-prem endpoints, one cloud endpoint and three models (on-prem only,
// cloud only, hybrid), data_dir under `dir`.
inline perimeter::config::Config registryTestConfig(const QString &dir)
{
    const QByteArray json = QByteArray(
        "{"
        "\"listen\": {\"host\": \"127.0.0.1\", \"port\": 0},"
        "\"data_dir\": \"var\","
        "\"callers\": [{\"id\": \"alice\", \"team\": \"risk\", \"api_key_sha256\": \"2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b\"}],"
        "\"endpoints\": ["
        "{\"id\": \"gpu-1\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:9101/v1\", \"capacity\": 8},"
        "{\"id\": \"gpu-2\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:9102/v1\", \"capacity\": 4},"
        "{\"id\": \"openai\", \"tier\": \"cloud\", \"url\": \"http://127.0.0.1:9103/v1\"}"
        "],"
        "\"models\": ["
        "{\"name\": \"llama-70b\", \"kind\": \"chat\", \"endpoints\": [\"gpu-1\"]},"
        "{\"name\": \"gpt-4o\", \"kind\": \"chat\", \"endpoints\": [\"openai\"]},"
        "{\"name\": \"embed\", \"kind\": \"embedding\", \"endpoints\": [\"gpu-1\", \"gpu-2\", \"openai\"]}"
        "]"
        "}");
    auto config = perimeter::config::ConfigLoader::fromBytes(json, dir, dir + QStringLiteral("/perimeter.json"));
    if (!config.ok())
        qFatal("test config invalid: %s", qPrintable(config.error().message));
    return config.value();
}
