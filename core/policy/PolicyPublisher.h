// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Policy.h"
#include "PolicyVersion.h"
#include "common/Result.h"
#include <QByteArray>
#include <QString>
#include <memory>

namespace perimeter::policy {

class PolicyVersionStore;

// The one path by which an edited policy becomes the file in force: validate the document,
// write the policy file atomically (the file stays the source of truth, so a restart or SIGHUP
// loads exactly what was applied), then record it in the version history. Blocking file and
// SQLite work: run it off the gateway's event loop. Used by the admin API and the console.
struct PolicyPublication {
    Result<std::shared_ptr<const Policy>> policy = Error{}; // an error lists every problem, one per line
    QString writeError;                                     // set when the file could not be written
    Result<PolicyVersion> version = Error{};                // the history entry (not fatal if it failed)

    bool published() const { return policy.ok() && writeError.isEmpty(); }

    static PolicyPublication publish(const QByteArray &content, const QString &policyPath, PolicyVersionStore &history,
                                     const QString &author, const QString &comment);
};

} // namespace perimeter::policy
