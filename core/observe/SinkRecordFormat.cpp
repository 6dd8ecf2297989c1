// SPDX-License-Identifier: Apache-2.0
#include "SinkRecordFormat.h"
#include "AuditRecordJson.h"
#include <ctime>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace perimeter::observe {

namespace {

// Finding type names come from the classifier vocabulary (US_SSN, SECRET, ORG_MARKER, ...).
bool isTypeName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || !name.front().isLetter() || name.front().unicode() > 127)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '.' || u == ':'
                        || u == '-';
        if (!ok)
            return false;
    }
    return true;
}

// Same text as formatAuditTimestamp(), without QDateTime::toString(), which costs tens of
// microseconds in Qt 6.4 and this runs for every record.
QString timestamp(qint64 ms)
{
    const time_t seconds = time_t(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                  utc.tm_min, utc.tm_sec, int(((ms % 1000) + 1000) % 1000));
    return QString::fromLatin1(text);
}

} // namespace

const QStringList &SinkRecordFormat::fieldNames()
{
    static const QStringList names{
        QStringLiteral("request_id"),     QStringLiteral("ts"),           QStringLiteral("caller"),
        QStringLiteral("team"),           QStringLiteral("endpoint_path"), QStringLiteral("model_requested"),
        QStringLiteral("model_requested_known"), QStringLiteral("model_served"), QStringLiteral("tier"),
        QStringLiteral("endpoint_id"),    QStringLiteral("decision"),     QStringLiteral("reason"),
        QStringLiteral("sensitivity"),    QStringLiteral("finding_types"), QStringLiteral("policy_version"),
        QStringLiteral("status"),         QStringLiteral("tokens_in"),    QStringLiteral("tokens_out"),
        QStringLiteral("latency_ms"),     QStringLiteral("upstream_ms"),  QStringLiteral("ttft_ms"),
        QStringLiteral("streamed"),       QStringLiteral("cost_amount"),  QStringLiteral("cost_currency"),
        QStringLiteral("cost_basis"),     QStringLiteral("cost_counterfactual"),
    };
    return names;
}

const QStringList &SinkRecordFormat::knownPaths()
{
    static const QStringList paths{QStringLiteral("/v1/chat/completions"), QStringLiteral("/v1/completions"),
                                   QStringLiteral("/v1/embeddings"), QStringLiteral("/v1/models")};
    return paths;
}

SinkRecordFormat::Record SinkRecordFormat::extract(const AuditRecord &r, bool modelRequestedIsConfigured)
{
    Record out;
    out.requestId = r.requestId;
    out.tsValid = r.ts.isValid();
    out.tsMs = out.tsValid ? r.ts.toMSecsSinceEpoch() : 0;
    out.caller = r.caller;
    out.team = r.team;
    if (!r.endpointPath.isEmpty())
        out.endpointPath = knownPaths().contains(r.endpointPath) ? r.endpointPath : QStringLiteral("other");
    out.modelRequestedKnown = modelRequestedIsConfigured && !r.modelRequested.isEmpty();
    if (out.modelRequestedKnown)
        out.modelRequested = r.modelRequested;
    out.modelServed = r.modelServed;
    out.tier = r.tier;
    out.endpointId = r.endpointId;
    out.decision = r.decision;
    out.reason = r.reason;
    out.sensitivity = r.sensitivity;
    out.findingTypes = r.findingTypes;
    out.policyVersion = r.policyVersion;
    out.status = r.status;
    out.tokensIn = r.tokensIn;
    out.tokensOut = r.tokensOut;
    out.latencyMs = r.latencyMs;
    out.upstreamMs = r.upstreamMs;
    out.ttftMs = r.ttftMs;
    out.streamed = r.streamed;
    out.costAmount = r.costAmount;
    out.costCurrency = r.costCurrency;
    out.costBasis = r.costBasis;
    out.costCounterfactual = r.costCounterfactual;
    return out;
}

QByteArray SinkRecordFormat::toJsonLine(const AuditRecord &r, bool modelRequestedIsConfigured)
{
    return toJsonLine(extract(r, modelRequestedIsConfigured));
}

QByteArray SinkRecordFormat::toJsonLine(const Record &r)
{
    // nlohmann::json rather than QJsonObject: several times cheaper per line (this runs on
    // each sink's worker thread, once per record and sink).
    using json = nlohmann::json;
    auto text = [](const QString &value) { return value.isEmpty() ? json(nullptr) : json(value.toStdString()); };
    auto millis = [](qint64 ms) { return ms < 0 ? json(nullptr) : json(ms); };
    json findings = json::object();
    for (auto it = r.findingTypes.cbegin(); it != r.findingTypes.cend(); ++it) {
        if (isTypeName(it.key()))
            findings[it.key().toStdString()] = it.value();
    }
    // extract() reduced these already; checked again so that a Record built any other way
    // cannot carry an unreduced caller value to a sink.
    const bool modelKnown = r.modelRequestedKnown && !r.modelRequested.isEmpty();
    json o = json::object();
    o["request_id"] = r.requestId.toStdString();
    o["ts"] = r.tsValid ? json(timestamp(r.tsMs).toStdString()) : json(nullptr);
    o["caller"] = text(r.caller);
    o["team"] = text(r.team);
    o["endpoint_path"] = r.endpointPath.isEmpty() ? json(nullptr)
                         : knownPaths().contains(r.endpointPath) ? json(r.endpointPath.toStdString())
                                                                 : json("other");
    o["model_requested"] = modelKnown ? json(r.modelRequested.toStdString()) : json(nullptr);
    o["model_requested_known"] = modelKnown;
    o["model_served"] = text(r.modelServed);
    o["tier"] = text(r.tier);
    o["endpoint_id"] = text(r.endpointId);
    o["decision"] = r.decision.toStdString();
    o["reason"] = text(r.reason);
    o["sensitivity"] = text(r.sensitivity);
    o["finding_types"] = std::move(findings);
    o["policy_version"] = text(r.policyVersion);
    o["status"] = r.status;
    o["tokens_in"] = r.tokensIn;
    o["tokens_out"] = r.tokensOut;
    o["latency_ms"] = r.latencyMs;
    o["upstream_ms"] = millis(r.upstreamMs);
    o["ttft_ms"] = millis(r.ttftMs);
    o["streamed"] = r.streamed;
    o["cost_amount"] = r.costAmount;
    o["cost_currency"] = text(r.costCurrency);
    o["cost_basis"] = text(r.costBasis);
    o["cost_counterfactual"] = r.costCounterfactual ? json(*r.costCounterfactual) : json(nullptr);
    // Invalid UTF-8 cannot occur (QString converts), but never throw on the worker thread.
    return QByteArray::fromStdString(o.dump(-1, ' ', false, json::error_handler_t::replace));
}

} // namespace perimeter::observe
