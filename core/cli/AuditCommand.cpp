// SPDX-License-Identifier: Apache-2.0
#include "AuditCommand.h"
#include "SubcommandTable.h"
#include "TableWriter.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditStore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace perimeter::cli {

namespace {

using Handler = int (*)(observe::AuditStore &, const QStringList &, QTextStream &, QTextStream &);

QString listUsage()
{
    return QStringLiteral(
        "usage: perimeterctl audit list [--from T] [--to T] [--caller C] [--tier onprem|cloud]\n"
        "                               [--decision routed|rejected|failed] [--request-id ID]\n"
        "                               [--limit N] [--format table|json|jsonl]\n"
        "\n"
        "Prints every audit record of the period, oldest first (no period: all records).\n"
        "  --from T        records at or after T\n"
        "  --to T          records before T; a bare date includes that whole day\n"
        "                  T is RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD (UTC)\n"
        "  --caller C      only this caller id\n"
        "  --tier TIER     onprem or cloud\n"
        "  --decision D    routed, rejected or failed\n"
        "  --request-id ID only this request\n"
        "  --limit N       at most N records (the oldest N of the selection)\n"
        "  --format F      table (default), json (one array) or jsonl (one object per line,\n"
        "                  every field named as in the audit record contract)\n");
}

QString verifyUsage()
{
    return QStringLiteral(
        "usage: perimeterctl audit verify [--format table|json|jsonl]\n"
        "\n"
        "Checks the tamper-evident hash chain over every audit record, oldest first.\n"
        "Exit 0 when the whole trail verifies; 1 when a record was altered, deleted, reordered or\n"
        "inserted behind the gateway's back (the first bad record is named), or the trail cannot\n"
        "be read. The head hash printed on success can be kept elsewhere: a later run that prints\n"
        "a different head for the same records means the trail was rewritten.\n");
}

QString findingsText(const QMap<QString, int> &findings)
{
    QStringList parts;
    for (auto it = findings.cbegin(); it != findings.cend(); ++it)
        parts << QStringLiteral("%1:%2").arg(it.key()).arg(it.value());
    return parts.join(QLatin1Char(','));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString AuditCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl audit SUBCOMMAND [OPTIONS]\n"
        "\n"
        "Subcommands:\n"
        "  list    print audit records (filters: --from --to --caller --tier --decision\n"
        "          --request-id --limit; --format table|json|jsonl)\n"
        "  verify  check the hash chain; exit 1 naming the first altered or missing record\n"
        "\n"
        "'perimeterctl audit SUBCOMMAND --help' describes a subcommand.\n");
}

int AuditCommand::run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    return dispatchSubcommand<observe::AuditStore>("audit", {{"list", &AuditCommand::list},
                              {"verify", &AuditCommand::verify}}, usage(), store, args, out, err);
}

int AuditCommand::list(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("T"));
    const QCommandLineOption caller(QStringLiteral("caller"), QString(), QStringLiteral("C"));
    const QCommandLineOption tier(QStringLiteral("tier"), QString(), QStringLiteral("TIER"));
    const QCommandLineOption decision(QStringLiteral("decision"), QString(), QStringLiteral("D"));
    const QCommandLineOption requestId(QStringLiteral("request-id"), QString(), QStringLiteral("ID"));
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("N"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("table"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({from, to, caller, tier, decision, requestId, limit, format, help});

    auto usageError = [&](const QString &message) {
        err << "perimeterctl audit list: " << message << "\n\n" << listUsage();
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("audit-list")} + args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out << listUsage();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    for (const QString &option : parser.optionNames()) {
        if (parser.values(option).size() > 1)
            return usageError(QStringLiteral("--%1 given more than once").arg(option));
    }

    observe::AuditQuery query;
    if (parser.isSet(from)) {
        query.from = observe::parseTimestampOrDate(parser.value(from), observe::DayBound::Start);
        if (!query.from)
            return usageError(QStringLiteral("--from: expected RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD"));
    }
    if (parser.isSet(to)) {
        query.to = observe::parseTimestampOrDate(parser.value(to), observe::DayBound::End);
        if (!query.to)
            return usageError(QStringLiteral("--to: expected RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD"));
    }
    if (query.from && query.to && *query.from >= *query.to)
        return usageError(QStringLiteral("--from must be earlier than --to"));
    query.caller = parser.value(caller);
    if (parser.isSet(caller) && query.caller.isEmpty())
        return usageError(QStringLiteral("--caller needs a caller id"));
    query.tier = parser.value(tier);
    if (parser.isSet(tier) && query.tier != QLatin1String("onprem") && query.tier != QLatin1String("cloud"))
        return usageError(QStringLiteral("--tier must be onprem or cloud"));
    query.decision = parser.value(decision);
    if (parser.isSet(decision) && query.decision != QLatin1String("routed")
        && query.decision != QLatin1String("rejected") && query.decision != QLatin1String("failed"))
        return usageError(QStringLiteral("--decision must be routed, rejected or failed"));
    query.requestId = parser.value(requestId);
    if (parser.isSet(requestId) && query.requestId.isEmpty())
        return usageError(QStringLiteral("--request-id needs an id"));
    if (parser.isSet(limit)) {
        bool ok = false;
        query.limit = parser.value(limit).toInt(&ok);
        if (!ok || query.limit < 0)
            return usageError(QStringLiteral("--limit must be a non-negative integer"));
    }
    const auto outputFormat = TableWriter::parseFormat(parser.value(format));
    if (!outputFormat)
        return usageError(QStringLiteral("--format must be one of %1").arg(TableWriter::formatNames()));

    auto records = store.query(query);
    if (!records) {
        err << "perimeterctl audit list: " << records.error().message << '\n';
        return 1;
    }

    if (*outputFormat != TableWriter::Format::Table) {
        QList<QJsonObject> objects;
        objects.reserve(records.value().size());
        for (const auto &r : records.value())
            objects.append(observe::auditRecordToJson(r));
        TableWriter::writeJsonObjects(out, objects, *outputFormat);
        return 0;
    }

    TableWriter table({QStringLiteral("ts"), QStringLiteral("request_id"), QStringLiteral("caller"),
                       QStringLiteral("team"), QStringLiteral("model"), QStringLiteral("tier"),
                       QStringLiteral("endpoint"), QStringLiteral("decision"), QStringLiteral("reason"),
                       QStringLiteral("sensitivity"), QStringLiteral("findings"), QStringLiteral("status"),
                       QStringLiteral("latency_ms"), QStringLiteral("tokens_in"), QStringLiteral("tokens_out"),
                       QStringLiteral("cost")});
    for (const auto &r : records.value()) {
        const QString model = r.modelServed.isEmpty() ? r.modelRequested : r.modelServed;
        const QVariant cost = r.costAmount == 0.0 && r.costBasis.isEmpty()
                                  ? QVariant()
                                  : QVariant(QStringLiteral("%1 %2").arg(QString::number(r.costAmount, 'f', 6), r.costCurrency).trimmed());
        table.addRow({observe::formatAuditTimestamp(r.ts), r.requestId, textOrNull(r.caller), textOrNull(r.team),
                      textOrNull(model), textOrNull(r.tier), textOrNull(r.endpointId), r.decision,
                      textOrNull(r.reason), textOrNull(r.sensitivity), textOrNull(findingsText(r.findingTypes)),
                      r.status, r.latencyMs, r.tokensIn, r.tokensOut, cost});
    }
    table.writeTable(out);
    return 0;
}

int AuditCommand::verify(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("table"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({format, help});
    auto usageError = [&](const QString &message) {
        err << "perimeterctl audit verify: " << message << "\n\n" << verifyUsage();
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("audit-verify")} + args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out << verifyUsage();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (parser.values(format).size() > 1)
        return usageError(QStringLiteral("--format given more than once"));
    const auto outputFormat = TableWriter::parseFormat(parser.value(format));
    if (!outputFormat)
        return usageError(QStringLiteral("--format must be one of %1").arg(TableWriter::formatNames()));

    auto verified = store.verify();
    if (!verified) {
        err << "perimeterctl audit verify: " << verified.error().message << '\n';
        return 1;
    }
    const observe::ChainVerification &v = verified.value();
    if (*outputFormat != TableWriter::Format::Table) {
        QJsonObject o;
        o.insert(QStringLiteral("ok"), v.ok);
        o.insert(QStringLiteral("records_checked"), v.recordsChecked);
        o.insert(QStringLiteral("problem"), v.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(observe::chainProblemName(v.problem)));
        o.insert(QStringLiteral("first_bad_id"), v.ok || v.firstBadId < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(v.firstBadId));
        o.insert(QStringLiteral("first_bad_request_id"), textOrNull(v.firstBadRequestId).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.firstBadRequestId));
        o.insert(QStringLiteral("detail"), v.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(v.detail));
        o.insert(QStringLiteral("head_hash"), v.ok ? QJsonValue(v.headHash) : QJsonValue(QJsonValue::Null));
        TableWriter::writeJsonObjects(out, {o}, *outputFormat);
    } else if (v.ok) {
        out << "audit trail verified: " << v.recordsChecked << " record(s), head " << v.headHash << '\n';
    } else {
        out << "audit trail BROKEN: " << observe::chainProblemName(v.problem) << " at record " << v.firstBadId;
        if (!v.firstBadRequestId.isEmpty())
            out << " (request " << v.firstBadRequestId << ')';
        out << "\n  " << v.detail << "\n  " << v.recordsChecked << " record(s) checked\n";
    }
    if (!v.ok)
        err << "perimeterctl audit verify: the audit trail does not verify (first bad record " << v.firstBadId << ")\n";
    return v.ok ? 0 : 1;
}

} // namespace perimeter::cli
