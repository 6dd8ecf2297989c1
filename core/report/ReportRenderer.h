// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditReport.h"
#include "common/Result.h"
#include <functional>

class QIODevice;

namespace perimeter::report {

// Turns an AuditReport into one file format. core/ ships CSV and JSON; the PDF renderer needs
// Qt Gui and lives in ui/report (PdfReportWriter), registered by the programs that have it.
// render() may run on any thread, one report at a time per call; it must not keep `out`.
class ReportRenderer {
public:
    // Called with 0..100 of the rendering; returning false cancels (render() then returns
    // AuditReportBuilder::cancelled()).
    using Progress = std::function<bool(int percent)>;

    virtual ~ReportRenderer() = default;
    virtual QString format() const = 0;     // "csv", "json", "pdf"
    virtual QString mimeType() const = 0;
    virtual Status render(const AuditReport &report, QIODevice &out, const Progress &progress = {}) const = 0;
};

} // namespace perimeter::report
