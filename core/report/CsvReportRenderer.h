// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ReportRenderer.h"

namespace perimeter::report {

// The summary as "section,item,value" rows; with records, an empty line, a header row of the
// audit field names and one row per record (RFC 4180 quoting).
class CsvReportRenderer final : public ReportRenderer {
public:
    QString format() const override { return QStringLiteral("csv"); }
    QString mimeType() const override { return QStringLiteral("text/csv"); }
    Status render(const AuditReport &report, QIODevice &out, const Progress &progress = {}) const override;
};

} // namespace perimeter::report
