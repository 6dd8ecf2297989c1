// SPDX-License-Identifier: Apache-2.0
#include "ReportCommand.h"
#include <optional>
#include "SubcommandTable.h"
#include "TableWriter.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>
#include <cmath>

namespace perimeter::cli {

namespace {

using Handler = int (*)(observe::AuditStore &, const QStringList &, QTextStream &, QTextStream &);

QString costUsage()
{
    return QStringLiteral(
        "usage: perimeterctl report cost [--from T] [--to T] [--by team|caller|model|tier|endpoint]\n"
        "                                [--format table|json|jsonl]\n"
        "\n"
        "Sums the cost recorded with every request of the period and what the same tokens would\n"
        "have cost in the other tier (the counterfactual), per group (default: team).\n"
        "  --from T    records at or after T\n"
        "  --to T      records before T; a bare date includes that whole day\n"
        "              T is RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD (UTC)\n"
        "  --by KEY    team (default), caller, model (served, else requested), tier or endpoint\n"
        "  --format F  table (default, with a total per currency), json or jsonl\n"
        "Columns: requests (onprem/cloud), tokens, cost (onprem/cloud), counterfactual over the\n"
        "requests that have one, and difference = counterfactual - cost of those same requests\n"
        "(positive: the tier that served them was cheaper).\n");
}

QString auditUsage()
{
    return QStringLiteral(
        "usage: perimeterctl report audit [--from T] [--to T] [--format json|csv] [--records]\n"
        "\n"
        "An audit summary of the period: requests by tier and sensitivity level, rejections and\n"
        "failures by reason, cost, the hash-chain verification of the whole trail, and whether any\n"
        "confidential or restricted request went to the cloud (with the request ids as evidence).\n"
        "  --from T, --to T  the period, as for 'report cost' (no bound: all records)\n"
        "  --format F        json (default) or csv (section,item,value rows)\n"
        "  --records         json only: include every record of the period\n"
        "Exit 0 when the report was written (whatever it says), 1 when the trail cannot be read.\n");
}

double roundMoney(double value)
{
    // Table and JSON show amounts to a millionth of the currency unit: enough for per-request
    // cloud prices, without binary noise such as 0.30000000000000004.
    return std::round(value * 1e6) / 1e6;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

struct Period {
    std::optional<QDateTime> from;
    std::optional<QDateTime> to;
};

// Shared --from/--to handling; returns an error message or "".
QString readPeriod(const QCommandLineParser &parser, const QCommandLineOption &from, const QCommandLineOption &to, Period &period)
{
    if (parser.isSet(from)) {
        period.from = observe::parseTimestampOrDate(parser.value(from), observe::DayBound::Start);
        if (!period.from)
            return QStringLiteral("--from: expected RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD");
    }
    if (parser.isSet(to)) {
        period.to = observe::parseTimestampOrDate(parser.value(to), observe::DayBound::End);
        if (!period.to)
            return QStringLiteral("--to: expected RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD");
    }
    if (period.from && period.to && *period.from >= *period.to)
        return QStringLiteral("--from must be earlier than --to");
    return QString();
}

QString duplicateOption(const QCommandLineParser &parser)
{
    for (const QString &option : parser.optionNames()) {
        if (parser.values(option).size() > 1)
            return QStringLiteral("--%1 given more than once").arg(option);
    }
    return QString();
}

// The part every report subcommand shares: parse, --help, no positional arguments, no option
// given twice, a valid period. Returns the exit code when the command must stop here.
template <typename UsageError>
std::optional<int> parseReportOptions(QCommandLineParser &parser, const QString &name, const QStringList &args,
                                      const QCommandLineOption &help, const QCommandLineOption &from, const QCommandLineOption &to,
                                      Period &period, const QString &usage, UsageError &usageError, QTextStream &out)
{
    if (!parser.parse(QStringList{name} + args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out << usage;
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (const QString dup = duplicateOption(parser); !dup.isEmpty())
        return usageError(dup);
    if (const QString problem = readPeriod(parser, from, to, period); !problem.isEmpty())
        return usageError(problem);
    return std::nullopt;
}

QJsonValue timeOrNull(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(observe::formatAuditTimestamp(*t)) : QJsonValue(QJsonValue::Null);
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString ReportCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl report SUBCOMMAND [OPTIONS]\n"
        "\n"
        "Subcommands:\n"
        "  cost    cost and counterfactual per team, caller, model, tier or endpoint\n"
        "  audit   audit summary of a period (json or csv), incl. chain verification and\n"
        "          confidential/restricted requests that reached the cloud\n"
        "\n"
        "'perimeterctl report SUBCOMMAND --help' describes a subcommand.\n");
}

int ReportCommand::run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    return dispatchSubcommand<observe::AuditStore>("report", {{"cost", &ReportCommand::cost},
                              {"audit", &ReportCommand::audit}}, usage(), store, args, out, err);
}

int ReportCommand::cost(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("T"));
    const QCommandLineOption by(QStringLiteral("by"), QString(), QStringLiteral("KEY"), QStringLiteral("team"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("table"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({from, to, by, format, help});
    auto usageError = [&](const QString &message) {
        err << "perimeterctl report cost: " << message << "\n\n" << costUsage();
        return 2;
    };
    Period period;
    if (const auto stop = parseReportOptions(parser, QStringLiteral("report-cost"), args, help, from, to, period, costUsage(), usageError, out))
        return *stop;
    static const QMap<QString, observe::AuditGroupBy> groups = {
        {QStringLiteral("team"), observe::AuditGroupBy::Team},   {QStringLiteral("caller"), observe::AuditGroupBy::Caller},
        {QStringLiteral("model"), observe::AuditGroupBy::Model}, {QStringLiteral("tier"), observe::AuditGroupBy::Tier},
        {QStringLiteral("endpoint"), observe::AuditGroupBy::Endpoint},
    };
    const QString key = parser.value(by);
    if (!groups.contains(key))
        return usageError(QStringLiteral("--by must be team, caller, model, tier or endpoint"));
    const auto outputFormat = TableWriter::parseFormat(parser.value(format));
    if (!outputFormat)
        return usageError(QStringLiteral("--format must be one of %1").arg(TableWriter::formatNames()));

    observe::AuditAggregateQuery query;
    query.from = period.from;
    query.to = period.to;
    query.groupBy = groups.value(key);
    auto rows = store.aggregate(query);
    if (!rows) {
        err << "perimeterctl report cost: " << rows.error().message << '\n';
        return 1;
    }

    TableWriter table({key, QStringLiteral("currency"), QStringLiteral("requests"), QStringLiteral("onprem_requests"),
                       QStringLiteral("cloud_requests"), QStringLiteral("tokens_in"), QStringLiteral("tokens_out"),
                       QStringLiteral("cost"), QStringLiteral("onprem_cost"), QStringLiteral("cloud_cost"),
                       QStringLiteral("counterfactual"), QStringLiteral("counterfactual_requests"),
                       QStringLiteral("difference")});
    auto addRow = [&table](const QVariant &label, const observe::AuditAggregateRow &r) {
        table.addRow({label, textOrNull(r.currency), r.requests, r.onpremRequests, r.cloudRequests, r.tokensIn, r.tokensOut,
                      roundMoney(r.cost), roundMoney(r.onpremCost), roundMoney(r.cloudCost),
                      r.counterfactualRecords > 0 ? QVariant(roundMoney(r.counterfactual)) : QVariant(),
                      r.counterfactualRecords,
                      r.counterfactualRecords > 0 ? QVariant(roundMoney(r.counterfactual - r.costWithCounterfactual)) : QVariant()});
    };
    QMap<QString, observe::AuditAggregateRow> totals;
    for (const auto &r : rows.value()) {
        addRow(textOrNull(r.key), r);
        auto &t = totals[r.currency];
        t.currency = r.currency;
        t.requests += r.requests;
        t.onpremRequests += r.onpremRequests;
        t.cloudRequests += r.cloudRequests;
        t.tokensIn += r.tokensIn;
        t.tokensOut += r.tokensOut;
        t.cost += r.cost;
        t.onpremCost += r.onpremCost;
        t.cloudCost += r.cloudCost;
        t.counterfactual += r.counterfactual;
        t.counterfactualRecords += r.counterfactualRecords;
        t.costWithCounterfactual += r.costWithCounterfactual;
    }
    if (*outputFormat == TableWriter::Format::Table) {
        // Totals only in the table: a script sums the rows itself and should not mistake a
        // total for a group.
        for (const auto &t : std::as_const(totals))
            addRow(QStringLiteral("TOTAL"), t);
    }
    table.write(out, *outputFormat);
    return 0;
}

int ReportCommand::audit(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("T"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("json"));
    const QCommandLineOption records(QStringLiteral("records"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({from, to, format, records, help});
    auto usageError = [&](const QString &message) {
        err << "perimeterctl report audit: " << message << "\n\n" << auditUsage();
        return 2;
    };
    Period period;
    if (const auto stop = parseReportOptions(parser, QStringLiteral("report-audit"), args, help, from, to, period, auditUsage(), usageError, out))
        return *stop;
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("json") && formatName != QLatin1String("csv"))
        return usageError(formatName == QLatin1String("pdf") ? QStringLiteral("PDF reports are not available yet; use --format json or csv")
                                                             : QStringLiteral("--format must be json or csv"));
    const bool csv = formatName == QLatin1String("csv");
    if (csv && parser.isSet(records))
        return usageError(QStringLiteral("--records needs --format json"));

    auto fail = [&](const Error &error) {
        err << "perimeterctl report audit: " << error.message << '\n';
        return 1;
    };
    observe::AuditAggregateQuery byLevel;
    byLevel.from = period.from;
    byLevel.to = period.to;
    byLevel.groupBy = observe::AuditGroupBy::Sensitivity;
    auto levels = store.aggregate(byLevel);
    if (!levels)
        return fail(levels.error());
    observe::AuditAggregateQuery byReason = byLevel;
    byReason.groupBy = observe::AuditGroupBy::Reason;
    auto reasons = store.aggregate(byReason);
    if (!reasons)
        return fail(reasons.error());
    observe::AuditAggregateQuery byTier = byLevel;
    byTier.groupBy = observe::AuditGroupBy::Tier;
    auto tiers = store.aggregate(byTier);
    if (!tiers)
        return fail(tiers.error());
    // The residency question: every cloud record that was classified confidential or
    // restricted, or never classified at all (fail-closed would have kept it on-prem).
    observe::AuditQuery evidence;
    evidence.from = period.from;
    evidence.to = period.to;
    evidence.tier = QStringLiteral("cloud");
    evidence.sensitivities = {QStringLiteral("confidential"), QStringLiteral("restricted"), QString()};
    auto exposed = store.query(evidence);
    if (!exposed)
        return fail(exposed.error());
    auto chain = store.verify();
    if (!chain)
        return fail(chain.error());

    // tier -> level -> requests
    QMap<QString, QMap<QString, qint64>> tierLevel;
    qint64 total = 0;
    for (const auto &r : levels.value()) {
        const QString level = r.key.isEmpty() ? QStringLiteral("unclassified") : r.key;
        tierLevel[QStringLiteral("onprem")][level] += r.onpremRequests;
        tierLevel[QStringLiteral("cloud")][level] += r.cloudRequests;
        tierLevel[QStringLiteral("none")][level] += r.requests - r.onpremRequests - r.cloudRequests;
        total += r.requests;
    }
    QMap<QString, qint64> rejections;
    QMap<QString, qint64> failures;
    for (const auto &r : reasons.value()) {
        const QString reason = r.key.isEmpty() ? QStringLiteral("unknown") : r.key;
        if (r.rejected > 0)
            rejections[reason] += r.rejected;
        if (r.failed > 0)
            failures[reason] += r.failed;
    }
    struct Money {
        double cost = 0, onprem = 0, cloud = 0, counterfactual = 0, costWithCounterfactual = 0;
        qint64 counterfactualRecords = 0;
    };
    QMap<QString, Money> costs;
    for (const auto &r : tiers.value()) {
        if (r.cost == 0.0 && r.counterfactualRecords == 0)
            continue;
        Money &m = costs[r.currency.isEmpty() ? QStringLiteral("unknown") : r.currency];
        m.cost += r.cost;
        m.onprem += r.onpremCost;
        m.cloud += r.cloudCost;
        m.counterfactual += r.counterfactual;
        m.costWithCounterfactual += r.costWithCounterfactual;
        m.counterfactualRecords += r.counterfactualRecords;
    }
    QStringList sensitiveIds;
    QStringList unclassifiedIds;
    for (const auto &r : exposed.value())
        (r.sensitivity.isEmpty() ? unclassifiedIds : sensitiveIds).append(r.requestId);
    const observe::ChainVerification &v = chain.value();
    const bool anyExposed = !sensitiveIds.isEmpty();
    const QString generated = observe::formatAuditTimestamp(QDateTime::currentDateTimeUtc());

    if (csv) {
        out << "section,item,value\n";
        auto row = [&out](const QString &section, const QString &item, const QString &value) {
            out << csvField(section) << ',' << csvField(item) << ',' << csvField(value) << '\n';
        };
        row(QStringLiteral("period"), QStringLiteral("from"), period.from ? observe::formatAuditTimestamp(*period.from) : QString());
        row(QStringLiteral("period"), QStringLiteral("to"), period.to ? observe::formatAuditTimestamp(*period.to) : QString());
        row(QStringLiteral("period"), QStringLiteral("generated_at"), generated);
        row(QStringLiteral("requests"), QStringLiteral("total"), QString::number(total));
        for (auto t = tierLevel.cbegin(); t != tierLevel.cend(); ++t) {
            for (auto l = t->cbegin(); l != t->cend(); ++l) {
                if (l.value() > 0)
                    row(QStringLiteral("requests_by_tier_level"), t.key() + QLatin1Char('/') + l.key(), QString::number(l.value()));
            }
        }
        for (auto it = rejections.cbegin(); it != rejections.cend(); ++it)
            row(QStringLiteral("rejections"), it.key(), QString::number(it.value()));
        for (auto it = failures.cbegin(); it != failures.cend(); ++it)
            row(QStringLiteral("failures"), it.key(), QString::number(it.value()));
        for (auto it = costs.cbegin(); it != costs.cend(); ++it) {
            row(QStringLiteral("cost"), it.key() + QStringLiteral("/total"), QString::number(roundMoney(it->cost), 'f', 6));
            row(QStringLiteral("cost"), it.key() + QStringLiteral("/onprem"), QString::number(roundMoney(it->onprem), 'f', 6));
            row(QStringLiteral("cost"), it.key() + QStringLiteral("/cloud"), QString::number(roundMoney(it->cloud), 'f', 6));
            row(QStringLiteral("cost"), it.key() + QStringLiteral("/counterfactual"), QString::number(roundMoney(it->counterfactual), 'f', 6));
            row(QStringLiteral("cost"), it.key() + QStringLiteral("/counterfactual_requests"), QString::number(it->counterfactualRecords));
        }
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
            anyExposed ? QStringLiteral("yes") : QStringLiteral("no"));
        for (const QString &id : std::as_const(sensitiveIds))
            row(QStringLiteral("residency_evidence"), QStringLiteral("request_id"), id);
        for (const QString &id : std::as_const(unclassifiedIds))
            row(QStringLiteral("residency_unclassified_in_cloud"), QStringLiteral("request_id"), id);
        return 0;
    }

    QJsonObject report;
    report.insert(QStringLiteral("period"), QJsonObject{{QStringLiteral("from"), timeOrNull(period.from)},
                                                        {QStringLiteral("to"), timeOrNull(period.to)},
                                                        {QStringLiteral("generated_at"), generated}});
    QJsonObject byTierLevel;
    for (auto t = tierLevel.cbegin(); t != tierLevel.cend(); ++t) {
        QJsonObject perLevel;
        for (auto l = t->cbegin(); l != t->cend(); ++l) {
            if (l.value() > 0)
                perLevel.insert(l.key(), l.value());
        }
        byTierLevel.insert(t.key(), perLevel);
    }
    report.insert(QStringLiteral("requests"), QJsonObject{{QStringLiteral("total"), total},
                                                          {QStringLiteral("by_tier_and_level"), byTierLevel}});
    QJsonObject rejectionsJson;
    for (auto it = rejections.cbegin(); it != rejections.cend(); ++it)
        rejectionsJson.insert(it.key(), it.value());
    QJsonObject failuresJson;
    for (auto it = failures.cbegin(); it != failures.cend(); ++it)
        failuresJson.insert(it.key(), it.value());
    report.insert(QStringLiteral("rejections_by_reason"), rejectionsJson);
    report.insert(QStringLiteral("failures_by_reason"), failuresJson);
    QJsonObject costJson;
    for (auto it = costs.cbegin(); it != costs.cend(); ++it) {
        costJson.insert(it.key(), QJsonObject{{QStringLiteral("total"), roundMoney(it->cost)},
                                              {QStringLiteral("onprem"), roundMoney(it->onprem)},
                                              {QStringLiteral("cloud"), roundMoney(it->cloud)},
                                              {QStringLiteral("counterfactual"), roundMoney(it->counterfactual)},
                                              {QStringLiteral("counterfactual_requests"), it->counterfactualRecords},
                                              {QStringLiteral("difference"), roundMoney(it->counterfactual - it->costWithCounterfactual)}});
    }
    report.insert(QStringLiteral("cost"), costJson);
    QJsonObject chainJson{{QStringLiteral("verified"), v.ok}, {QStringLiteral("records_checked"), v.recordsChecked}};
    if (v.ok) {
        chainJson.insert(QStringLiteral("head_hash"), v.headHash);
    } else {
        chainJson.insert(QStringLiteral("problem"), observe::chainProblemName(v.problem));
        chainJson.insert(QStringLiteral("first_bad_id"), v.firstBadId);
        chainJson.insert(QStringLiteral("first_bad_request_id"), v.firstBadRequestId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.firstBadRequestId));
        chainJson.insert(QStringLiteral("detail"), v.detail);
    }
    report.insert(QStringLiteral("chain"), chainJson);
    report.insert(QStringLiteral("residency"),
                  QJsonObject{{QStringLiteral("question"), QStringLiteral("Did any confidential or restricted request go to the cloud in this period?")},
                              {QStringLiteral("answer"), anyExposed ? QStringLiteral("yes") : QStringLiteral("no")},
                              {QStringLiteral("evidence_request_ids"), QJsonArray::fromStringList(sensitiveIds)},
                              {QStringLiteral("unclassified_cloud_request_ids"), QJsonArray::fromStringList(unclassifiedIds)}});
    if (parser.isSet(records)) {
        observe::AuditQuery all;
        all.from = period.from;
        all.to = period.to;
        auto list = store.query(all);
        if (!list)
            return fail(list.error());
        QJsonArray array;
        for (const auto &r : list.value())
            array.append(observe::auditRecordToJson(r));
        report.insert(QStringLiteral("records"), array);
    }
    out << QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Indented));
    return 0;
}

} // namespace perimeter::cli
