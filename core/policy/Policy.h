// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "classify/ClassifierSettings.h"
#include "classify/PayloadClassifier.h"
#include "classify/TypeLevelMap.h"
#include "common/Sensitivity.h"
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>
#include <memory>

namespace perimeter::policy {

// A team's or a caller's own tier lists for some levels (the others follow the policy).
struct PolicyOverride {
    QString team;      // exactly one of team / caller
    QString caller;
    bool exception = false; // may widen the policy (marked by an admin); otherwise only narrows
    QString comment;
    QHash<int, QList<Tier>> tiers;
};

// Who may use a model at all (no rule: everyone the config admits).
struct ModelRule {
    QStringList teams;
    QStringList callers;
};

// Requests that find every permitted endpoint at capacity (and may not overflow) wait here,
// first in first out, instead of getting 503 no_capacity at once. max_requests 0 = no queue.
struct QueueSettings {
    int maxRequests = 64;
    int maxWaitMs = 2000;
};

// A validated, compiled policy: which tiers each sensitivity level may enter (in preference
// order) and the classifier built from the policy's classifier section. Immutable once built,
// shared by every request that started under it (in-flight requests keep their version).
class Policy {
public:
    QString version() const { return m_version; }
    QString comment() const { return m_comment; }
    // Canonical JSON of the document (for storage, diffs and hashing).
    const QByteArray &canonicalJson() const { return m_canonical; }
    QList<Tier> permittedTiers(Sensitivity level) const { return m_tiers.value(int(level)); }
    // For a request: a caller override wins over a team override, which wins over the policy.
    // `why` (optional) names the override that applied.
    QList<Tier> permittedTiers(Sensitivity level, const QString &caller, const QString &team, QString *why = nullptr) const
    {
        for (const auto *key : {&caller, &team}) {
            for (const auto &o : m_overrides) {
                const bool matches = key == &caller ? (!o.caller.isEmpty() && o.caller == caller) : (!o.team.isEmpty() && o.team == team);
                if (matches && o.tiers.contains(int(level))) {
                    if (why)
                        *why = key == &caller ? QStringLiteral("override for caller %1").arg(caller) : QStringLiteral("override for team %1").arg(team);
                    return o.tiers.value(int(level));
                }
            }
        }
        return permittedTiers(level);
    }
    const QList<PolicyOverride> &overrides() const { return m_overrides; }
    bool modelAllowed(const QString &model, const QString &caller, const QString &team) const
    {
        const auto it = m_modelRules.constFind(model);
        return it == m_modelRules.constEnd() || it->callers.contains(caller) || (!team.isEmpty() && it->teams.contains(team));
    }
    bool hasModelRule(const QString &model) const { return m_modelRules.contains(model); }
    const classify::ClassifierSettings &classifierSettings() const { return m_settings; }
    std::shared_ptr<const classify::PayloadClassifier> classifier() const { return m_classifier; }
    // Utilization (in flight / capacity) at which the router prefers the next permitted tier.
    double overflowThreshold() const { return m_overflowThreshold; }
    const QueueSettings &queue() const { return m_queue; }
    // The level this policy gives a finding type (a shadow policy re-reads the active
    // classification through it).
    Sensitivity levelForType(const QString &type) const { return m_typeLevels.levelFor(type); }

private:
    friend class PolicyLoader;
    QString m_version;
    QString m_comment;
    QByteArray m_canonical;
    QHash<int, QList<Tier>> m_tiers;
    double m_overflowThreshold = 0.8;
    QueueSettings m_queue;
    classify::TypeLevelMap m_typeLevels;
    QList<PolicyOverride> m_overrides;
    QHash<QString, ModelRule> m_modelRules;
    classify::ClassifierSettings m_settings;
    std::shared_ptr<const classify::PayloadClassifier> m_classifier;
};

} // namespace perimeter::policy
