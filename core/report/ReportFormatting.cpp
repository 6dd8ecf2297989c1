// SPDX-License-Identifier: Apache-2.0
#include "ReportFormatting.h"
#include "observe/AuditRecordJson.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace perimeter::report::formatting {

double roundMoney(double value)
{
    return std::round(value * 1e6) / 1e6;
}

QString money(double value)
{
    return QString::number(roundMoney(value), 'f', 6);
}

QString timestamp(const std::optional<QDateTime> &t)
{
    return t ? observe::formatAuditTimestamp(*t) : QString();
}

QString csvField(const QString &text)
{
    // Also quotes a leading =, +, - or @ so a spreadsheet never runs a field as a formula.
    const bool formula = !text.isEmpty() && QStringLiteral("=+-@").contains(text.front());
    if (!formula && !text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + (formula ? QStringLiteral("'") : QString()) + quoted + QLatin1Char('"');
}

namespace {
QJsonValue timeOrNull(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(observe::formatAuditTimestamp(*t)) : QJsonValue(QJsonValue::Null);
}

QJsonObject filterJson(const AuditFilter &f)
{
    QJsonObject o;
    const std::pair<const char *, const QStringList *> lists[] = {
        {"tier", &f.tiers},   {"team", &f.teams},         {"caller", &f.callers},
        {"model", &f.models}, {"sensitivity", &f.sensitivities}, {"decision", &f.decisions},
        {"endpoint", &f.endpoints}, {"reason", &f.reasons},
    };
    for (const auto &[name, values] : lists) {
        if (!values->isEmpty())
            o.insert(QLatin1String(name), QJsonArray::fromStringList(*values));
    }
    return o;
}
} // namespace

QJsonObject summaryJson(const AuditReport &r)
{
    QJsonObject report;
    report.insert(QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), timeOrNull(r.filter.from)},
                                                        {QStringLiteral("to"), timeOrNull(r.filter.to)},
                                                        {QStringLiteral("generated_at"), observe::formatAuditTimestamp(r.generatedAt)}});
    report.insert(QStringLiteral("filter"), filterJson(r.filter));
    QJsonObject byTierLevel;
    for (auto t = r.byTierAndLevel.cbegin(); t != r.byTierAndLevel.cend(); ++t) {
        QJsonObject perLevel;
        for (auto l = t->cbegin(); l != t->cend(); ++l)
            perLevel.insert(l.key(), l.value());
        byTierLevel.insert(t.key(), perLevel);
    }
    report.insert(QStringLiteral("requests"), QJsonObject{{QStringLiteral("total"), r.total},
                                                          {QStringLiteral("by_tier_and_level"), byTierLevel}});
    QJsonObject rejections;
    for (auto it = r.rejectionsByReason.cbegin(); it != r.rejectionsByReason.cend(); ++it)
        rejections.insert(it.key(), it.value());
    QJsonObject failures;
    for (auto it = r.failuresByReason.cbegin(); it != r.failuresByReason.cend(); ++it)
        failures.insert(it.key(), it.value());
    report.insert(QStringLiteral("rejections_by_reason"), rejections);
    report.insert(QStringLiteral("failures_by_reason"), failures);
    QJsonObject cost;
    for (auto it = r.costByCurrency.cbegin(); it != r.costByCurrency.cend(); ++it) {
        cost.insert(it.key(), QJsonObject{{QStringLiteral("total"), roundMoney(it->total)},
                                          {QStringLiteral("onprem"), roundMoney(it->onprem)},
                                          {QStringLiteral("cloud"), roundMoney(it->cloud)},
                                          {QStringLiteral("counterfactual"), roundMoney(it->counterfactual)},
                                          {QStringLiteral("counterfactual_requests"), it->counterfactualRequests},
                                          {QStringLiteral("difference"), roundMoney(it->difference())}});
    }
    report.insert(QStringLiteral("cost"), cost);
    const observe::ChainVerification &v = r.chain;
    QJsonObject chain{{QStringLiteral("verified"), v.ok}, {QStringLiteral("records_checked"), v.recordsChecked}};
    if (v.ok) {
        chain.insert(QStringLiteral("head_hash"), v.headHash);
    } else {
        chain.insert(QStringLiteral("problem"), observe::chainProblemName(v.problem));
        chain.insert(QStringLiteral("first_bad_id"), v.firstBadId);
        chain.insert(QStringLiteral("first_bad_request_id"),
                     v.firstBadRequestId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.firstBadRequestId));
        chain.insert(QStringLiteral("detail"), v.detail);
    }
    report.insert(QStringLiteral("chain"), chain);
    report.insert(QStringLiteral("residency"),
                  QJsonObject{{QStringLiteral("question"), AuditReport::residencyQuestion()},
                              {QStringLiteral("answer"), r.sensitiveInCloud ? QStringLiteral("yes") : QStringLiteral("no")},
                              {QStringLiteral("statement"), r.residencyAnswer()},
                              {QStringLiteral("evidence_request_ids"), QJsonArray::fromStringList(r.sensitiveInCloudIds)},
                              {QStringLiteral("unclassified_cloud_request_ids"), QJsonArray::fromStringList(r.unclassifiedInCloudIds)}});
    return report;
}

const QStringList &recordColumns()
{
    static const QStringList columns = observe::auditFieldNames() + observe::auditChainFieldNames();
    return columns;
}

QStringList recordFields(const observe::AuditRecord &record)
{
    const QJsonObject o = observe::auditRecordToJson(record);
    QStringList fields;
    fields.reserve(recordColumns().size());
    for (const QString &column : recordColumns()) {
        const QJsonValue v = o.value(column);
        switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined: fields << QString(); break;
        case QJsonValue::Bool: fields << (v.toBool() ? QStringLiteral("true") : QStringLiteral("false")); break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            fields << (d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 12));
            break;
        }
        case QJsonValue::String: fields << v.toString(); break;
        case QJsonValue::Array:
        case QJsonValue::Object:
            fields << QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                                    : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            break;
        }
    }
    return fields;
}

} // namespace perimeter::report::formatting
