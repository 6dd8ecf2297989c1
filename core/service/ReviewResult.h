// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/DecisionReview.h"
#include <QList>
#include <QMetaType>

namespace perimeter::service {

// The answer to a review action or query (current states, or one decision's log).
struct ReviewResult {
    bool ok = false;
    QString error;                         // user-facing; lists every problem of a refused action
    QList<observe::DecisionReview> reviews;
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::ReviewResult)
