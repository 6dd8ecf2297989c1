// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ReportRenderer.h"
#include <QStringList>
#include <memory>
#include <mutex>
#include <vector>

namespace perimeter::report {

// The report formats this program can write. CSV and JSON are always there; a program built
// with the GUI adds PDF at start-up (app/ wires ui/report/PdfReportWriter in), so a headless
// build answers --format pdf with a clear error instead of a missing symbol. Thread-safe.
class ReportRendererRegistry {
public:
    static ReportRendererRegistry &instance();

    // Replaces a renderer of the same format.
    void add(std::shared_ptr<const ReportRenderer> renderer);
    std::shared_ptr<const ReportRenderer> find(const QString &format) const;
    QStringList formats() const;

    // The error for a format that is not registered, naming the ones that are.
    Error unavailable(const QString &format) const;

private:
    ReportRendererRegistry();
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<const ReportRenderer>> m_renderers;
};

} // namespace perimeter::report
