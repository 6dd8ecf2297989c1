// SPDX-License-Identifier: Apache-2.0
#include "CommandOptions.h"
#include <QCommandLineParser>
#include <QTextStream>

namespace perimeter::cli {

std::optional<int> CommandOptions::parse(QCommandLineParser &parser, const QString &command, const QString &usage,
                                         const QList<QCommandLineOption> &options, const QStringList &args, QTextStream &out,
                                         QTextStream &err, const QStringList &repeatable)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
    parser.addOption(QCommandLineOption(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("table")));
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")}));
    if (!parser.parse(QStringList{command} + args)) {
        err << "perimeterctl " << command << ": " << parser.errorText() << "\n\n" << usage;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << usage;
        return 0;
    }
    for (const QString &option : parser.optionNames()) {
        if (!repeatable.contains(option) && parser.values(option).size() > 1) {
            err << "perimeterctl " << command << ": --" << option << " given more than once\n\n" << usage;
            return 2;
        }
    }
    if (!TableWriter::parseFormat(parser.value(QStringLiteral("format")))) {
        err << "perimeterctl " << command << ": --format must be one of " << TableWriter::formatNames() << "\n\n" << usage;
        return 2;
    }
    return std::nullopt;
}

TableWriter::Format CommandOptions::format(const QCommandLineParser &parser)
{
    return *TableWriter::parseFormat(parser.value(QStringLiteral("format")));
}

} // namespace perimeter::cli
