// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::observe {
class AuditStore;
}

namespace perimeter::cli {

// `perimeterctl report SUBCOMMAND ...`; args are what follows "report".
//   report cost  [--from T] [--to T] [--by team|caller|model|tier|endpoint] [--format table|json|jsonl]
//   report audit [--from T] [--to T] [--format json|csv] [--records]
class ReportCommand {
public:
    static int run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();

private:
    static int cost(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    static int audit(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace perimeter::cli
