// SPDX-License-Identifier: Apache-2.0
#include "ObservabilityConfigReader.h"
#include "ConfigLoader.h"
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace perimeter::config {

namespace {

std::optional<QUrl> httpUrl(JsonFieldReader &r, const std::string &key, bool required)
{
    auto text = r.string(key, required);
    if (!text)
        return std::nullopt;
    const QUrl url(*text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        r.problem(key, QStringLiteral("must be an absolute http:// or https:// URL"));
        return std::nullopt;
    }
    if (!url.userInfo().isEmpty()) {
        r.problem(key, QStringLiteral("must not contain user info (use \"credential\")"));
        return std::nullopt;
    }
    return url;
}

void readSinks(JsonFieldReader &root, Config &config, QStringList &problems, const QString &baseDir)
{
    const auto *sinks = root.array("sinks", false);
    if (!sinks)
        return;
    static const QRegularExpression idShape(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    QSet<QString> ids;
    for (size_t i = 0; i < sinks->size(); ++i) {
        JsonFieldReader r((*sinks)[i], root.childPath("sinks") + QLatin1Char('/') + QString::number(i), problems);
        if (!r.isObject())
            continue;
        observe::SinkSettings s;
        if (auto id = r.string("id", true)) {
            if (!idShape.match(*id).hasMatch())
                r.problem("id", QStringLiteral("must be 1 to 64 letters, digits, '_' or '-'"));
            else if (ids.contains(*id))
                r.problem("id", QStringLiteral("duplicate sink id \"%1\"").arg(*id));
            ids.insert(*id);
            s.id = *id;
        }
        if (auto url = httpUrl(r, "url", true))
            s.url = *url;
        s.credential = r.string("credential", false).value_or(QString());
        s.batchSize = int(r.integer("batch_size", false, 1, 100'000).value_or(s.batchSize));
        s.flushMs = int(r.integer("flush_ms", false, 10, 3'600'000).value_or(s.flushMs));
        if (auto dir = r.string("spool_dir", false))
            s.spoolDir = ConfigLoader::resolvePath(*dir, baseDir);
        if (auto mb = r.integer("spool_max_mb", false, 1, 1024 * 1024))
            s.spoolMaxBytes = *mb * 1024 * 1024;
        s.timeoutMs = int(r.integer("timeout_ms", false, 100, 600'000).value_or(s.timeoutMs));
        s.backoffInitialMs = int(r.integer("backoff_initial_ms", false, 10, 600'000).value_or(s.backoffInitialMs));
        s.backoffMaxMs = int(r.integer("backoff_max_ms", false, 10, 3'600'000).value_or(s.backoffMaxMs));
        if (s.backoffMaxMs < s.backoffInitialMs)
            r.problem("backoff_max_ms", QStringLiteral("must not be less than backoff_initial_ms"));
        s.queueCapacity = int(r.integer("queue_capacity", false, 100, 10'000'000).value_or(s.queueCapacity));
        if (auto ca = r.string("ca_file", false)) {
            s.caFile = ConfigLoader::resolvePath(*ca, baseDir);
            if (!QFileInfo(s.caFile).isReadable())
                r.problem("ca_file", QStringLiteral("cannot read %1").arg(s.caFile));
        }
        r.rejectUnknownKeys({"comment"});
        if (s.spoolDir.isEmpty() && !config.dataDir.isEmpty() && !s.id.isEmpty())
            s.spoolDir = config.dataDir + QStringLiteral("/spool/") + s.id;
        config.sinks.append(s);
    }
    // Two sinks sharing a spool would replay each other's batches.
    QSet<QString> spools;
    for (int i = 0; i < config.sinks.size(); ++i) {
        const QString &dir = config.sinks.at(i).spoolDir;
        if (!dir.isEmpty() && spools.contains(dir))
            problems.append(QStringLiteral("/sinks/%1/spool_dir: another sink already spools to %2").arg(i).arg(dir));
        spools.insert(dir);
    }
}

void readLogging(JsonFieldReader &root, Config &config, QStringList &problems, const QString &baseDir)
{
    const auto *logging = root.object("logging", false);
    if (!logging)
        return;
    JsonFieldReader r(*logging, root.childPath("logging"), problems);
    if (auto format = r.string("format", false)) {
        if (*format == QLatin1String("json"))
            config.logging.format = observe::LogSettings::Format::Json;
        else if (*format == QLatin1String("text"))
            config.logging.format = observe::LogSettings::Format::Text;
        else
            r.problem("format", QStringLiteral("must be \"json\" or \"text\""));
    }
    if (auto file = r.string("file", false))
        config.logging.file = ConfigLoader::resolvePath(*file, baseDir);
    if (auto level = r.string("level", false)) {
        if (*level == QLatin1String("debug"))
            config.logging.level = observe::LogSettings::Level::Debug;
        else if (*level == QLatin1String("info"))
            config.logging.level = observe::LogSettings::Level::Info;
        else if (*level == QLatin1String("warning"))
            config.logging.level = observe::LogSettings::Level::Warning;
        else if (*level == QLatin1String("error"))
            config.logging.level = observe::LogSettings::Level::Error;
        else
            r.problem("level", QStringLiteral("must be \"debug\", \"info\", \"warning\" or \"error\""));
    }
    r.rejectUnknownKeys({"comment"});
}

void readAlertRule(JsonFieldReader &r, const Config &config, QSet<QString> &names, observe::AlertRule &rule, QStringList &problems)
{
    using Metric = observe::AlertRule::Metric;
    if (auto name = r.string("name", true)) {
        if (names.contains(*name))
            r.problem("name", QStringLiteral("duplicate rule name \"%1\"").arg(*name));
        names.insert(*name);
        rule.name = *name;
    }
    static const QRegularExpression percentile(QStringLiteral("^latency_p(\\d{1,2}(?:\\.\\d{1,3})?)_ms$"));
    if (auto metric = r.string("metric", true)) {
        rule.metricName = *metric;
        if (*metric == QLatin1String("error_rate"))
            rule.metric = Metric::ErrorRate;
        else if (*metric == QLatin1String("availability"))
            rule.metric = Metric::Availability;
        else if (*metric == QLatin1String("spend"))
            rule.metric = Metric::Spend;
        else if (*metric == QLatin1String("residency_rejections"))
            rule.metric = Metric::ResidencyRejections;
        else if (auto m = percentile.match(*metric); m.hasMatch() && m.captured(1).toDouble() > 0) {
            rule.metric = Metric::LatencyPercentile;
            rule.percentile = m.captured(1).toDouble() / 100.0;
        } else
            r.problem("metric", QStringLiteral("must be \"error_rate\", \"latency_p<NN>_ms\" (e.g. latency_p95_ms), "
                                               "\"availability\", \"spend\" or \"residency_rejections\""));
    }
    if (const auto *scope = r.object("scope", false)) {
        JsonFieldReader s(*scope, r.childPath("scope"), problems);
        if (auto tier = s.string("tier", false)) {
            if (*tier != QLatin1String("any") && *tier != QLatin1String("onprem") && *tier != QLatin1String("cloud"))
                s.problem("tier", QStringLiteral("must be \"any\", \"onprem\" or \"cloud\""));
            else
                rule.scopeTier = *tier;
        }
        if (auto endpoint = s.string("endpoint", false)) {
            const auto *e = config.endpoint(*endpoint);
            if (!e)
                s.problem("endpoint", QStringLiteral("unknown endpoint \"%1\"").arg(*endpoint));
            else if (rule.scopeTier != QLatin1String("any") && tierName(e->tier) != rule.scopeTier)
                s.problem("endpoint", QStringLiteral("endpoint \"%1\" is not in tier \"%2\"").arg(*endpoint, rule.scopeTier));
            else
                rule.scopeEndpoint = *endpoint;
        }
        s.rejectUnknownKeys({"comment"});
    }
    rule.windowSeconds = int(r.integer("window_seconds", false, 1, 31 * 86400).value_or(rule.windowSeconds));
    const bool isSpend = rule.metric == Metric::Spend;
    const bool isFraction = rule.metric == Metric::ErrorRate || rule.metric == Metric::Availability;
    if (auto threshold = r.number("threshold", !isSpend, 0.0, isFraction ? 1.0 : 1e12))
        rule.threshold = *threshold;
    else if (isSpend)
        rule.threshold = 1.0;
    if (auto budget = r.number("budget", isSpend, 0.0, 1e12)) {
        if (!isSpend)
            r.problem("budget", QStringLiteral("applies only to the \"spend\" metric"));
        else if (*budget <= 0.0)
            r.problem("budget", QStringLiteral("must be greater than 0"));
        rule.budget = *budget;
    }
    rule.forSeconds = int(r.integer("for_seconds", false, 0, 86400).value_or(0));
    rule.resolveSeconds = int(r.integer("resolve_seconds", false, 0, 86400).value_or(rule.forSeconds));
    rule.minRequests = r.integer("min_requests", false, 1, 1'000'000'000).value_or(rule.minRequests);
    r.rejectUnknownKeys({"comment"});
}

void readAlerts(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *alerts = root.object("alerts", false);
    if (!alerts)
        return;
    JsonFieldReader r(*alerts, root.childPath("alerts"), problems);
    if (const auto *rules = r.array("rules", false)) {
        QSet<QString> names;
        for (size_t i = 0; i < rules->size(); ++i) {
            JsonFieldReader rr((*rules)[i], r.childPath("rules") + QLatin1Char('/') + QString::number(i), problems);
            if (!rr.isObject())
                continue;
            observe::AlertRule rule;
            readAlertRule(rr, config, names, rule, problems);
            config.alerts.rules.append(rule);
        }
    }
    config.alerts.evaluateIntervalMs = int(r.integer("evaluate_interval_ms", false, 100, 60'000).value_or(config.alerts.evaluateIntervalMs));
    if (const auto *webhook = r.object("webhook", false)) {
        JsonFieldReader w(*webhook, r.childPath("webhook"), problems);
        if (auto url = httpUrl(w, "url", true))
            config.alerts.webhook.url = *url;
        config.alerts.webhook.credential = w.string("credential", false).value_or(QString());
        config.alerts.webhook.timeoutMs = int(w.integer("timeout_ms", false, 100, 600'000).value_or(config.alerts.webhook.timeoutMs));
        config.alerts.webhook.maxAttempts = int(w.integer("max_attempts", false, 1, 20).value_or(config.alerts.webhook.maxAttempts));
        config.alerts.webhook.backoffInitialMs = int(w.integer("backoff_initial_ms", false, 10, 60'000).value_or(config.alerts.webhook.backoffInitialMs));
        w.rejectUnknownKeys({"comment"});
    }
    r.rejectUnknownKeys({"comment"});
}

void readMetrics(JsonFieldReader &root, Config &config, QStringList &problems)
{
    const auto *metrics = root.object("metrics", false);
    if (!metrics)
        return;
    JsonFieldReader r(*metrics, root.childPath("metrics"), problems);
    config.metrics.requireAdminToken = r.boolean("require_admin_token", false).value_or(false);
    r.rejectUnknownKeys({"comment"});
}

} // namespace

void readObservability(JsonFieldReader &root, Config &config, QStringList &problems, const QString &baseDir)
{
    readSinks(root, config, problems, baseDir);
    readLogging(root, config, problems, baseDir);
    readAlerts(root, config, problems);
    readMetrics(root, config, problems);
}

} // namespace perimeter::config
