// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QIODevice;
class QTextStream;

namespace perimeter::cli {

// perimeterctl's front: takes the global options (--config FILE, --help, --version), picks
// the subcommand and gives it what it needs (a classifier, a store). Exit codes follow
// CONTRACTS.md: 0 success, 2 bad usage or bad input, 1 runtime failure.
class CtlDispatcher {
public:
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err, QIODevice &in);
    static QString usage();
};

} // namespace perimeter::cli
