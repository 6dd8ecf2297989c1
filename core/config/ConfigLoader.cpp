// SPDX-License-Identifier: Apache-2.0
#include "ConfigLoader.h"
#include "JsonFieldReader.h"
#include "ObservabilityConfigReader.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSet>
#include <nlohmann/json.hpp>

namespace perimeter::config {

namespace {

constexpr qint64 kMaxConfigBytes = 16 * 1024 * 1024;

void readListen(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *listen = root.object("listen", true);
    if (!listen)
        return;
    JsonFieldReader r(*listen, root.childPath("listen"), problems);
    if (auto host = r.string("host", true)) {
        if (QHostAddress probe; !probe.setAddress(*host) && *host != QLatin1String("localhost"))
            r.problem("host", QStringLiteral("must be an IP address or \"localhost\""));
        else
            config.listen.host = *host;
    }
    if (auto port = r.integer("port", true, 0, 65535))
        config.listen.port = quint16(*port);
    r.rejectUnknownKeys();
}

void readAdmin(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *admin = root.object("admin", false);
    if (!admin)
        return;
    JsonFieldReader r(*admin, root.childPath("admin"), problems);
    config.admin.enabled = r.boolean("enabled", false).value_or(true);
    if (const auto *listen = r.object("listen", false)) {
        JsonFieldReader l(*listen, r.childPath("listen"), problems);
        if (auto host = l.string("host", true)) {
            if (QHostAddress probe; !probe.setAddress(*host) && *host != QLatin1String("localhost"))
                l.problem("host", QStringLiteral("must be an IP address or \"localhost\""));
            else
                config.admin.listen.host = *host;
        }
        if (auto port = l.integer("port", true, 0, 65535))
            config.admin.listen.port = quint16(*port);
        l.rejectUnknownKeys();
    }
    config.admin.tokenCredential = r.string("token_credential", false).value_or(config.admin.tokenCredential);
    r.rejectUnknownKeys({"comment"});
}

void readCallers(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *callers = root.array("callers", false);
    if (!callers)
        return;
    QSet<QString> ids;
    for (size_t i = 0; i < callers->size(); ++i) {
        JsonFieldReader r((*callers)[i], root.childPath("callers") + QLatin1Char('/') + QString::number(i), problems);
        if (!r.isObject())
            continue;
        CallerConfig caller;
        if (auto id = r.string("id", true)) {
            if (ids.contains(*id))
                r.problem("id", QStringLiteral("duplicate caller id \"%1\"").arg(*id));
            ids.insert(*id);
            caller.id = *id;
        }
        caller.team = r.string("team", false, true).value_or(QString());
        if (auto hash = r.string("api_key_sha256", true)) {
            const QByteArray raw = QByteArray::fromHex(hash->toLatin1());
            static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
            if (!hex.match(*hash).hasMatch() || raw.size() != 32)
                r.problem("api_key_sha256", QStringLiteral("must be 64 hexadecimal digits (the SHA-256 of the key)"));
            else
                caller.apiKeySha256 = raw;
        }
        r.rejectUnknownKeys({"comment"});
        config.callers.append(caller);
    }
}

void readEndpoints(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *endpoints = root.array("endpoints", true);
    if (!endpoints)
        return;
    if (endpoints->empty())
        root.problem("endpoints", QStringLiteral("must list at least one endpoint"));
    QSet<QString> ids;
    for (size_t i = 0; i < endpoints->size(); ++i) {
        JsonFieldReader r((*endpoints)[i], root.childPath("endpoints") + QLatin1Char('/') + QString::number(i), problems);
        if (!r.isObject())
            continue;
        EndpointConfig e;
        if (auto id = r.string("id", true)) {
            if (ids.contains(*id))
                r.problem("id", QStringLiteral("duplicate endpoint id \"%1\"").arg(*id));
            ids.insert(*id);
            e.id = *id;
        }
        if (auto tier = r.string("tier", true)) {
            if (auto t = parseTier(*tier))
                e.tier = *t;
            else
                r.problem("tier", QStringLiteral("must be \"onprem\" or \"cloud\""));
        }
        if (auto url = r.string("url", true)) {
            QUrl u(*url, QUrl::StrictMode);
            const QString scheme = u.scheme();
            if (!u.isValid() || u.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
                r.problem("url", QStringLiteral("must be an absolute http:// or https:// URL"));
            else if (!u.query().isEmpty() || !u.fragment().isEmpty() || !u.userInfo().isEmpty())
                r.problem("url", QStringLiteral("must not contain a query, fragment or user info (use \"credential\")"));
            else {
                QString p = u.path();
                while (p.endsWith(QLatin1Char('/')))
                    p.chop(1);
                u.setPath(p);
                e.url = u;
            }
        }
        e.credential = r.string("credential", false).value_or(QString());
        e.timeoutMs = int(r.integer("timeout_ms", false, 100, 3'600'000).value_or(e.timeoutMs));
        e.connectTimeoutMs = int(r.integer("connect_timeout_ms", false, 50, 600'000).value_or(e.connectTimeoutMs));
        e.idleTimeoutMs = int(r.integer("idle_timeout_ms", false, 50, 3'600'000).value_or(e.idleTimeoutMs));
        e.capacity = int(r.integer("capacity", false, 1, 100'000).value_or(e.capacity));
        if (auto hp = r.string("health_path", false)) {
            if (!hp->startsWith(QLatin1Char('/')))
                r.problem("health_path", QStringLiteral("must start with \"/\""));
            else
                e.healthPath = *hp;
        }
        if (const auto *qm = r.object("queue_metrics", false)) {
            JsonFieldReader q(*qm, r.childPath("queue_metrics"), problems);
            auto &m = e.queueMetrics;
            m.source = q.string("source", true).value_or(QString());
            if (m.source == QLatin1String("vllm")) {
                m.waitingMetric = QStringLiteral("vllm:num_requests_waiting");
                m.runningMetric = QStringLiteral("vllm:num_requests_running");
            } else if (m.source == QLatin1String("llamacpp")) {
                m.waitingMetric = QStringLiteral("llamacpp:requests_deferred");
                m.runningMetric = QStringLiteral("llamacpp:requests_processing");
            } else if (q.has("source") && m.source != QLatin1String("prometheus")) {
                q.problem("source", QStringLiteral("must be \"vllm\", \"llamacpp\" or \"prometheus\""));
            }
            if (auto path = q.string("path", false)) {
                if (!path->startsWith(QLatin1Char('/')))
                    q.problem("path", QStringLiteral("must start with \"/\""));
                else
                    m.path = *path;
            }
            m.waitingMetric = q.string("waiting_metric", m.source == QLatin1String("prometheus")).value_or(m.waitingMetric);
            m.runningMetric = q.string("running_metric", false).value_or(m.runningMetric);
            q.rejectUnknownKeys({"comment"});
        }
        r.rejectUnknownKeys({"comment"});
        config.endpoints.append(e);
    }
}

void readModels(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *models = root.array("models", true);
    if (!models)
        return;
    if (models->empty())
        root.problem("models", QStringLiteral("must list at least one model"));
    QSet<QString> names;
    for (size_t i = 0; i < models->size(); ++i) {
        const QString path = root.childPath("models") + QLatin1Char('/') + QString::number(i);
        JsonFieldReader r((*models)[i], path, problems);
        if (!r.isObject())
            continue;
        ModelConfig m;
        if (auto name = r.string("name", true)) {
            if (names.contains(*name))
                r.problem("name", QStringLiteral("duplicate model name \"%1\"").arg(*name));
            names.insert(*name);
            m.name = *name;
        }
        if (auto kind = r.string("kind", true)) {
            if (*kind != QLatin1String("chat") && *kind != QLatin1String("completion") && *kind != QLatin1String("embedding"))
                r.problem("kind", QStringLiteral("must be \"chat\", \"completion\" or \"embedding\""));
            else
                m.kind = *kind;
        }
        if (const auto *eps = r.array("endpoints", true)) {
            if (eps->empty())
                r.problem("endpoints", QStringLiteral("must name at least one endpoint"));
            for (size_t j = 0; j < eps->size(); ++j) {
                const QString epPath = r.childPath("endpoints") + QLatin1Char('/') + QString::number(j);
                if (!(*eps)[j].is_string()) {
                    problems.append(epPath + QLatin1String(": must be a string"));
                    continue;
                }
                const QString id = QString::fromStdString((*eps)[j].get<std::string>());
                if (!config.endpoint(id))
                    problems.append(epPath + QStringLiteral(": unknown endpoint \"%1\"").arg(id));
                else if (m.endpoints.contains(id))
                    problems.append(epPath + QStringLiteral(": endpoint \"%1\" listed twice").arg(id));
                else
                    m.endpoints.append(id);
            }
        }
        r.rejectUnknownKeys({"comment"});
        config.models.append(m);
    }
}

void readLimits(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *limits = root.object("limits", false);
    if (!limits)
        return;
    JsonFieldReader r(*limits, root.childPath("limits"), problems);
    auto &h = config.http;
    h.maxBodyBytes = r.integer("max_body_bytes", false, 1024, qint64(1) << 32).value_or(h.maxBodyBytes);
    h.maxHeaderBytes = int(r.integer("max_header_bytes", false, 1024, 1024 * 1024).value_or(h.maxHeaderBytes));
    h.headerTimeoutMs = int(r.integer("header_timeout_ms", false, 100, 600'000).value_or(h.headerTimeoutMs));
    h.bodyTimeoutMs = int(r.integer("body_timeout_ms", false, 100, 3'600'000).value_or(h.bodyTimeoutMs));
    h.idleTimeoutMs = int(r.integer("idle_timeout_ms", false, 100, 3'600'000).value_or(h.idleTimeoutMs));
    h.maxConnections = int(r.integer("max_connections", false, 1, 1'000'000).value_or(h.maxConnections));
    r.rejectUnknownKeys();
}

} // namespace

QString ConfigLoader::resolvePath(const QString &path, const QString &baseDir)
{
    if (path.startsWith(QLatin1String("~/")))
        return QDir::cleanPath(QDir::homePath() + path.mid(1));
    if (QFileInfo(path).isAbsolute())
        return QDir::cleanPath(path);
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

QStringList ConfigLoader::problems(const Error &error)
{
    return error.message.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Result<Config> ConfigLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Config>::failure(QStringLiteral("config_unreadable"),
                                       QStringLiteral("/: cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxConfigBytes)
        return Result<Config>::failure(QStringLiteral("config_invalid"), QStringLiteral("/: file is larger than 16 MiB"));
    const QFileInfo info(path);
    return fromBytes(file.readAll(), info.absolutePath(), info.absoluteFilePath());
}

Result<Config> ConfigLoader::fromBytes(const QByteArray &bytes, const QString &baseDir, const QString &sourcePath)
{
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::parse_error &e) {
        return Result<Config>::failure(QStringLiteral("config_invalid"),
                                       QStringLiteral("/: not valid JSON (at byte %1)").arg(qulonglong(e.byte)));
    }
    return fromJson(document, baseDir, sourcePath);
}

Result<Config> ConfigLoader::fromJson(const nlohmann::json &document, const QString &baseDir, const QString &sourcePath)
{
    QStringList problems;
    Config config;
    config.sourcePath = sourcePath;
    JsonFieldReader root(document, QString(), problems);
    if (root.isObject()) {
        readListen(root, config, problems);
        if (auto dataDir = root.string("data_dir", true))
            config.dataDir = resolvePath(*dataDir, baseDir);
        readCallers(root, config, problems);
        readEndpoints(root, config, problems);
        readModels(root, config, problems);
        if (auto policy = root.string("policy", false))
            config.policyPath = resolvePath(*policy, baseDir);
        if (auto shadow = root.string("shadow_policy", false))
            config.shadowPolicyPath = resolvePath(*shadow, baseDir);
        if (auto dir = root.string("credentials_dir", false))
            config.credentialsDir = resolvePath(*dir, baseDir);
        readLimits(root, config, problems);
        if (const auto *costs = root.object("costs", false))
            config.costs = observe::CostModel::fromJson(*costs, root.childPath("costs"), problems);
        if (const auto *retention = root.object("retention", false)) {
            JsonFieldReader r(*retention, root.childPath("retention"), problems);
            config.retention.auditDays = int(r.integer("audit_days", true, 1, 36'500).value_or(0));
            if (auto dir = r.string("archive_dir", false))
                config.retention.archiveDir = resolvePath(*dir, baseDir);
            config.retention.runEveryMinutes = int(r.integer("run_every_minutes", false, 1, 10'080).value_or(60));
            r.rejectUnknownKeys();
        }
        if (const auto *content = root.object("content_store", false)) {
            JsonFieldReader c(*content, root.childPath("content_store"), problems);
            config.contentStore.enabled = c.boolean("enabled", false).value_or(false);
            if (auto key = c.string("key_file", config.contentStore.enabled))
                config.contentStore.keyFile = resolvePath(*key, baseDir);
            config.contentStore.retentionDays = int(c.integer("retention_days", false, 1, 36'500).value_or(30));
            config.contentStore.maxBytes = c.integer("max_bytes", false, 1024, 64 * 1024 * 1024).value_or(config.contentStore.maxBytes);
            c.rejectUnknownKeys();
        }
        readAdmin(root, config, problems);
        readObservability(root, config, problems, baseDir);
        if (const auto *health = root.object("health_checks", false)) {
            JsonFieldReader h(*health, root.childPath("health_checks"), problems);
            config.healthChecks.enabled = h.boolean("enabled", false).value_or(true);
            config.healthChecks.intervalMs = int(h.integer("interval_ms", false, 100, 3'600'000).value_or(config.healthChecks.intervalMs));
            config.healthChecks.timeoutMs = int(h.integer("timeout_ms", false, 50, 600'000).value_or(config.healthChecks.timeoutMs));
            h.rejectUnknownKeys();
        }
        config.drainGraceSeconds = int(root.integer("drain_grace_seconds", false, 0, 3600).value_or(config.drainGraceSeconds));
        config.auditQueueCapacity = int(root.integer("audit_queue_capacity", false, 16, 10'000'000).value_or(config.auditQueueCapacity));
        root.rejectUnknownKeys({"$schema", "comment"});
    }
    if (config.credentialsDir.isEmpty() && !config.dataDir.isEmpty())
        config.credentialsDir = config.dataDir + QLatin1String("/credentials");
    if (config.retention.archiveDir.isEmpty() && !config.dataDir.isEmpty())
        config.retention.archiveDir = config.dataDir + QLatin1String("/archive");
    if (!problems.isEmpty())
        return Result<Config>::failure(QStringLiteral("config_invalid"), problems.join(QLatin1Char('\n')));
    return config;
}

} // namespace perimeter::config
