// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "policy/PolicyVersion.h"
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace perimeter::service {

// The outcome of validating a policy document (nothing applied).
struct PolicyValidation {
    bool valid = false;
    QString version;       // the version the policy would have (valid only)
    QStringList problems;  // "<json pointer>: <message>", every problem the core found
};

// The outcome of applying (or rolling back to) a policy.
struct PolicyApplyResult {
    bool applied = false;
    QString version;       // the active version afterwards (applied only)
    qint64 sequence = 0;   // its entry in the version history (0: not recorded)
    QString error;         // why nothing was applied (besides problems)
    QStringList problems;  // validation problems, by JSON pointer
};

// The version history (newest first; content omitted) or one version with its content.
struct PolicyHistoryResult {
    bool ok = false;
    QString error;
    QList<policy::PolicyVersion> versions;
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::PolicyValidation)
Q_DECLARE_METATYPE(perimeter::service::PolicyApplyResult)
Q_DECLARE_METATYPE(perimeter::service::PolicyHistoryResult)
