// SPDX-License-Identifier: Apache-2.0
#include "AuditRecordJson.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <cmath>

namespace perimeter::observe {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue millisOrNull(qint64 ms)
{
    return ms < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ms);
}

// A JSON number must hold an integral value; doubles carry integers exactly up to 2^53,
// far beyond any token count or duration.
std::optional<qint64> integerValue(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double d = value.toDouble();
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9007199254740992.0)
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace

QString formatAuditTimestamp(const QDateTime &ts)
{
    return ts.toUTC().toString(Qt::ISODateWithMs);
}

std::optional<QDateTime> parseAuditTimestamp(const QString &text)
{
    static const QRegularExpression rfc3339(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d+))?([Zz]|[+-]\\d{2}:\\d{2})$"));
    const auto match = rfc3339.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    // Qt's ISO parser wants exactly "T", upper-case "Z" and at most millisecond precision.
    QString fraction = match.captured(3);
    fraction = fraction.isEmpty() ? QStringLiteral("000") : fraction.left(3).leftJustified(3, QLatin1Char('0'));
    QString zone = match.captured(4).toUpper();
    const QString normalized = match.captured(1) + QLatin1Char('T') + match.captured(2) + QLatin1Char('.')
                               + fraction + zone;
    QDateTime parsed = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toUTC();
}

std::optional<QDateTime> parseTimestampOrDate(const QString &text, DayBound bound)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!dateOnly.match(text).hasMatch())
        return parseAuditTimestamp(text);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid())
        return std::nullopt;
    const QDateTime start(date, QTime(0, 0), Qt::UTC);
    return bound == DayBound::Start ? start : start.addDays(1);
}

QString findingTypesToJson(const QMap<QString, int> &findingTypes)
{
    // Finding types are upper-case identifiers; building those directly keeps the audit
    // writer off QJsonDocument for every record. Anything unusual takes the general path.
    auto plainKey = [](const QString &key) {
        for (const QChar c : key) {
            if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != QLatin1Char('_') && c != QLatin1Char('-'))
                return false;
        }
        return !key.isEmpty();
    };
    bool plain = true;
    for (auto it = findingTypes.cbegin(); it != findingTypes.cend() && plain; ++it)
        plain = plainKey(it.key());
    if (plain) {
        QString json = QStringLiteral("{");
        for (auto it = findingTypes.cbegin(); it != findingTypes.cend(); ++it) {
            if (it != findingTypes.cbegin())
                json += QLatin1Char(',');
            json += QLatin1Char('"') + it.key() + QStringLiteral("\":") + QString::number(it.value());
        }
        return json + QLatin1Char('}');
    }
    QJsonObject object;
    for (auto it = findingTypes.cbegin(); it != findingTypes.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<QMap<QString, int>> findingTypesFromJson(const QString &json)
{
    QMap<QString, int> result;
    if (json.isEmpty() || json == QLatin1String("{}"))
        return result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{QStringLiteral("invalid_audit_record"), QStringLiteral("finding_types is not a JSON object")};
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const auto count = integerValue(it.value());
        if (!count || *count < 0 || *count > std::numeric_limits<int>::max())
            return Error{QStringLiteral("invalid_audit_record"),
                         QStringLiteral("finding_types/%1 is not a non-negative integer").arg(it.key())};
        result.insert(it.key(), static_cast<int>(*count));
    }
    return result;
}

const QStringList &auditFieldNames()
{
    static const QStringList names = {
        QStringLiteral("request_id"),     QStringLiteral("ts"),
        QStringLiteral("caller"),         QStringLiteral("team"),
        QStringLiteral("endpoint_path"),  QStringLiteral("model_requested"),
        QStringLiteral("model_served"),   QStringLiteral("tier"),
        QStringLiteral("endpoint_id"),    QStringLiteral("decision"),
        QStringLiteral("reason"),         QStringLiteral("sensitivity"),
        QStringLiteral("finding_types"),  QStringLiteral("policy_version"),
        QStringLiteral("status"),         QStringLiteral("tokens_in"),
        QStringLiteral("tokens_out"),     QStringLiteral("latency_ms"),
        QStringLiteral("upstream_ms"),    QStringLiteral("ttft_ms"),
        QStringLiteral("streamed"),       QStringLiteral("cost_amount"),
        QStringLiteral("cost_currency"),  QStringLiteral("cost_basis"),
        QStringLiteral("cost_counterfactual"),
    };
    return names;
}

const QStringList &auditChainFieldNames()
{
    static const QStringList names = {QStringLiteral("prev_hash"), QStringLiteral("hash")};
    return names;
}

QJsonObject auditRecordToJson(const AuditRecord &record)
{
    QJsonObject findings;
    for (auto it = record.findingTypes.cbegin(); it != record.findingTypes.cend(); ++it)
        findings.insert(it.key(), it.value());

    QJsonObject o;
    o.insert(QStringLiteral("request_id"), record.requestId);
    o.insert(QStringLiteral("ts"), record.ts.isValid() ? QJsonValue(formatAuditTimestamp(record.ts))
                                                       : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("caller"), textOrNull(record.caller));
    o.insert(QStringLiteral("team"), textOrNull(record.team));
    o.insert(QStringLiteral("endpoint_path"), textOrNull(record.endpointPath));
    o.insert(QStringLiteral("model_requested"), textOrNull(record.modelRequested));
    o.insert(QStringLiteral("model_served"), textOrNull(record.modelServed));
    o.insert(QStringLiteral("tier"), textOrNull(record.tier));
    o.insert(QStringLiteral("endpoint_id"), textOrNull(record.endpointId));
    o.insert(QStringLiteral("decision"), record.decision);
    o.insert(QStringLiteral("reason"), textOrNull(record.reason));
    o.insert(QStringLiteral("sensitivity"), textOrNull(record.sensitivity));
    o.insert(QStringLiteral("finding_types"), findings);
    o.insert(QStringLiteral("policy_version"), textOrNull(record.policyVersion));
    o.insert(QStringLiteral("status"), record.status);
    o.insert(QStringLiteral("tokens_in"), record.tokensIn);
    o.insert(QStringLiteral("tokens_out"), record.tokensOut);
    o.insert(QStringLiteral("latency_ms"), record.latencyMs);
    o.insert(QStringLiteral("upstream_ms"), millisOrNull(record.upstreamMs));
    o.insert(QStringLiteral("ttft_ms"), millisOrNull(record.ttftMs));
    o.insert(QStringLiteral("streamed"), record.streamed);
    o.insert(QStringLiteral("cost_amount"), record.costAmount);
    o.insert(QStringLiteral("cost_currency"), textOrNull(record.costCurrency));
    o.insert(QStringLiteral("cost_basis"), textOrNull(record.costBasis));
    o.insert(QStringLiteral("cost_counterfactual"),
             record.costCounterfactual ? QJsonValue(*record.costCounterfactual) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("prev_hash"), textOrNull(record.prevHash));
    o.insert(QStringLiteral("hash"), textOrNull(record.hash));
    return o;
}

Result<AuditRecord> auditRecordFromJson(const QJsonObject &o)
{
    auto invalid = [](const QString &field) {
        return Error{QStringLiteral("invalid_audit_record"), QStringLiteral("/%1: wrong type or missing").arg(field)};
    };
    AuditRecord r;
    auto text = [&](const char *field, QString &target, bool required) -> bool {
        const QJsonValue v = o.value(QLatin1String(field));
        if (v.isString()) {
            target = v.toString();
            return true;
        }
        if (!required && (v.isNull() || v.isUndefined())) {
            target.clear();
            return true;
        }
        return false;
    };
    auto integer = [&](const char *field, qint64 &target, bool nullable) -> bool {
        const QJsonValue v = o.value(QLatin1String(field));
        if (nullable && (v.isNull() || v.isUndefined())) {
            target = -1;
            return true;
        }
        const auto value = integerValue(v);
        if (!value)
            return false;
        target = *value;
        return true;
    };

    if (!text("request_id", r.requestId, true) || r.requestId.isEmpty())
        return invalid(QStringLiteral("request_id"));
    const auto ts = parseAuditTimestamp(o.value(QLatin1String("ts")).toString());
    if (!ts)
        return invalid(QStringLiteral("ts"));
    r.ts = *ts;
    struct TextField { const char *name; QString *target; bool required; };
    const TextField textFields[] = {
        {"caller", &r.caller, false},          {"team", &r.team, false},
        {"endpoint_path", &r.endpointPath, false}, {"model_requested", &r.modelRequested, false},
        {"model_served", &r.modelServed, false},   {"tier", &r.tier, false},
        {"endpoint_id", &r.endpointId, false},     {"decision", &r.decision, true},
        {"reason", &r.reason, false},              {"sensitivity", &r.sensitivity, false},
        {"policy_version", &r.policyVersion, false}, {"cost_currency", &r.costCurrency, false},
        {"cost_basis", &r.costBasis, false},
    };
    for (const auto &field : textFields) {
        if (!text(field.name, *field.target, field.required))
            return invalid(QLatin1String(field.name));
    }

    const QJsonValue findings = o.value(QLatin1String("finding_types"));
    if (findings.isObject()) {
        auto parsed = findingTypesFromJson(
            QString::fromUtf8(QJsonDocument(findings.toObject()).toJson(QJsonDocument::Compact)));
        if (!parsed)
            return parsed.error();
        r.findingTypes = parsed.value();
    } else if (!findings.isNull() && !findings.isUndefined()) {
        return invalid(QStringLiteral("finding_types"));
    }

    qint64 status = 0;
    if (!integer("status", status, false) || status < 0 || status > 999)
        return invalid(QStringLiteral("status"));
    r.status = static_cast<int>(status);
    struct IntField { const char *name; qint64 *target; bool nullable; };
    const IntField intFields[] = {
        {"tokens_in", &r.tokensIn, false},   {"tokens_out", &r.tokensOut, false},
        {"latency_ms", &r.latencyMs, false}, {"upstream_ms", &r.upstreamMs, true},
        {"ttft_ms", &r.ttftMs, true},
    };
    for (const auto &field : intFields) {
        if (!integer(field.name, *field.target, field.nullable))
            return invalid(QLatin1String(field.name));
    }
    const QJsonValue streamed = o.value(QLatin1String("streamed"));
    if (!streamed.isBool())
        return invalid(QStringLiteral("streamed"));
    r.streamed = streamed.toBool();
    const QJsonValue cost = o.value(QLatin1String("cost_amount"));
    if (!cost.isDouble())
        return invalid(QStringLiteral("cost_amount"));
    r.costAmount = cost.toDouble();
    const QJsonValue counterfactual = o.value(QLatin1String("cost_counterfactual"));
    if (counterfactual.isDouble())
        r.costCounterfactual = counterfactual.toDouble();
    else if (!counterfactual.isNull() && !counterfactual.isUndefined())
        return invalid(QStringLiteral("cost_counterfactual"));
    // The chain fields are what the store reported; carried along so that exported records
    // can be checked against the trail.
    if (!text("prev_hash", r.prevHash, false))
        return invalid(QStringLiteral("prev_hash"));
    if (!text("hash", r.hash, false))
        return invalid(QStringLiteral("hash"));
    return r;
}

} // namespace perimeter::observe
