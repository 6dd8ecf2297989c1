// SPDX-License-Identifier: Apache-2.0
#include "CsvReportRenderer.h"
#include "AuditReportBuilder.h"
#include "ReportFormatting.h"
#include "observe/AuditRecordJson.h"
#include <QIODevice>

namespace perimeter::report {

namespace {
Error writeError(const QIODevice &out)
{
    return Error{QStringLiteral("write_failed"), QStringLiteral("cannot write the report: %1").arg(out.errorString())};
}
} // namespace

Status CsvReportRenderer::render(const AuditReport &r, QIODevice &out, const Progress &progress) const
{
    using namespace formatting;
    QString text;
    auto row = [&text](const QString &section, const QString &item, const QString &value) {
        text += csvField(section) + QLatin1Char(',') + csvField(item) + QLatin1Char(',') + csvField(value) + QLatin1Char('\n');
    };
    text += QStringLiteral("section,item,value\n");
    row(QStringLiteral("period"), QStringLiteral("from"), timestamp(r.filter.from));
    row(QStringLiteral("period"), QStringLiteral("to"), timestamp(r.filter.to));
    row(QStringLiteral("period"), QStringLiteral("generated_at"), observe::formatAuditTimestamp(r.generatedAt));
    if (!r.filterDescription.isEmpty())
        row(QStringLiteral("filter"), QStringLiteral("records"), r.filterDescription);
    row(QStringLiteral("requests"), QStringLiteral("total"), QString::number(r.total));
    for (auto t = r.byTierAndLevel.cbegin(); t != r.byTierAndLevel.cend(); ++t) {
        for (auto l = t->cbegin(); l != t->cend(); ++l)
            row(QStringLiteral("requests_by_tier_level"), t.key() + QLatin1Char('/') + l.key(), QString::number(l.value()));
    }
    for (auto it = r.rejectionsByReason.cbegin(); it != r.rejectionsByReason.cend(); ++it)
        row(QStringLiteral("rejections"), it.key(), QString::number(it.value()));
    for (auto it = r.failuresByReason.cbegin(); it != r.failuresByReason.cend(); ++it)
        row(QStringLiteral("failures"), it.key(), QString::number(it.value()));
    for (auto it = r.costByCurrency.cbegin(); it != r.costByCurrency.cend(); ++it) {
        row(QStringLiteral("cost"), it.key() + QStringLiteral("/total"), money(it->total));
        row(QStringLiteral("cost"), it.key() + QStringLiteral("/onprem"), money(it->onprem));
        row(QStringLiteral("cost"), it.key() + QStringLiteral("/cloud"), money(it->cloud));
        row(QStringLiteral("cost"), it.key() + QStringLiteral("/counterfactual"), money(it->counterfactual));
        row(QStringLiteral("cost"), it.key() + QStringLiteral("/counterfactual_requests"), QString::number(it->counterfactualRequests));
        row(QStringLiteral("cost"), it.key() + QStringLiteral("/difference"), money(it->difference()));
    }
    const observe::ChainVerification &v = r.chain;
    row(QStringLiteral("chain"), QStringLiteral("verified"), v.ok ? QStringLiteral("true") : QStringLiteral("false"));
    row(QStringLiteral("chain"), QStringLiteral("records_checked"), QString::number(v.recordsChecked));
    if (v.ok) {
        row(QStringLiteral("chain"), QStringLiteral("head_hash"), v.headHash);
    } else {
        row(QStringLiteral("chain"), QStringLiteral("problem"), observe::chainProblemName(v.problem));
        row(QStringLiteral("chain"), QStringLiteral("first_bad_id"), QString::number(v.firstBadId));
        row(QStringLiteral("chain"), QStringLiteral("first_bad_request_id"), v.firstBadRequestId);
        row(QStringLiteral("chain"), QStringLiteral("detail"), v.detail);
    }
    row(QStringLiteral("residency"), QStringLiteral("confidential_or_restricted_to_cloud"),
        r.sensitiveInCloud ? QStringLiteral("yes") : QStringLiteral("no"));
    row(QStringLiteral("residency"), QStringLiteral("statement"), r.residencyAnswer());
    for (const QString &id : r.sensitiveInCloudIds)
        row(QStringLiteral("residency_evidence"), QStringLiteral("request_id"), id);
    for (const QString &id : r.unclassifiedInCloudIds)
        row(QStringLiteral("residency_unclassified_in_cloud"), QStringLiteral("request_id"), id);
    if (out.write(text.toUtf8()) < 0)
        return writeError(out);

    if (r.includesRecords) {
        QStringList header;
        for (const QString &c : recordColumns())
            header << csvField(c);
        text = QLatin1Char('\n') + header.join(QLatin1Char(',')) + QLatin1Char('\n');
        const qsizetype n = r.records.size();
        int lastPercent = -1;
        for (qsizetype i = 0; i < n; ++i) {
            QStringList fields = recordFields(r.records.at(i));
            for (QString &f : fields)
                f = csvField(f);
            text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
            if (text.size() > 1 << 16 || i + 1 == n) {
                if (out.write(text.toUtf8()) < 0)
                    return writeError(out);
                text.clear();
            }
            const int percent = int(100 * (i + 1) / n);
            if (progress && percent != lastPercent) {
                lastPercent = percent;
                if (!progress(percent))
                    return AuditReportBuilder::cancelled();
            }
        }
        if (!text.isEmpty() && out.write(text.toUtf8()) < 0)
            return writeError(out);
    }
    if (progress && !progress(100))
        return AuditReportBuilder::cancelled();
    return Ok{};
}

} // namespace perimeter::report
