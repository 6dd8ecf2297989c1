// SPDX-License-Identifier: Apache-2.0
#include "KeysCommand.h"
#include "CommandOptions.h"
#include "SubcommandTable.h"
#include "TableWriter.h"
#include "auth/ApiKeyStore.h"
#include "observe/AuditRecordJson.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

namespace perimeter::cli {

namespace {

using Handler = int (*)(auth::ApiKeyStore &, const QStringList &, QTextStream &, QTextStream &);

QVariant timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t) : QVariant();
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

QString statusOf(const auth::ApiKeyInfo &key, const QDateTime &now)
{
    if (key.isRevoked())
        return QStringLiteral("revoked");
    if (key.isExpired(now))
        return QStringLiteral("expired");
    return QStringLiteral("active");
}

const QString kCreateUsage = QStringLiteral(
    "usage: perimeterctl keys create --caller C [--team T] [--expires T] [--comment S]\n"
    "                                [--format table|json|jsonl]\n"
    "\n"
    "Issues an API key for caller C and prints it ONCE: only its SHA-256 is stored.\n"
    "  --expires T   RFC 3339 time or YYYY-MM-DD (valid through that UTC day)\n");
const QString kListUsage = QStringLiteral(
    "usage: perimeterctl keys list [--format table|json|jsonl]\n"
    "\n"
    "Lists issued keys (id, caller, team, created, expires, revoked, status, comment);\n"
    "never the keys themselves.\n");
const QString kRevokeUsage = QStringLiteral(
    "usage: perimeterctl keys revoke ID\n"
    "\n"
    "Revokes a key; a running gateway refuses it within a few seconds.\n");

} // namespace

QString KeysCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl keys SUBCOMMAND [OPTIONS]\n"
        "\n"
        "Subcommands:\n"
        "  create --caller C [--team T] [--expires T] [--comment S]   issue a key (shown once)\n"
        "  list [--format table|json|jsonl]                           list issued keys\n"
        "  revoke ID                                                  revoke a key\n");
}

int KeysCommand::run(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    return dispatchSubcommand<auth::ApiKeyStore>("keys", {{"create", &KeysCommand::create},
                              {"list", &KeysCommand::list},
                              {"revoke", &KeysCommand::revoke}}, usage(), store, args, out, err);
}

int KeysCommand::create(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QCommandLineOption caller(QStringLiteral("caller"), QString(), QStringLiteral("C"));
    const QCommandLineOption team(QStringLiteral("team"), QString(), QStringLiteral("T"));
    const QCommandLineOption expires(QStringLiteral("expires"), QString(), QStringLiteral("T"));
    const QCommandLineOption comment(QStringLiteral("comment"), QString(), QStringLiteral("S"));
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("keys create"), kCreateUsage, {caller, team, expires, comment}, args, out, err))
        return *rc;
    auto usageError = [&](const QString &message) {
        err << "perimeterctl keys create: " << message << "\n\n" << kCreateUsage;
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(caller) || parser.value(caller).trimmed().isEmpty())
        return usageError(QStringLiteral("--caller is required"));
    std::optional<QDateTime> expiry;
    if (parser.isSet(expires)) {
        expiry = observe::parseTimestampOrDate(parser.value(expires), observe::DayBound::End);
        if (!expiry)
            return usageError(QStringLiteral("--expires: expected RFC 3339 (2026-11-24T05:00:00Z) or YYYY-MM-DD"));
        if (*expiry <= QDateTime::currentDateTimeUtc())
            return usageError(QStringLiteral("--expires must lie in the future"));
    }

    auto created = store.create(parser.value(caller), parser.value(team), expiry, parser.value(comment));
    if (!created) {
        err << "perimeterctl keys create: " << created.error().message << '\n';
        return created.error().code == QLatin1String("invalid_argument") ? 2 : 1;
    }
    const auth::CreatedApiKey &k = created.value();
    const auto format = CommandOptions::format(parser);
    if (format == TableWriter::Format::Table) {
        out << "key id:   " << k.info.keyId << '\n'
            << "caller:   " << k.info.callerId << '\n'
            << "team:     " << (k.info.team.isEmpty() ? QStringLiteral("-") : k.info.team) << '\n'
            << "expires:  " << (k.info.expires.isValid() ? TableWriter::cellText(k.info.expires) : QStringLiteral("never")) << '\n'
            << "api key:  " << k.plaintextKey << '\n';
    } else {
        QJsonObject o;
        o.insert(QStringLiteral("key_id"), k.info.keyId);
        o.insert(QStringLiteral("key"), k.plaintextKey);
        o.insert(QStringLiteral("caller"), k.info.callerId);
        o.insert(QStringLiteral("team"), TableWriter::jsonValue(textOrNull(k.info.team)));
        o.insert(QStringLiteral("created"), TableWriter::jsonValue(k.info.created));
        o.insert(QStringLiteral("expires"), TableWriter::jsonValue(timeOrNull(k.info.expires)));
        o.insert(QStringLiteral("comment"), TableWriter::jsonValue(textOrNull(k.info.comment)));
        TableWriter::writeJsonObjects(out, {o}, TableWriter::Format::Jsonl);
    }
    err << "warning: this API key is shown only once and cannot be recovered; store it securely now.\n";
    return 0;
}

int KeysCommand::list(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("keys list"), kListUsage, {}, args, out, err))
        return *rc;
    if (!parser.positionalArguments().isEmpty()) {
        err << "perimeterctl keys list: unexpected argument '" << parser.positionalArguments().first() << "'\n\n" << kListUsage;
        return 2;
    }
    auto keys = store.list();
    if (!keys) {
        err << "perimeterctl keys list: " << keys.error().message << '\n';
        return 1;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    TableWriter table({QStringLiteral("key_id"), QStringLiteral("caller"), QStringLiteral("team"),
                       QStringLiteral("created"), QStringLiteral("expires"), QStringLiteral("revoked"),
                       QStringLiteral("status"), QStringLiteral("comment")});
    for (const auto &k : keys.value()) {
        table.addRow({k.keyId, k.callerId, textOrNull(k.team), timeOrNull(k.created), timeOrNull(k.expires),
                      timeOrNull(k.revoked), statusOf(k, now), textOrNull(k.comment)});
    }
    table.write(out, CommandOptions::format(parser));
    return 0;
}

int KeysCommand::revoke(auth::ApiKeyStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() == 1 && (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))) {
        out << kRevokeUsage;
        return 0;
    }
    if (args.size() != 1 || args.first().isEmpty() || args.first().startsWith(QLatin1Char('-'))) {
        err << "perimeterctl keys revoke: expected exactly one key id\n\n" << kRevokeUsage;
        return 2;
    }
    const QString &id = args.first();
    auto revoked = store.revoke(id);
    if (!revoked) {
        err << "perimeterctl keys revoke: " << revoked.error().message << '\n';
        return revoked.error().code == QLatin1String("not_found") ? 2 : 1;
    }
    if (revoked.value())
        out << "revoked key " << id << '\n';
    else
        out << "key " << id << " was already revoked\n";
    return 0;
}

} // namespace perimeter::cli
