// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "observe/AuditRecord.h"
#include <QList>
#include <QMetaType>

namespace perimeter::service {

// The answer to an asynchronous audit query. A plain struct rather than Result<T> so it can
// travel through QFuture and queued signals (both need a default-constructible type).
struct AuditQueryResult {
    bool ok = false;
    QString error;                       // user-facing; never contains payload values
    QList<observe::AuditRecord> records; // oldest first
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::AuditQueryResult)
