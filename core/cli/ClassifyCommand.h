// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QStringList>

class QIODevice;
class QTextStream;

namespace perimeter::classify {
class PayloadClassifier;
}

namespace perimeter::cli {

// `perimeterctl classify [--jsonl] [FILE|-]` (shared/design/CONTRACTS.md). `args` are the
// arguments after the subcommand with --config already removed by the caller.
//
// Plain mode reads the whole input: a JSON object with "messages", "input" or "prompt" is
// classified as an OpenAI request body, anything else as text. It prints the level and one line
// per finding (type, subtype, span, score, recognizer, level, JSON path), never the value.
// --jsonl reads one {"id", "text"} object per line and prints one
// {"id", "sensitivity", "findings": [{"type", "start", "end", "score", "recognizer", "subtype"}]}
// line per record (subtype only for SECRET; "failure_reason" when the scan failed closed).
// A malformed line is reported on stderr with its line number and skipped; the others are still
// classified and the exit status is then 2.
// Exit status: 0 ok, 2 bad usage or bad input, 1 runtime failure (unreadable input).
class ClassifyCommand {
public:
    static int run(const classify::PayloadClassifier &classifier, const QStringList &args, QTextStream &out,
                   QTextStream &err, QIODevice &stdinDevice);
    static QString usage();
};

} // namespace perimeter::cli
