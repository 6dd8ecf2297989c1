// SPDX-License-Identifier: Apache-2.0
// The small audit trail the console tests share: record i of 11.
#pragma once
#include "observe/AuditRecord.h"
#include <QDateTime>

namespace perimeter::testing {

// Records 0..9 in the last ten minutes, record 10 two days old; i % 4 == 3 rejected (no tier,
// a card found), the rest routed: i % 3 == 0 to the cloud at list price, else on-prem at the
// blended rate.
inline observe::AuditRecord sampleAuditRecord(int i)
{
    observe::AuditRecord r;
    r.requestId = QStringLiteral("req_%1").arg(i, 3, 10, QLatin1Char('0'));
    r.ts = QDateTime::currentDateTimeUtc().addSecs(i == 10 ? -2 * 24 * 3600 : -600 + i * 30);
    r.caller = i % 2 ? QStringLiteral("alice") : QStringLiteral("bob");
    r.team = i % 2 ? QStringLiteral("risk") : QStringLiteral("ops");
    r.endpointPath = QStringLiteral("/v1/chat/completions");
    r.modelRequested = i % 3 ? QStringLiteral("llama-3-70b") : QStringLiteral("gpt-4o");
    r.policyVersion = QStringLiteral("default");
    if (i % 4 == 3) {
        r.decision = QStringLiteral("rejected");
        r.reason = QStringLiteral("residency_violation");
        r.sensitivity = QStringLiteral("confidential");
        r.findingTypes.insert(QStringLiteral("CREDIT_CARD"), 2);
        r.status = 403;
    } else {
        r.decision = QStringLiteral("routed");
        r.reason = QStringLiteral("ok");
        r.tier = i % 3 ? QStringLiteral("onprem") : QStringLiteral("cloud");
        r.endpointId = i % 3 ? QStringLiteral("onprem-1") : QStringLiteral("cloud-1");
        r.sensitivity = QStringLiteral("public");
        r.status = 200;
        r.latencyMs = 100 + 10 * i;
        r.costAmount = i % 3 ? 0.002 : 0.01;
        r.costCurrency = QStringLiteral("USD");
        r.costBasis = i % 3 ? QStringLiteral("blended_rate") : QStringLiteral("list_price");
    }
    return r;
}

} // namespace perimeter::testing
