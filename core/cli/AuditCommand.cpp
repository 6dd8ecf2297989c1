// SPDX-License-Identifier: Apache-2.0
#include "AuditCommand.h"
#include "CommandOptions.h"
#include "AuditShowCommand.h"
#include "SubcommandTable.h"
#include "TableWriter.h"
#include "observe/AuditArchiveVerifier.h"
#include "observe/AuditArchiver.h"
#include "observe/AuditChain.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditStore.h"
#include "observe/RetentionSettings.h"
#include "observe/SqliteAuditStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>
#include <optional>

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
        "usage: perimeterctl audit verify [--archive DIR] [--format table|json|jsonl]\n"
        "\n"
        "Checks the tamper-evident hash chain over every audit record, oldest first.\n"
        "After retention archived old records, the live trail verifies from the recorded chain\n"
        "anchor; --archive DIR also checks every archive file in DIR and the live trail as one\n"
        "chain from the first record ever written (a bad archived record is named by file and line).\n"
        "Exit 0 when the whole trail verifies; 1 when a record was altered, deleted, reordered or\n"
        "inserted behind the gateway's back (the first bad record is named), or the trail cannot\n"
        "be read. The head hash printed on success can be kept elsewhere: a later run that prints\n"
        "a different head for the same records means the trail was rewritten.\n");
}

QString archiveUsage()
{
    return QStringLiteral(
        "usage: perimeterctl audit archive --before T [--archive-dir DIR] [--format table|json|jsonl]\n"
        "\n"
        "Retention by hand: writes the records older than T (in chain order) to archive files in\n"
        "DIR (default: retention/archive_dir of the config, else <data_dir>/archive), one JSON\n"
        "line per record after a manifest line, fsyncs them, then removes those records from the\n"
        "live trail and records the chain anchor so that 'audit verify' still verifies.\n"
        "  --before T  T is RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD (start of that UTC day)\n"
        "The newest record always stays live. Exit 0 also when nothing was old enough.\n");
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
        "  show    one record and its decision trace: perimeterctl audit show REQUEST_ID\n"
        "  verify  check the hash chain; exit 1 naming the first altered or missing record\n"
        "          (--archive DIR: archives and live trail as one chain)\n"
        "  archive move records older than --before T to archive files (retention by hand)\n"
        "\n"
        "'perimeterctl audit SUBCOMMAND --help' describes a subcommand.\n");
}

int AuditCommand::run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    return run(store, observe::RetentionSettings{}, args, out, err);
}

int AuditCommand::run(observe::AuditStore &store, const observe::RetentionSettings &retention, const QStringList &args,
                      QTextStream &out, QTextStream &err)
{
    struct Context {
        observe::AuditStore &store;
        QString archiveDir;
    } context{store, retention.archiveDir};
    return dispatchSubcommand<Context>(
        "audit",
        {{"list", [](Context &c, const QStringList &a, QTextStream &o, QTextStream &e) { return list(c.store, a, o, e); }},
         {"verify", [](Context &c, const QStringList &a, QTextStream &o, QTextStream &e) { return verify(c.store, a, o, e); }},
         {"show", [](Context &c, const QStringList &a, QTextStream &o, QTextStream &e) { return AuditShowCommand::run(c.store, a, o, e); }},
         {"archive", [](Context &c, const QStringList &a, QTextStream &o, QTextStream &e) {
              return archive(c.store, c.archiveDir, a, o, e);
          }}},
        usage(), context, args, out, err);
}

int AuditCommand::list(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("T"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("T"));
    const QCommandLineOption caller(QStringLiteral("caller"), QString(), QStringLiteral("C"));
    const QCommandLineOption tier(QStringLiteral("tier"), QString(), QStringLiteral("TIER"));
    const QCommandLineOption decision(QStringLiteral("decision"), QString(), QStringLiteral("D"));
    const QCommandLineOption requestId(QStringLiteral("request-id"), QString(), QStringLiteral("ID"));
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("N"));
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("audit list"), listUsage(),
                                        {from, to, caller, tier, decision, requestId, limit}, args, out, err))
        return *rc;
    auto usageError = [&](const QString &message) {
        err << "perimeterctl audit list: " << message << "\n\n" << listUsage();
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));

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
    const auto outputFormat = CommandOptions::format(parser);

    auto records = store.query(query);
    if (!records) {
        err << "perimeterctl audit list: " << records.error().message << '\n';
        return 1;
    }

    if (outputFormat != TableWriter::Format::Table) {
        QList<QJsonObject> objects;
        objects.reserve(records.value().size());
        for (const auto &r : records.value())
            objects.append(observe::auditRecordToJson(r));
        TableWriter::writeJsonObjects(out, objects, outputFormat);
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
    const QCommandLineOption archiveDir(QStringLiteral("archive"), QString(), QStringLiteral("DIR"));
    QCommandLineParser parser;
    // --archive twice is reported below, with what it needs
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("audit verify"), verifyUsage(), {archiveDir}, args, out, err,
                                        {QStringLiteral("archive")}))
        return *rc;
    auto usageError = [&](const QString &message) {
        err << "perimeterctl audit verify: " << message << "\n\n" << verifyUsage();
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const auto outputFormat = CommandOptions::format(parser);

    if (parser.values(archiveDir).size() > 1 || (parser.isSet(archiveDir) && parser.value(archiveDir).isEmpty()))
        return usageError(QStringLiteral("--archive needs one directory"));

    std::optional<observe::ArchiveVerification> withArchives;
    observe::ChainVerification v;
    if (parser.isSet(archiveDir)) {
        const auto *sqlite = dynamic_cast<const observe::SqliteAuditStore *>(&store);
        if (!sqlite) {
            err << "perimeterctl audit verify: --archive needs the SQLite audit store\n";
            return 1;
        }
        auto verified = observe::AuditArchiveVerifier::verify(*sqlite, parser.value(archiveDir));
        if (!verified) {
            err << "perimeterctl audit verify: " << verified.error().message << '\n';
            return 1;
        }
        withArchives = verified.value();
        v = withArchives->chain;
    } else {
        auto verified = store.verify();
        if (!verified) {
            err << "perimeterctl audit verify: " << verified.error().message << '\n';
            return 1;
        }
        v = verified.value();
    }
    if (outputFormat != TableWriter::Format::Table) {
        QJsonObject o;
        o.insert(QStringLiteral("ok"), v.ok);
        o.insert(QStringLiteral("records_checked"), v.recordsChecked);
        o.insert(QStringLiteral("problem"), v.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(observe::chainProblemName(v.problem)));
        o.insert(QStringLiteral("first_bad_id"), v.ok || v.firstBadId < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(v.firstBadId));
        o.insert(QStringLiteral("first_bad_request_id"), textOrNull(v.firstBadRequestId).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.firstBadRequestId));
        o.insert(QStringLiteral("detail"), v.ok ? QJsonValue(QJsonValue::Null) : QJsonValue(v.detail));
        o.insert(QStringLiteral("head_hash"), v.ok ? QJsonValue(v.headHash) : QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("base_hash"), v.baseHash.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v.baseHash));
        if (withArchives) {
            o.insert(QStringLiteral("archive_files"), withArchives->archiveFiles);
            o.insert(QStringLiteral("archived_records"), withArchives->archivedRecords);
            o.insert(QStringLiteral("live_records"), withArchives->liveRecords);
            o.insert(QStringLiteral("bad_file"), textOrNull(withArchives->badFile).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(withArchives->badFile));
            o.insert(QStringLiteral("bad_line"), withArchives->badFile.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(withArchives->badLine));
        }
        TableWriter::writeJsonObjects(out, {o}, outputFormat);
    } else if (v.ok) {
        out << "audit trail verified: " << v.recordsChecked << " record(s), head " << v.headHash << '\n';
        if (withArchives)
            out << "  " << withArchives->archivedRecords << " archived record(s) in " << withArchives->archiveFiles
                << " file(s) and " << withArchives->liveRecords << " live record(s), one chain from the first record\n";
        else if (!v.baseHash.isEmpty() && v.baseHash != QString::fromLatin1(observe::AuditChain::genesisHash()))
            out << "  the live trail starts at chain anchor " << v.baseHash
                << " (older records are archived; check them with --archive DIR)\n";
    } else {
        out << "audit trail BROKEN: " << observe::chainProblemName(v.problem) << " at record " << v.firstBadId;
        if (!v.firstBadRequestId.isEmpty())
            out << " (request " << v.firstBadRequestId << ')';
        out << "\n  " << v.detail << "\n  " << v.recordsChecked << " record(s) checked\n";
        if (withArchives && !withArchives->badFile.isEmpty())
            out << "  in archive " << withArchives->badFile << " line " << withArchives->badLine << '\n';
    }
    if (!v.ok)
        err << "perimeterctl audit verify: the audit trail does not verify (first bad record " << v.firstBadId << ")\n";
    return v.ok ? 0 : 1;
}

int AuditCommand::archive(observe::AuditStore &store, const QString &defaultArchiveDir, const QStringList &args,
                          QTextStream &out, QTextStream &err)
{
    const QCommandLineOption before(QStringLiteral("before"), QString(), QStringLiteral("T"));
    const QCommandLineOption dirOption(QStringLiteral("archive-dir"), QString(), QStringLiteral("DIR"));
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("audit archive"), archiveUsage(), {before, dirOption}, args, out, err))
        return *rc;
    auto usageError = [&](const QString &message) {
        err << "perimeterctl audit archive: " << message << "\n\n" << archiveUsage();
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(before))
        return usageError(QStringLiteral("--before is required"));
    const auto horizon = observe::parseTimestampOrDate(parser.value(before), observe::DayBound::Start);
    if (!horizon)
        return usageError(QStringLiteral("--before: expected RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD"));
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : defaultArchiveDir;
    if (dir.isEmpty())
        return usageError(QStringLiteral("--archive-dir is required when the config names no archive directory"));
    const auto outputFormat = CommandOptions::format(parser);
    auto *sqlite = dynamic_cast<observe::SqliteAuditStore *>(&store);
    if (!sqlite) {
        err << "perimeterctl audit archive: archiving needs the SQLite audit store\n";
        return 1;
    }
    auto run = observe::AuditArchiver::archive(*sqlite, dir, *horizon);
    if (!run) {
        err << "perimeterctl audit archive: " << run.error().message << '\n';
        return 1;
    }
    const observe::ArchiveRun &r = run.value();
    if (outputFormat != TableWriter::Format::Table) {
        QJsonObject o;
        o.insert(QStringLiteral("before"), observe::formatAuditTimestamp(*horizon));
        o.insert(QStringLiteral("archive_dir"), dir);
        o.insert(QStringLiteral("records"), r.records);
        o.insert(QStringLiteral("files"), QJsonArray::fromStringList(r.fileNames));
        o.insert(QStringLiteral("anchor"), r.anchorHash.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.anchorHash));
        o.insert(QStringLiteral("recovered_files"), r.recoveredFiles);
        o.insert(QStringLiteral("discarded_files"), r.discardedFiles);
        TableWriter::writeJsonObjects(out, {o}, outputFormat);
        return 0;
    }
    if (r.recoveredFiles > 0 || r.discardedFiles > 0)
        out << "finished " << r.recoveredFiles << " and discarded " << r.discardedFiles << " archive(s) of an interrupted run\n";
    if (r.records == 0) {
        out << "nothing to archive before " << observe::formatAuditTimestamp(*horizon) << '\n';
        return 0;
    }
    out << "archived " << r.records << " record(s) before " << observe::formatAuditTimestamp(*horizon) << " in " << r.files
        << " file(s) under " << dir << ":\n";
    for (const QString &name : r.fileNames)
        out << "  " << name << '\n';
    out << "the live trail now starts at chain anchor " << r.anchorHash << '\n';
    return 0;
}

} // namespace perimeter::cli
