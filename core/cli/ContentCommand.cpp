// SPDX-License-Identifier: Apache-2.0
#include "ContentCommand.h"
#include "TableWriter.h"
#include "observe/AuditRecordJson.h"
#include "observe/ContentCipher.h"
#include "observe/ContentStore.h"
#include "observe/ContentStoreSettings.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QTextStream>

namespace perimeter::cli {

namespace {

QString keygenUsage()
{
    return QStringLiteral(
        "usage: perimeterctl content keygen FILE\n"
        "\n"
        "Creates FILE holding a new random AES-256 key (64 hex digits) with mode 0600, for\n"
        "content_store/key_file. An existing file is never overwritten. Keep a copy of the key:\n"
        "stored content cannot be read without it.\n");
}

QString showUsage()
{
    return QStringLiteral(
        "usage: perimeterctl content show REQUEST_ID [--key-file FILE] [--format table|json]\n"
        "\n"
        "Decrypts and prints the stored request and response content of one on-prem request.\n"
        "  --key-file FILE  the key (default: content_store/key_file of the config)\n"
        "Exit 1 when there is no stored content for the request or it does not authenticate\n"
        "(altered, or another key).\n");
}

} // namespace

QString ContentCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl content SUBCOMMAND [OPTIONS]\n"
        "\n"
        "Subcommands:\n"
        "  keygen FILE         create a content store key file (mode 0600)\n"
        "  show REQUEST_ID     decrypt and print one request's stored content\n");
}

int ContentCommand::keygen(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.size() == 1 && (args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))) {
        out << keygenUsage();
        return 0;
    }
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-'))) {
        err << "perimeterctl content keygen: give exactly one FILE\n\n" << keygenUsage();
        return 2;
    }
    if (auto s = observe::ContentCipher::generateKeyFile(args.first()); !s) {
        err << "perimeterctl content keygen: " << s.error().message << '\n';
        return 1;
    }
    out << "created content key " << args.first() << " (mode 0600)\n";
    return 0;
}

int ContentCommand::show(const QString &dataDir, const observe::ContentStoreSettings &settings, const QStringList &args,
                         QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption keyFile(QStringLiteral("key-file"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("table"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({keyFile, format, help});
    auto usageError = [&](const QString &message) {
        err << "perimeterctl content show: " << message << "\n\n" << showUsage();
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("content-show")} + args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out << showUsage();
        return 0;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("give exactly one REQUEST_ID"));
    const QString key = parser.isSet(keyFile) ? parser.value(keyFile) : settings.keyFile;
    if (key.isEmpty())
        return usageError(QStringLiteral("no key: give --key-file or set content_store/key_file in the config"));
    const auto outputFormat = TableWriter::parseFormat(parser.value(format));
    if (!outputFormat)
        return usageError(QStringLiteral("--format must be one of %1").arg(TableWriter::formatNames()));

    auto content = observe::ContentStore::read(dataDir, key, parser.positionalArguments().first());
    if (!content) {
        err << "perimeterctl content show: " << content.error().message << '\n';
        return 1;
    }
    const observe::StoredContent &c = content.value();
    if (*outputFormat != TableWriter::Format::Table) {
        QJsonObject o;
        o.insert(QStringLiteral("request_id"), c.requestId);
        o.insert(QStringLiteral("ts"), observe::formatAuditTimestamp(c.ts));
        o.insert(QStringLiteral("tier"), c.tier);
        o.insert(QStringLiteral("model"), c.model);
        o.insert(QStringLiteral("streamed"), c.streamed);
        o.insert(QStringLiteral("request"), QString::fromUtf8(c.request));
        o.insert(QStringLiteral("request_truncated"), c.requestTruncated);
        o.insert(QStringLiteral("response"), QString::fromUtf8(c.response));
        o.insert(QStringLiteral("response_truncated"), c.responseTruncated);
        TableWriter::writeJsonObjects(out, {o}, *outputFormat);
        return 0;
    }
    out << "request " << c.requestId << "  " << observe::formatAuditTimestamp(c.ts) << "  tier " << c.tier << "  model "
        << c.model << (c.streamed ? "  streamed" : "") << '\n';
    out << "--- request (" << c.request.size() << " bytes" << (c.requestTruncated ? ", truncated" : "") << ")\n"
        << QString::fromUtf8(c.request) << '\n';
    out << "--- response (" << c.response.size() << " bytes" << (c.responseTruncated ? ", truncated" : "")
        << (c.streamed ? ", deltas of the stream" : "") << ")\n"
        << QString::fromUtf8(c.response) << '\n';
    return 0;
}

} // namespace perimeter::cli
