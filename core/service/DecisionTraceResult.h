// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/AuditRecord.h"
#include <QByteArray>
#include <QMetaType>

namespace perimeter::service {

// One request's audit record with the decision trace stored beside it, for the console's
// detail view. A plain struct so it can travel through QFuture and queued signals.
struct DecisionTraceResult {
    bool ok = false;
    QString error;                 // user-facing; never contains payload values
    bool found = false;            // a record with that request id exists
    observe::AuditRecord record;
    QByteArray traceJson;          // empty when the record has no trace (written before traces)
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::DecisionTraceResult)
