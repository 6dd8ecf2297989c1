// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::observe {
class AuditStore;
}

namespace perimeter::cli {

// `perimeterctl audit review REQUEST_ID --status reviewed|flagged [--comment TEXT]`: records a
// reviewer's verdict on one audited decision in <data_dir>/reviews.db (DecisionReviewStore),
// the same store the console's review action writes. The audit trail itself is not touched
// (it stays append-only and hash-chained); the request id must name a record in it.
class AuditReviewCommand {
public:
    // reviewer: who acts (currentUser() for perimeterctl).
    static int run(const QString &dataDir, const observe::AuditStore &audit, const QString &reviewer, const QStringList &args,
                   QTextStream &out, QTextStream &err);
    static QString usage();
    // The operating-system user running perimeterctl ("unknown" when none is set).
    static QString currentUser();
};

} // namespace perimeter::cli
