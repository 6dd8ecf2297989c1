// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace perimeter::observe {

// A security officer's verdict on one audited decision: looked at and fine ("reviewed"), or
// needs attention ("flagged", always with a comment). The latest action per request id is the
// decision's review state; every action is also kept in the review log.
struct DecisionReview {
    QString requestId;
    QString status;     // "reviewed" or "flagged"
    QString reviewer;
    QString comment;
    QDateTime at;       // UTC
    qint64 id = 0;      // the action's row in the review log
};

} // namespace perimeter::observe

Q_DECLARE_METATYPE(perimeter::observe::DecisionReview)
