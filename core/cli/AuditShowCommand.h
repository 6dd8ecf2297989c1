// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QJsonObject>
#include <QStringList>

class QTextStream;

namespace perimeter::observe {
class AuditStore;
struct AuditRecord;
}

namespace perimeter::cli {

// `perimeterctl audit show REQUEST_ID [--format table|json|jsonl]`: one audit record and the
// decision trace stored beside it, readable (table) or as {"record": ..., "decision_trace": ...}.
class AuditShowCommand {
public:
    static int run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();
    // The trace as indented text (also for the console's detail view).
    static QString traceText(const QJsonObject &trace);
    static QString recordText(const observe::AuditRecord &record);
};

} // namespace perimeter::cli
