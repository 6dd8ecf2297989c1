// SPDX-License-Identifier: Apache-2.0
#include "ReportCommand.h"
#include <optional>
#include "SubcommandTable.h"
#include "observe/CostBasisReport.h"
#include "TableWriter.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditStore.h"
#include "observe/SqliteAuditStore.h"
#include "report/AuditReportBuilder.h"
#include "report/ReportRendererRegistry.h"
#include "report/SqliteAuditAnalytics.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QSaveFile>
#include <algorithm>
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
        "usage: perimeterctl report audit [--from T] [--to T] [--format json|csv|pdf] [--out FILE]\n"
        "                                 [--records] [filters]\n"
        "\n"
        "An audit report of the period: requests by tier and sensitivity level, rejections and\n"
        "failures by reason, cost, the hash-chain verification of the whole trail, and the answer to\n"
        "\"did any confidential or restricted request go to the cloud?\" with the request ids as evidence.\n"
        "  --from T, --to T  the period, as for 'report cost' (no bound: all records)\n"
        "  --format F        json (default), csv (section,item,value rows) or pdf (needs --out)\n"
        "  --out FILE        write the report to FILE (written completely or not at all) and print\n"
        "                    the residency answer; default: standard output\n"
        "  --records         include every record of the period (json: \"records\"; csv: a table after\n"
        "                    the summary; pdf: a table of the first 2000)\n"
        "Filters (comma-separated or repeated; any of the values matches; 'none' = no value):\n"
        "  --tier onprem|cloud|none     --team T       --caller C      --model M\n"
        "  --sensitivity public|internal|confidential|restricted|none\n"
        "  --decision routed|rejected|failed           --endpoint ID   --reason CODE\n"
        "Exit 0 when the report was written (whatever it says), 1 when the trail cannot be read\n"
        "or the file cannot be written, 2 on bad usage.\n");
}

struct FilterOption {
    const char *name;
    QStringList report::AuditFilter::*field;
    const char *allowed; // nullptr: any value
};

const QList<FilterOption> &filterOptionTable()
{
    static const QList<FilterOption> table = {
        {"tier", &report::AuditFilter::tiers, "onprem|cloud|none"},
        {"team", &report::AuditFilter::teams, nullptr},
        {"caller", &report::AuditFilter::callers, nullptr},
        {"model", &report::AuditFilter::models, nullptr},
        {"sensitivity", &report::AuditFilter::sensitivities, "public|internal|confidential|restricted|none"},
        {"decision", &report::AuditFilter::decisions, "routed|rejected|failed"},
        {"endpoint", &report::AuditFilter::endpoints, nullptr},
        {"reason", &report::AuditFilter::reasons, nullptr},
    };
    return table;
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
        const bool repeatable = std::any_of(filterOptionTable().cbegin(), filterOptionTable().cend(),
                                            [&option](const FilterOption &f) { return option == QLatin1String(f.name); });
        if (!repeatable && parser.values(option).size() > 1)
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

} // namespace

QString ReportCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl report SUBCOMMAND [OPTIONS]\n"
        "\n"
        "Subcommands:\n"
        "  cost    cost and counterfactual per team, caller, model, tier or endpoint\n"
        "  audit   audit report of a period (json, csv or pdf), incl. chain verification and\n"
        "          confidential/restricted requests that reached the cloud\n"
        "\n"
        "'perimeterctl report SUBCOMMAND --help' describes a subcommand.\n");
}

int ReportCommand::run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    return dispatchSubcommand<observe::AuditStore>("report", {{"cost", &ReportCommand::cost},
                              {"audit", &ReportCommand::audit}}, usage(), store, args, out, err);
}

int ReportCommand::run(observe::AuditStore &store, const observe::CostModel *costs, const QStringList &args, QTextStream &out,
                       QTextStream &err)
{
    if (!args.isEmpty() && args.first() == QLatin1String("cost"))
        return cost(store, costs, args.mid(1), out, err);
    return run(store, args, out, err);
}

int ReportCommand::cost(observe::AuditStore &store, const observe::CostModel *costs, const QStringList &args, QTextStream &out,
                        QTextStream &err)
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
    if (costs && *outputFormat == TableWriter::Format::Table) {
        const QStringList basis = observe::CostBasisReport::lines(*costs, store);
        if (!basis.isEmpty())
            out << "\nOn-prem blended rates as of now (each record keeps the cost computed when it was served):\n  "
                << basis.join(QStringLiteral("\n  ")) << '\n';
    }
    return 0;
}

int ReportCommand::audit(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    std::unique_ptr<report::AuditAnalytics> analytics;
    QString analyticsError;
    if (auto *sqlite = dynamic_cast<observe::SqliteAuditStore *>(&store)) {
        auto opened = report::SqliteAuditAnalytics::open(sqlite->databasePath());
        if (opened)
            analytics = std::move(opened).value();
        else
            analyticsError = opened.error().message;
    } else {
        analyticsError = QStringLiteral("this audit store cannot answer report queries");
    }
    return audit(store, analytics.get(), analyticsError, args, out, err);
}

int ReportCommand::audit(observe::AuditStore &store, const report::AuditAnalytics *analytics, const QString &analyticsError,
                         const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("T"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("json"));
    const QCommandLineOption outFile(QStringLiteral("out"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption records(QStringLiteral("records"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({from, to, format, outFile, records, help});
    QList<QCommandLineOption> filterOptions;
    for (const FilterOption &f : filterOptionTable())
        filterOptions.append(QCommandLineOption(QLatin1String(f.name), QString(), QStringLiteral("V")));
    parser.addOptions(filterOptions);
    auto usageError = [&](const QString &message) {
        err << "perimeterctl report audit: " << message << "\n\n" << auditUsage();
        return 2;
    };
    Period period;
    if (const auto stop = parseReportOptions(parser, QStringLiteral("report-audit"), args, help, from, to, period, auditUsage(), usageError, out))
        return *stop;
    const QString formatName = parser.value(format);
    auto &registry = report::ReportRendererRegistry::instance();
    QStringList problems;
    if (formatName != QLatin1String("json") && formatName != QLatin1String("csv") && formatName != QLatin1String("pdf"))
        problems << QStringLiteral("--format must be json, csv or pdf");
    report::AuditFilter filter;
    filter.from = period.from;
    filter.to = period.to;
    for (const FilterOption &f : filterOptionTable()) {
        QStringList values;
        for (const QString &given : parser.values(QLatin1String(f.name)))
            values += given.split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList &target = filter.*(f.field);
        for (const QString &raw : std::as_const(values)) {
            const QString v = raw.trimmed();
            if (f.allowed && !QString::fromLatin1(f.allowed).split(QLatin1Char('|')).contains(v)) {
                problems << QStringLiteral("--%1 '%2': must be %3").arg(QLatin1String(f.name), v,
                                                                         QString::fromLatin1(f.allowed).replace(QLatin1Char('|'), QStringLiteral(", ")));
                continue;
            }
            // "none" selects records without a value (never reached a tier, never classified).
            target << (v == QLatin1String("none") ? QString() : v);
        }
    }
    if (formatName == QLatin1String("pdf") && !parser.isSet(outFile))
        problems << QStringLiteral("--format pdf needs --out FILE (a PDF is not written to a terminal)");
    if (parser.isSet(outFile) && parser.value(outFile).isEmpty())
        problems << QStringLiteral("--out needs a file name");
    if (!problems.isEmpty())
        return usageError(problems.join(QStringLiteral("\n")));
    const auto renderer = registry.find(formatName);
    if (!renderer) {
        // Known format, not in this build (PDF without the GUI): not a usage error.
        err << "perimeterctl report audit: " << registry.unavailable(formatName).message << '\n';
        return 2;
    }

    auto fail = [&](const Error &error) {
        err << "perimeterctl report audit: " << error.message << '\n';
        return 1;
    };
    if (!analytics)
        return fail(Error{QStringLiteral("audit_store_error"), analyticsError});
    auto built = report::AuditReportBuilder::build(store, *analytics, filter, parser.isSet(records));
    if (!built)
        return fail(built.error());

    if (parser.isSet(outFile)) {
        QSaveFile file(parser.value(outFile));
        if (!file.open(QIODevice::WriteOnly))
            return fail(Error{QStringLiteral("write_failed"), QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())});
        if (auto rendered = renderer->render(built.value(), file); !rendered) {
            file.cancelWriting();
            return fail(rendered.error());
        }
        if (!file.commit())
            return fail(Error{QStringLiteral("write_failed"), QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString())});
        // The answer on the terminal too: whoever ran the report sees it without opening it.
        out << built.value().residencyAnswer() << '\n' << "report written to " << file.fileName() << '\n';
        return 0;
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (auto rendered = renderer->render(built.value(), buffer); !rendered)
        return fail(rendered.error());
    out << QString::fromUtf8(buffer.data());
    return 0;
}

} // namespace perimeter::cli
