// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "TableWriter.h"
#include <QCommandLineOption>
#include <QList>
#include <QStringList>
#include <optional>

class QCommandLineParser;
class QTextStream;

namespace perimeter::cli {

// The option handling the table-printing subcommands share (keys, registry): the given value
// options plus --format (TableWriter's formats, default table) and --help. Bad usage (an unknown
// option, an option given twice unless `repeatable`, an unknown format) is written to `err` with
// the subcommand's usage; --help writes the usage to `out`.
class CommandOptions {
public:
    // Returns the exit code to stop with (0 after --help, 2 after bad usage), or nothing to go on.
    static std::optional<int> parse(QCommandLineParser &parser, const QString &command, const QString &usage,
                                    const QList<QCommandLineOption> &options, const QStringList &args, QTextStream &out,
                                    QTextStream &err, const QStringList &repeatable = {});
    // The --format of a parser that parse() accepted.
    static TableWriter::Format format(const QCommandLineParser &parser);
};

} // namespace perimeter::cli
