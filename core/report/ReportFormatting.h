// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditReport.h"
#include <QJsonObject>

namespace perimeter::report {

// Shared by the renderers so that CSV, JSON and PDF spell values the same way.
namespace formatting {

// Amounts to a millionth of the currency unit: enough for per-request cloud prices,
// without binary noise such as 0.30000000000000004.
double roundMoney(double value);
QString money(double value);              // "0.037500"
QString timestamp(const std::optional<QDateTime> &t); // RFC 3339 or ""
QString csvField(const QString &text);
// The summary of a report as JSON (everything but the records); also the structure the
// other formats follow.
QJsonObject summaryJson(const AuditReport &report);
// One record's fields as text, in the column order of recordColumns().
const QStringList &recordColumns();
QStringList recordFields(const observe::AuditRecord &record);

} // namespace formatting
} // namespace perimeter::report
