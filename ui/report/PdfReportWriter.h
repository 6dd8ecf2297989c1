// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "report/ReportRenderer.h"

namespace perimeter::ui {

// The audit report as a readable A4 PDF (QTextDocument laid out by QPdfWriter): the residency
// answer first, then the chain verification, requests by tier and level, rejections and
// failures, cost, the evidence ids and, with records, a table of the first kMaxRecords
// records (the rest are counted, not listed: CSV/JSON exports carry them all).
// Needs a QGuiApplication (fonts); safe on a worker thread (QPainter on a PDF device is).
class PdfReportWriter final : public report::ReportRenderer {
public:
    static constexpr int kMaxRecords = 2000;

    QString format() const override { return QStringLiteral("pdf"); }
    QString mimeType() const override { return QStringLiteral("application/pdf"); }
    Status render(const report::AuditReport &report, QIODevice &out, const Progress &progress = {}) const override;

    // The document before layout, for tests and previews.
    static QString html(const report::AuditReport &report, const Progress &progress = {}, bool *cancelled = nullptr);
};

} // namespace perimeter::ui
