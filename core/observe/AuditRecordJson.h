// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include "common/Result.h"
#include <QJsonObject>

namespace perimeter::observe {

// The external spelling of an audit record (field names as in CONTRACTS.md "Audit record"),
// shared by the SQLite columns, `perimeterctl audit list --format json|jsonl` and reports.
// Optional text fields that are empty and the -1 sentinels of upstream_ms / ttft_ms are
// written as null so that SQL aggregates and scripts see "absent", not "empty" or -1.

// RFC 3339 UTC with milliseconds, e.g. "2026-11-24T05:00:00.123Z".
QString formatAuditTimestamp(const QDateTime &ts);
// Accepts RFC 3339 with "Z" or a numeric offset, with or without fractional seconds.
std::optional<QDateTime> parseAuditTimestamp(const QString &text);
// For command-line bounds: RFC 3339 as above, or a bare YYYY-MM-DD meaning the start of that
// UTC day (DayBound::Start) or the start of the next one (DayBound::End, so that an
// exclusive upper bound still includes the whole named day).
enum class DayBound { Start, End };
std::optional<QDateTime> parseTimestampOrDate(const QString &text, DayBound bound);

// {"CREDIT_CARD":1,"EMAIL_ADDRESS":2} (keys sorted, compact).
QString findingTypesToJson(const QMap<QString, int> &findingTypes);
Result<QMap<QString, int>> findingTypesFromJson(const QString &json);

// Field names in contract order (plus cost_counterfactual, an extension every record carries).
const QStringList &auditFieldNames();
// prev_hash and hash: in the JSON of every record too, null for a record not read from a store.
const QStringList &auditChainFieldNames();

QJsonObject auditRecordToJson(const AuditRecord &record);
Result<AuditRecord> auditRecordFromJson(const QJsonObject &object);

} // namespace perimeter::observe
