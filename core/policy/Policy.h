// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "classify/ClassifierSettings.h"
#include "classify/PayloadClassifier.h"
#include "common/Sensitivity.h"
#include <QByteArray>
#include <QHash>
#include <QList>
#include <memory>

namespace perimeter::policy {

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
    const classify::ClassifierSettings &classifierSettings() const { return m_settings; }
    std::shared_ptr<const classify::PayloadClassifier> classifier() const { return m_classifier; }
    // Utilization (in flight / capacity) at which the router prefers the next permitted tier.
    double overflowThreshold() const { return m_overflowThreshold; }

private:
    friend class PolicyLoader;
    QString m_version;
    QString m_comment;
    QByteArray m_canonical;
    QHash<int, QList<Tier>> m_tiers;
    double m_overflowThreshold = 0.8;
    classify::ClassifierSettings m_settings;
    std::shared_ptr<const classify::PayloadClassifier> m_classifier;
};

} // namespace perimeter::policy
