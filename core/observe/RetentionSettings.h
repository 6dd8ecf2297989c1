// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>

namespace perimeter::observe {

// The config's "retention" object: audit records older than auditDays are archived
// (AuditArchiver) and then removed from the live trail, checked every runEveryMinutes.
struct RetentionSettings {
    int auditDays = 0;             // 0: keep every record live (no retention)
    QString archiveDir;            // absolute; default <data_dir>/archive
    int runEveryMinutes = 60;

    bool enabled() const { return auditDays > 0; }
};

} // namespace perimeter::observe
