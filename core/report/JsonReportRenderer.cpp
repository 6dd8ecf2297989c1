// SPDX-License-Identifier: Apache-2.0
#include "JsonReportRenderer.h"
#include "AuditReportBuilder.h"
#include "ReportFormatting.h"
#include "observe/AuditRecordJson.h"
#include <QIODevice>
#include <QJsonDocument>

namespace perimeter::report {

Status JsonReportRenderer::render(const AuditReport &r, QIODevice &out, const Progress &progress) const
{
    auto writeError = [&out] {
        return Error{QStringLiteral("write_failed"), QStringLiteral("cannot write the report: %1").arg(out.errorString())};
    };
    QByteArray summary = QJsonDocument(formatting::summaryJson(r)).toJson(QJsonDocument::Indented);
    if (!r.includesRecords) {
        if (out.write(summary) < 0)
            return writeError();
        return progress && !progress(100) ? Status(AuditReportBuilder::cancelled()) : Status(Ok{});
    }
    // The records are appended to the summary object one by one rather than built as one
    // QJsonArray: a long period would otherwise hold every record twice in memory.
    const qsizetype close = summary.lastIndexOf('}');
    summary.truncate(close);
    while (summary.endsWith('\n') || summary.endsWith(' '))
        summary.chop(1);
    summary += ",\n    \"records\": [";
    if (out.write(summary) < 0)
        return writeError();
    QByteArray chunk;
    const qsizetype n = r.records.size();
    int lastPercent = -1;
    for (qsizetype i = 0; i < n; ++i) {
        chunk += i == 0 ? "\n        " : ",\n        ";
        chunk += QJsonDocument(observe::auditRecordToJson(r.records.at(i))).toJson(QJsonDocument::Compact);
        if (chunk.size() > 1 << 16) {
            if (out.write(chunk) < 0)
                return writeError();
            chunk.clear();
        }
        const int percent = int(100 * (i + 1) / n);
        if (progress && percent != lastPercent) {
            lastPercent = percent;
            if (!progress(percent))
                return AuditReportBuilder::cancelled();
        }
    }
    chunk += n > 0 ? "\n    ]\n}\n" : "]\n}\n";
    if (out.write(chunk) < 0)
        return writeError();
    if (progress && !progress(100))
        return AuditReportBuilder::cancelled();
    return Ok{};
}

} // namespace perimeter::report
