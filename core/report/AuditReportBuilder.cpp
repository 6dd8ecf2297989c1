// SPDX-License-Identifier: Apache-2.0
#include "AuditReportBuilder.h"

namespace perimeter::report {

namespace {

const QString kConfidential = QStringLiteral("confidential");
const QString kRestricted = QStringLiteral("restricted");

// The values of `wanted` the filter lets through (an empty filter list lets everything).
QStringList narrow(const QStringList &filter, const QStringList &wanted)
{
    if (filter.isEmpty())
        return wanted;
    QStringList out;
    for (const QString &w : wanted) {
        if (filter.contains(w))
            out << w;
    }
    return out;
}

} // namespace

Error AuditReportBuilder::cancelled()
{
    return Error{QStringLiteral("cancelled"), QStringLiteral("the report was cancelled")};
}

QString AuditReportBuilder::describeFilter(const AuditFilter &filter)
{
    QStringList parts;
    const std::pair<const char *, const QStringList *> lists[] = {
        {"tier", &filter.tiers},   {"team", &filter.teams},         {"caller", &filter.callers},
        {"model", &filter.models}, {"sensitivity", &filter.sensitivities}, {"decision", &filter.decisions},
        {"endpoint", &filter.endpoints}, {"reason", &filter.reasons},
    };
    for (const auto &[name, values] : lists) {
        if (values->isEmpty())
            continue;
        QStringList shown;
        for (const QString &v : *values)
            shown << (v.isEmpty() ? QStringLiteral("(none)") : v);
        parts << QStringLiteral("%1 = %2").arg(QLatin1String(name), shown.join(QStringLiteral(" or ")));
    }
    return parts.join(QStringLiteral("; "));
}

Result<AuditReport> AuditReportBuilder::build(const observe::AuditStore &store, const AuditAnalytics &analytics,
                                              const AuditFilter &filter, bool includeRecords, const Progress &progress)
{
    auto report = [&](int percent) { return !progress || progress(percent); };
    AuditReport r;
    r.generatedAt = QDateTime::currentDateTimeUtc();
    r.filter = filter;
    r.filterDescription = describeFilter(filter);
    if (!report(0))
        return cancelled();

    auto levels = analytics.breakdown(filter, Dimension::Sensitivity);
    if (!levels)
        return levels.error();
    for (const BreakdownRow &row : levels.value()) {
        const QString level = row.key.isEmpty() ? QStringLiteral("unclassified") : row.key;
        const qint64 none = row.stats.requests - row.stats.onpremRequests - row.stats.cloudRequests;
        if (row.stats.onpremRequests > 0)
            r.byTierAndLevel[QStringLiteral("onprem")][level] += row.stats.onpremRequests;
        if (row.stats.cloudRequests > 0)
            r.byTierAndLevel[QStringLiteral("cloud")][level] += row.stats.cloudRequests;
        if (none > 0)
            r.byTierAndLevel[QStringLiteral("none")][level] += none;
        r.total += row.stats.requests;
    }
    if (!report(4))
        return cancelled();

    auto reasons = analytics.breakdown(filter, Dimension::Reason);
    if (!reasons)
        return reasons.error();
    for (const BreakdownRow &row : reasons.value()) {
        const QString reason = row.key.isEmpty() ? QStringLiteral("unknown") : row.key;
        if (row.stats.rejected > 0)
            r.rejectionsByReason[reason] += row.stats.rejected;
        if (row.stats.failed > 0)
            r.failuresByReason[reason] += row.stats.failed;
    }
    if (!report(7))
        return cancelled();

    auto tiers = analytics.breakdown(filter, Dimension::Tier);
    if (!tiers)
        return tiers.error();
    for (const BreakdownRow &row : tiers.value()) {
        for (auto it = row.stats.cost.cbegin(); it != row.stats.cost.cend(); ++it) {
            const bool priced = it.value() != 0.0 || row.stats.counterfactual.contains(it.key());
            if (!priced)
                continue;
            AuditReport::Cost &c = r.costByCurrency[it.key().isEmpty() ? QStringLiteral("unknown") : it.key()];
            c.total += it.value();
            if (row.key == QLatin1String("onprem"))
                c.onprem += it.value();
            else if (row.key == QLatin1String("cloud"))
                c.cloud += it.value();
            c.counterfactual += row.stats.counterfactual.value(it.key());
            c.costWithCounterfactual += row.stats.costWithCounterfactual.value(it.key());
        }
    }
    // Requests with a counterfactual are counted per tier, not per currency: attribute them
    // to the currency when there is only one (the normal case).
    if (r.costByCurrency.size() == 1) {
        qint64 n = 0;
        for (const BreakdownRow &row : tiers.value())
            n += row.stats.counterfactualRequests;
        r.costByCurrency.first().counterfactualRequests = n;
    }
    if (!report(10))
        return cancelled();

    // The residency evidence: every cloud record of the filter that was classified
    // confidential or restricted, or reached the cloud never classified at all.
    AuditFilter exposed = filter;
    exposed.tiers = narrow(filter.tiers, {QStringLiteral("cloud")});
    exposed.sensitivities = narrow(filter.sensitivities, {kConfidential, kRestricted, QString()});
    if (!exposed.tiers.isEmpty() && !exposed.sensitivities.isEmpty()) {
        Status scanned = analytics.forEachRecord(exposed, [&r](const observe::AuditRecord &record) {
            (record.sensitivity.isEmpty() ? r.unclassifiedInCloudIds : r.sensitiveInCloudIds).append(record.requestId);
            return true;
        });
        if (!scanned)
            return scanned.error();
    }
    r.sensitiveInCloud = !r.sensitiveInCloudIds.isEmpty();
    if (!report(15))
        return cancelled();

    auto chain = store.verify();
    if (!chain)
        return chain.error();
    r.chain = chain.value();
    if (!report(30))
        return cancelled();

    if (includeRecords) {
        r.includesRecords = true;
        const qint64 expected = qMax<qint64>(1, r.total);
        bool stopped = false;
        int lastPercent = 30;
        Status listed = analytics.forEachRecord(filter, [&](const observe::AuditRecord &record) {
            r.records.append(record);
            const int percent = 30 + int(70 * qMin<qint64>(r.records.size(), expected) / expected);
            if (percent != lastPercent) {
                lastPercent = percent;
                if (!report(percent)) {
                    stopped = true;
                    return false;
                }
            }
            return true;
        });
        if (!listed)
            return listed.error();
        if (stopped)
            return cancelled();
    }
    if (!report(100))
        return cancelled();
    return r;
}

} // namespace perimeter::report
