// SPDX-License-Identifier: Apache-2.0
#include "PolicyLoader.h"
#include "classify/ClassifierFactory.h"
#include "config/JsonFieldReader.h"
#include <QCryptographicHash>
#include <QFile>
#include <nlohmann/json.hpp>

namespace perimeter::policy {

namespace {

constexpr qint64 kMaxPolicyBytes = 16 * 1024 * 1024;
const Sensitivity kLevels[] = {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential, Sensitivity::Restricted};

nlohmann::json defaultDocument()
{
    return nlohmann::json{
        {"version", "default"},
        {"comment", "Built-in default: public and internal data may use either tier (on-prem first); "
                    "confidential and restricted data stay on-prem."},
        {"levels", {{"public", {"onprem", "cloud"}}, {"internal", {"onprem", "cloud"}},
                    {"confidential", {"onprem"}}, {"restricted", {"onprem"}}}}};
}

QList<Tier> readTierList(const nlohmann::json &tiers, const QString &path, QStringList &problems)
{
    QList<Tier> list;
    for (size_t i = 0; i < tiers.size(); ++i) {
        const QString itemPath = path + QLatin1Char('/') + QString::number(i);
        const auto &t = tiers[i];
        const auto tier = t.is_string() ? parseTier(QString::fromStdString(t.get<std::string>())) : std::nullopt;
        if (!tier)
            problems.append(itemPath + QLatin1String(": must be \"onprem\" or \"cloud\""));
        else if (list.contains(*tier))
            problems.append(itemPath + QLatin1String(": tier listed twice"));
        else
            list.append(*tier);
    }
    return list;
}

Result<std::shared_ptr<const Policy>> failure(const QStringList &problems)
{
    return Error{QStringLiteral("policy_invalid"), problems.join(QLatin1Char('\n'))};
}

} // namespace

Result<std::shared_ptr<const Policy>> PolicyLoader::defaults()
{
    return fromJson(defaultDocument());
}

Result<std::shared_ptr<const Policy>> PolicyLoader::loadFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("policy_unreadable"), QStringLiteral("/: cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > kMaxPolicyBytes)
        return Error{QStringLiteral("policy_invalid"), QStringLiteral("/: file is larger than 16 MiB")};
    return fromBytes(file.readAll());
}

Result<std::shared_ptr<const Policy>> PolicyLoader::fromBytes(const QByteArray &bytes)
{
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd());
    } catch (const nlohmann::json::parse_error &e) {
        return Error{QStringLiteral("policy_invalid"), QStringLiteral("/: not valid JSON (at byte %1)").arg(qulonglong(e.byte))};
    }
    return fromJson(document);
}

Result<std::shared_ptr<const Policy>> PolicyLoader::fromJson(const nlohmann::json &document)
{
    QStringList problems;
    auto policy = std::make_shared<Policy>();
    config::JsonFieldReader root(document, QString(), problems);
    if (!root.isObject())
        return failure(problems);

    const auto version = root.string("version", false);
    policy->m_comment = root.string("comment", false, true).value_or(QString());

    if (const auto *levels = root.object("levels", false)) {
        config::JsonFieldReader lr(*levels, root.childPath("levels"), problems);
        for (auto level : kLevels) {
            const std::string key = sensitivityName(level).toStdString();
            const auto *tiers = lr.array(key, true);
            if (!tiers)
                continue;
            const QList<Tier> list = readTierList(*tiers, lr.childPath(key), problems);
            policy->m_tiers.insert(int(level), list);
        }
        lr.rejectUnknownKeys();
        // A more sensitive level must never reach a tier that a less sensitive one may not:
        // such a policy is almost certainly a typo and would leak by construction.
        for (int i = 1; i < 4; ++i) {
            const auto lower = policy->m_tiers.value(i - 1);
            for (auto t : policy->m_tiers.value(i)) {
                if (!lower.contains(t))
                    problems.append(lr.childPath(sensitivityName(kLevels[i]).toStdString())
                                    + QStringLiteral(": permits tier %1, which the less sensitive level %2 does not")
                                          .arg(tierName(t), sensitivityName(kLevels[i - 1])));
            }
        }
    } else {
        const auto defaults = defaultDocument()["levels"];
        for (auto level : kLevels) {
            QList<Tier> list;
            for (const auto &t : defaults[sensitivityName(level).toStdString()])
                list.append(*parseTier(QString::fromStdString(t.get<std::string>())));
            policy->m_tiers.insert(int(level), list);
        }
    }

    // Team and caller overrides may only narrow the tiers of a level, unless an admin marks
    // the override as an exception (and the history records who applied it).
    if (const auto *overrides = root.array("overrides", false)) {
        for (size_t i = 0; i < overrides->size(); ++i) {
            const QString path = root.childPath("overrides") + QLatin1Char('/') + QString::number(i);
            config::JsonFieldReader orr((*overrides)[i], path, problems);
            if (!orr.isObject())
                continue;
            PolicyOverride o;
            const auto team = orr.string("team", false);
            const auto caller = orr.string("caller", false);
            if (team.has_value() == caller.has_value()) {
                orr.problemHere(QStringLiteral("must name exactly one of \"team\" or \"caller\""));
            }
            o.team = team.value_or(QString());
            o.caller = caller.value_or(QString());
            o.exception = orr.boolean("exception", false).value_or(false);
            o.comment = orr.string("comment", false, true).value_or(QString());
            if (const auto *levels = orr.object("levels", true)) {
                config::JsonFieldReader lr(*levels, orr.childPath("levels"), problems);
                for (auto level : kLevels) {
                    const std::string key = sensitivityName(level).toStdString();
                    const auto *tiers = lr.array(key, false);
                    if (!tiers)
                        continue;
                    const QList<Tier> list = readTierList(*tiers, lr.childPath(key), problems);
                    if (!o.exception) {
                        const auto global = policy->m_tiers.value(int(level));
                        for (auto t : list) {
                            if (!global.contains(t))
                                problems.append(lr.childPath(key) + QStringLiteral(": permits tier %1, which the policy does not permit for %2 data; "
                                                                                   "an override may only tighten unless marked \"exception\": true")
                                                                        .arg(tierName(t), sensitivityName(level)));
                        }
                    }
                    o.tiers.insert(int(level), list);
                }
                lr.rejectUnknownKeys();
            }
            orr.rejectUnknownKeys();
            policy->m_overrides.append(o);
        }
    }

    if (const auto *models = root.object("models", false)) {
        for (auto it = models->begin(); it != models->end(); ++it) {
            config::JsonFieldReader mr(it.value(), root.childPath("models") + QLatin1Char('/') + QString::fromStdString(it.key()), problems);
            if (!mr.isObject())
                continue;
            ModelRule rule;
            for (const char *key : {"teams", "callers"}) {
                if (const auto *list = mr.array(key, false)) {
                    for (size_t i = 0; i < list->size(); ++i) {
                        if (!(*list)[i].is_string() || (*list)[i].get_ref<const std::string &>().empty())
                            problems.append(mr.childPath(key) + QStringLiteral("/%1: must be a non-empty string").arg(i));
                        else
                            (key[0] == 't' ? rule.teams : rule.callers).append(QString::fromStdString((*list)[i].get<std::string>()));
                    }
                }
            }
            if (!mr.has("teams") && !mr.has("callers"))
                mr.problemHere(QStringLiteral("must list \"teams\" and/or \"callers\" allowed to use the model"));
            mr.rejectUnknownKeys({"comment"});
            policy->m_modelRules.insert(QString::fromStdString(it.key()), rule);
        }
    }

    if (const auto *routing = root.object("routing", false)) {
        config::JsonFieldReader rr(*routing, root.childPath("routing"), problems);
        policy->m_overflowThreshold = rr.number("overflow_threshold", false, 0.0, 1.0).value_or(policy->m_overflowThreshold);
        if (const auto *queue = rr.object("queue", false)) {
            config::JsonFieldReader qr(*queue, rr.childPath("queue"), problems);
            policy->m_queue.maxRequests = int(qr.integer("max_requests", false, 0, 100000).value_or(policy->m_queue.maxRequests));
            policy->m_queue.maxWaitMs = int(qr.integer("max_wait_ms", false, 1, 600000).value_or(policy->m_queue.maxWaitMs));
            qr.rejectUnknownKeys({"comment"});
        }
        rr.rejectUnknownKeys();
    }

    if (const auto *classifier = root.object("classifier", false))
        policy->m_settings = classify::ClassifierSettings::fromJson(*classifier, root.childPath("classifier"), problems);
    else
        policy->m_settings = classify::ClassifierSettings::defaults();
    root.rejectUnknownKeys();

    if (!problems.isEmpty())
        return failure(problems);

    const std::string canonical = document.dump(); // nlohmann orders object keys: a stable form
    policy->m_canonical = QByteArray::fromStdString(canonical);
    policy->m_version = version.value_or(
        QStringLiteral("sha256:") + QString::fromLatin1(QCryptographicHash::hash(policy->m_canonical, QCryptographicHash::Sha256).toHex().left(12)));

    auto compiled = classify::ClassifierFactory::build(policy->m_settings);
    if (!compiled.ok())
        return Error{QStringLiteral("policy_invalid"), QStringLiteral("/classifier: %1").arg(compiled.error().message)};
    policy->m_classifier = compiled.value();
    policy->m_typeLevels = policy->m_settings.typeLevelMap();
    return std::shared_ptr<const Policy>(policy);
}

} // namespace perimeter::policy
