// SPDX-License-Identifier: Apache-2.0
#include "ReportRendererRegistry.h"
#include "CsvReportRenderer.h"
#include "JsonReportRenderer.h"

namespace perimeter::report {

ReportRendererRegistry::ReportRendererRegistry()
{
    m_renderers.push_back(std::make_shared<CsvReportRenderer>());
    m_renderers.push_back(std::make_shared<JsonReportRenderer>());
}

ReportRendererRegistry &ReportRendererRegistry::instance()
{
    static ReportRendererRegistry registry;
    return registry;
}

void ReportRendererRegistry::add(std::shared_ptr<const ReportRenderer> renderer)
{
    if (!renderer)
        return;
    std::lock_guard lock(m_mutex);
    for (auto &existing : m_renderers) {
        if (existing->format() == renderer->format()) {
            existing = std::move(renderer);
            return;
        }
    }
    m_renderers.push_back(std::move(renderer));
}

std::shared_ptr<const ReportRenderer> ReportRendererRegistry::find(const QString &format) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &r : m_renderers) {
        if (r->format() == format)
            return r;
    }
    return nullptr;
}

QStringList ReportRendererRegistry::formats() const
{
    std::lock_guard lock(m_mutex);
    QStringList names;
    for (const auto &r : m_renderers)
        names << r->format();
    return names;
}

Error ReportRendererRegistry::unavailable(const QString &format) const
{
    if (format == QLatin1String("pdf"))
        return Error{QStringLiteral("format_unavailable"),
                     QStringLiteral("PDF reports are not available in this build (built without the GUI, PERIMETER_GUI=OFF); "
                                    "use --format %1").arg(formats().join(QStringLiteral(" or ")))};
    return Error{QStringLiteral("format_unavailable"),
                 QStringLiteral("unknown report format '%1'; available: %2").arg(format, formats().join(QStringLiteral(", ")))};
}

} // namespace perimeter::report
