// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::observe {
class AuditStore;
class CostModel;
}
namespace perimeter::report {
class AuditAnalytics;
}

namespace perimeter::cli {

// `perimeterctl report SUBCOMMAND ...`; args are what follows "report".
//   report cost  [--from T] [--to T] [--by team|caller|model|tier|endpoint] [--format table|json|jsonl]
//   report audit [--from T] [--to T] [--format json|csv|pdf] [--out FILE] [--records] [filters]
// The PDF format is there when the program registered a renderer for it
// (report::ReportRendererRegistry; perimeterctl does in a GUI build).
class ReportCommand {
public:
    static int run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    // With the config's cost model: `report cost` (table) then says which on-prem token volume
    // each blended rate divides by (configured or measured from the trail).
    static int run(observe::AuditStore &store, const observe::CostModel *costs, const QStringList &args, QTextStream &out,
                   QTextStream &err);
    static QString usage();
    // `report audit` with the queries answered by `analytics` (null: fails with analyticsError);
    // run() opens SqliteAuditAnalytics on a SqliteAuditStore's file itself.
    static int audit(observe::AuditStore &store, const report::AuditAnalytics *analytics, const QString &analyticsError,
                     const QStringList &args, QTextStream &out, QTextStream &err);

private:
    static int cost(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
    {
        return cost(store, nullptr, args, out, err);
    }
    static int cost(observe::AuditStore &store, const observe::CostModel *costs, const QStringList &args, QTextStream &out,
                    QTextStream &err);
    static int audit(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace perimeter::cli
