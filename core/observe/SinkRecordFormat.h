// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include <QByteArray>
#include <QStringList>

namespace perimeter::observe {

// What a remote sink receives for one request: one JSON line of sanitized metadata.
//
// Built from an explicit allow-list of audit fields, field by field, never by serialising the
// whole record: a field added to AuditRecord later does not reach a sink until it is added
// here on purpose. Values a caller controls and that are not validated elsewhere are reduced
// to safe forms too, since a caller can type a card number into a model name or a URL path:
//   model_requested: kept only when it names a configured model, else null and
//                    "model_requested_known": false;
//   endpoint_path:   kept only when it is one of the gateway's API paths, else "other";
//   finding_types:   type names only (counts), and only names shaped like type names.
// Content and finding values are never part of an AuditRecord in the first place.
class SinkRecordFormat {
public:
    // The field names a sink line carries, in the order documented in docs/operations.md.
    static const QStringList &fieldNames();
    // The API paths an endpoint_path may keep.
    static const QStringList &knownPaths();
    // One line without the trailing '\n'.
    static QByteArray toJsonLine(const AuditRecord &record, bool modelRequestedIsConfigured);
};

} // namespace perimeter::observe
