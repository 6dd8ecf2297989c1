// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditAnalytics.h"
#include "AuditReport.h"
#include <functional>

namespace perimeter::report {

// Builds the AuditReport of a period and filter: the summary from AuditAnalytics (sums in
// the store), the chain result from the AuditStore, the residency evidence and, when asked,
// the records. Blocking: run it on a worker thread (ReportExportJob does).
class AuditReportBuilder {
public:
    // Called with 0..100; returning false cancels the build (the result is then the error
    // "cancelled").
    using Progress = std::function<bool(int percent)>;

    static Result<AuditReport> build(const observe::AuditStore &store, const AuditAnalytics &analytics, const AuditFilter &filter,
                                     bool includeRecords, const Progress &progress = {});
    static QString describeFilter(const AuditFilter &filter);
    static Error cancelled();
};

} // namespace perimeter::report
