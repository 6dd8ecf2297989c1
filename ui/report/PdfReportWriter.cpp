// SPDX-License-Identifier: Apache-2.0
#include "PdfReportWriter.h"
#include "observe/AuditRecordJson.h"
#include "report/AuditReportBuilder.h"
#include "report/ReportFormatting.h"

#include <QIODevice>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace perimeter::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QStringList &cells, bool header = false)
{
    QString html = QStringLiteral("<tr>");
    for (const QString &c : cells)
        html += (header ? QStringLiteral("<th>%1</th>") : QStringLiteral("<td>%1</td>")).arg(esc(c));
    return html + QStringLiteral("</tr>");
}

// The records table: small type and fixed column shares so that a record fits on one line
// (Qt's rich text neither inherits a table's font size nor sizes columns by content well).
QString recordRow(const QStringList &cells, bool header = false)
{
    static const int widths[] = {15, 11, 11, 7, 10, 6, 9, 7, 11, 5, 8};
    QString html = QStringLiteral("<tr>");
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
        html += header ? QStringLiteral("<%1 style='font-size: 6pt' width='%2%'>%3</%1>").arg(tag).arg(widths[i % 11]).arg(esc(cells.at(i)))
                       : QStringLiteral("<%1 style='font-size: 6pt'>%2</%1>").arg(tag, esc(cells.at(i)));
    }
    return html + QStringLiteral("</tr>");
}

const char *kStyle =
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #202020; }"
    "h1 { font-size: 17pt; margin-bottom: 2px; } h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; }"
    "table { border-collapse: collapse; } th { background: #e8e8e8; text-align: left; }"
    "th, td { padding: 2px 6px; } .muted { color: #606060; }"
    ".yes { color: #a00000; font-weight: bold; } .no { color: #006000; font-weight: bold; }"
    ".small { font-size: 7pt; } .r { font-size: 6pt; padding: 1px 3px; }";

} // namespace

QString PdfReportWriter::html(const report::AuditReport &r, const Progress &progress, bool *cancelled)
{
    using namespace report::formatting;
    if (cancelled)
        *cancelled = false;
    QString h;
    h += QStringLiteral("<html><head><style>%1</style></head><body>").arg(QLatin1String(kStyle));
    h += QStringLiteral("<h1>Perimeter audit report</h1>");
    const QString from = r.filter.from ? timestamp(r.filter.from) : QStringLiteral("the first record");
    const QString to = r.filter.to ? timestamp(r.filter.to) : QStringLiteral("the last record");
    h += QStringLiteral("<p class='muted'>Period: %1 to %2 (end exclusive)<br>Generated: %3<br>Records: %4</p>")
             .arg(esc(from), esc(to), esc(observe::formatAuditTimestamp(r.generatedAt)),
                  esc(r.filterDescription.isEmpty() ? QStringLiteral("all") : r.filterDescription));

    h += QStringLiteral("<h2>Residency</h2><p><b>%1</b></p>").arg(esc(report::AuditReport::residencyQuestion()));
    h += QStringLiteral("<p class='%1'>%2</p>")
             .arg(r.sensitiveInCloud ? QStringLiteral("yes") : QStringLiteral("no"), esc(r.residencyAnswer()));

    h += QStringLiteral("<h2>Chain verification</h2><p>%1</p>").arg(esc(r.chainSummary()));

    h += QStringLiteral("<h2>Requests by tier and sensitivity level</h2>");
    const QStringList tiers = {QStringLiteral("onprem"), QStringLiteral("cloud"), QStringLiteral("none")};
    const QStringList levels = {QStringLiteral("public"), QStringLiteral("internal"), QStringLiteral("confidential"),
                                QStringLiteral("restricted"), QStringLiteral("unclassified")};
    h += QStringLiteral("<table width='100%' border='1' cellspacing='0'>");
    h += row({QStringLiteral("level"), QStringLiteral("on-prem"), QStringLiteral("cloud"), QStringLiteral("no tier (rejected/failed)"),
              QStringLiteral("total")}, true);
    for (const QString &level : levels) {
        QStringList cells{level};
        qint64 sum = 0;
        for (const QString &tier : tiers) {
            const qint64 n = r.byTierAndLevel.value(tier).value(level);
            sum += n;
            cells << QString::number(n);
        }
        cells << QString::number(sum);
        h += row(cells);
    }
    h += row({QStringLiteral("all"), QString(), QString(), QString(), QString::number(r.total)});
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>Rejections and failures</h2>");
    if (r.rejectionsByReason.isEmpty() && r.failuresByReason.isEmpty()) {
        h += QStringLiteral("<p>None.</p>");
    } else {
        h += QStringLiteral("<table width='100%' border='1' cellspacing='0'>") + row({QStringLiteral("decision"), QStringLiteral("reason"), QStringLiteral("requests")}, true);
        for (auto it = r.rejectionsByReason.cbegin(); it != r.rejectionsByReason.cend(); ++it)
            h += row({QStringLiteral("rejected"), it.key(), QString::number(it.value())});
        for (auto it = r.failuresByReason.cbegin(); it != r.failuresByReason.cend(); ++it)
            h += row({QStringLiteral("failed"), it.key(), QString::number(it.value())});
        h += QStringLiteral("</table>");
    }

    h += QStringLiteral("<h2>Cost</h2>");
    if (r.costByCurrency.isEmpty()) {
        h += QStringLiteral("<p>No priced request.</p>");
    } else {
        h += QStringLiteral("<table width='100%' border='1' cellspacing='0'>")
            + row({QStringLiteral("currency"), QStringLiteral("total"), QStringLiteral("on-prem"), QStringLiteral("cloud"),
                   QStringLiteral("other tier would cost"), QStringLiteral("difference")}, true);
        for (auto it = r.costByCurrency.cbegin(); it != r.costByCurrency.cend(); ++it)
            h += row({it.key(), money(it->total), money(it->onprem), money(it->cloud),
                      QStringLiteral("%1 (%2 requests)").arg(money(it->counterfactual)).arg(it->counterfactualRequests),
                      money(it->difference())});
        h += QStringLiteral("</table>");
    }

    if (!r.sensitiveInCloudIds.isEmpty() || !r.unclassifiedInCloudIds.isEmpty()) {
        h += QStringLiteral("<h2>Evidence: request ids</h2>");
        if (!r.sensitiveInCloudIds.isEmpty())
            h += QStringLiteral("<p>Confidential or restricted, served from the cloud (%1):<br><span class='small'>%2</span></p>")
                     .arg(r.sensitiveInCloudIds.size())
                     .arg(esc(r.sensitiveInCloudIds.join(QStringLiteral(", "))));
        if (!r.unclassifiedInCloudIds.isEmpty())
            h += QStringLiteral("<p>Reached the cloud without a sensitivity level (%1):<br><span class='small'>%2</span></p>")
                     .arg(r.unclassifiedInCloudIds.size())
                     .arg(esc(r.unclassifiedInCloudIds.join(QStringLiteral(", "))));
    }

    if (r.includesRecords) {
        const qsizetype n = r.records.size();
        const qsizetype shown = qMin<qsizetype>(n, kMaxRecords);
        h += QStringLiteral("<h2>Records</h2>");
        if (shown < n)
            h += QStringLiteral("<p class='muted'>The first %1 of %2 records; a CSV or JSON export lists them all.</p>").arg(shown).arg(n);
        h += QStringLiteral("<table width='100%' border='1' cellspacing='0'>")
            + recordRow({QStringLiteral("time (UTC)"), QStringLiteral("request id"), QStringLiteral("caller"), QStringLiteral("team"),
                   QStringLiteral("model"), QStringLiteral("tier"), QStringLiteral("level"), QStringLiteral("decision"),
                   QStringLiteral("reason"), QStringLiteral("status"), QStringLiteral("cost")}, true);
        int lastPercent = -1;
        for (qsizetype i = 0; i < shown; ++i) {
            const observe::AuditRecord &rec = r.records.at(i);
            h += recordRow({rec.ts.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), rec.requestId, rec.caller, rec.team,
                      rec.modelServed.isEmpty() ? rec.modelRequested : rec.modelServed, rec.tier, rec.sensitivity, rec.decision,
                      rec.reason, QString::number(rec.status), money(rec.costAmount)});
            const int percent = int(50 * (i + 1) / shown);
            if (progress && percent != lastPercent) {
                lastPercent = percent;
                if (!progress(percent)) {
                    if (cancelled)
                        *cancelled = true;
                    return QString();
                }
            }
        }
        h += QStringLiteral("</table>");
    }
    h += QStringLiteral("</body></html>");
    return h;
}

Status PdfReportWriter::render(const report::AuditReport &r, QIODevice &out, const Progress &progress) const
{
    bool cancelled = false;
    const QString content = html(r, progress, &cancelled);
    if (cancelled)
        return report::AuditReportBuilder::cancelled();
    QPdfWriter writer(&out);
    writer.setTitle(QStringLiteral("Perimeter audit report"));
    writer.setCreator(QStringLiteral("Perimeter"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    // Landscape: the records table has eleven columns.
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    QTextDocument document;
    document.setDocumentMargin(0);
    document.setHtml(content);
    // QTextDocument::print paginates to the writer's page rectangle and numbers no pages: a
    // plain layout the PDF reader scales; fonts come from fontconfig (DejaVu on Debian).
    document.print(&writer);
    if (progress && !progress(100))
        return report::AuditReportBuilder::cancelled();
    if (!out.isOpen() || (out.isWritable() == false))
        return Error{QStringLiteral("write_failed"), QStringLiteral("cannot write the PDF report: %1").arg(out.errorString())};
    return Ok{};
}

} // namespace perimeter::ui
