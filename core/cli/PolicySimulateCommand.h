// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QIODevice;
class QTextStream;

namespace perimeter::config { struct Config; }

namespace perimeter::cli {

// `perimeterctl policy simulate`: runs a payload through the real classifier and router
// (the gateway's own stages, with a dry-run forwarder) and explains the decision.
class PolicySimulateCommand {
public:
    static int run(const config::Config &config, const QStringList &args, QTextStream &out, QTextStream &err, QIODevice &in);
    static QString usage();
};

} // namespace perimeter::cli
