// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Finding.h"
#include <QMap>

namespace perimeter::classify {

// The outcome of classifying a whole payload.
struct ClassificationReport {
    Findings findings;                    // each with level and path set
    Sensitivity level = Sensitivity::Public; // highest finding level (caller labels are applied later)
    bool failedClosed = false;            // scanning failed or was refused: level forced to restricted
    QString failureReason;                // stable code, e.g. "payload_too_large_to_scan"
    qint64 scannedChars = 0;
    qint64 elapsedNs = 0;

    // type -> count, for the audit record and error messages (no values).
    QMap<QString, int> typeCounts() const
    {
        QMap<QString, int> counts;
        for (const auto &f : findings)
            ++counts[f.type];
        return counts;
    }
};

} // namespace perimeter::classify
