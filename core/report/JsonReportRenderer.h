// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ReportRenderer.h"

namespace perimeter::report {

// One JSON object: period, filter, requests, rejections/failures by reason, cost, chain,
// residency (question, answer, statement, evidence ids) and, with records, "records" (each
// as `perimeterctl audit list --format json` prints it), written record by record.
class JsonReportRenderer final : public ReportRenderer {
public:
    QString format() const override { return QStringLiteral("json"); }
    QString mimeType() const override { return QStringLiteral("application/json"); }
    Status render(const AuditReport &report, QIODevice &out, const Progress &progress = {}) const override;
};

} // namespace perimeter::report
