// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Finding.h"
#include <QHash>

namespace perimeter::classify {

// Finding type -> sensitivity level, plus a minimum score per type below which a finding
// is discarded. defaults() is the table in shared/design/CONTRACTS.md.
class TypeLevelMap {
public:
    static TypeLevelMap defaults();

    Sensitivity levelFor(const QString &type) const;   // unknown types: confidential (fail towards caution)
    void setLevel(const QString &type, Sensitivity level);
    double thresholdFor(const QString &type) const;    // default 0.0 (keep everything reported)
    void setThreshold(const QString &type, double minScore);
    QStringList knownTypes() const;

private:
    QHash<QString, Sensitivity> m_levels;
    QHash<QString, double> m_thresholds;
};

} // namespace perimeter::classify
