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
    // The allow-listed fields of one record, taken on the gateway thread and formatted on a
    // sink's worker thread (formatting costs ~10 us per line, the copy a few hundred ns: the
    // strings are implicitly shared). The caller-controlled reductions that need no work
    // (model_requested, endpoint_path) are already applied here, so an unreduced caller value
    // never even enters a sink queue; finding type names are filtered when formatting.
    struct Record {
        QString requestId;
        qint64 tsMs = 0;
        bool tsValid = false;
        QString caller;
        QString team;
        QString endpointPath;      // "", a known path or "other"
        QString modelRequested;    // "" unless it names a configured model
        bool modelRequestedKnown = false;
        QString modelServed;
        QString tier;
        QString endpointId;
        QString decision;
        QString reason;
        QString sensitivity;
        QMap<QString, int> findingTypes; // unfiltered names; counts only, never values
        QString policyVersion;
        int status = 0;
        qint64 tokensIn = 0;
        qint64 tokensOut = 0;
        qint64 latencyMs = 0;
        qint64 upstreamMs = -1;
        qint64 ttftMs = -1;
        bool streamed = false;
        double costAmount = 0.0;
        QString costCurrency;
        QString costBasis;
        std::optional<double> costCounterfactual;
    };

    // The gateway-thread half: copies the allow-listed fields only (never the decision trace,
    // the hash chain or anything added to AuditRecord later).
    static Record extract(const AuditRecord &record, bool modelRequestedIsConfigured);
    // The worker-thread half: one line without the trailing '\n'.
    static QByteArray toJsonLine(const Record &record);

    // The field names a sink line carries, in the order documented in docs/operations.md.
    static const QStringList &fieldNames();
    // The API paths an endpoint_path may keep.
    static const QStringList &knownPaths();
    // One line without the trailing '\n' (extract() then toJsonLine()).
    static QByteArray toJsonLine(const AuditRecord &record, bool modelRequestedIsConfigured);
};

} // namespace perimeter::observe
