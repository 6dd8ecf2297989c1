// SPDX-License-Identifier: Apache-2.0
#include "AuditShowCommand.h"
#include "TableWriter.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditStore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace perimeter::cli {

namespace {

QString str(const QJsonValue &v, const QString &fallback = QStringLiteral("-"))
{
    if (v.isString() && !v.toString().isEmpty())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    return fallback;
}

QString joined(const QJsonValue &v)
{
    QStringList parts;
    for (const auto &item : v.toArray())
        parts.append(item.toString());
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QLatin1String(", "));
}

// "label       first line" and following lines indented under the value column.
void field(QStringList &lines, const QString &label, const QStringList &values)
{
    const QString pad(14, QLatin1Char(' '));
    for (int i = 0; i < values.size(); ++i)
        lines.append((i == 0 ? QStringLiteral("  %1").arg(label, -12) : pad) + values.at(i));
    if (values.isEmpty())
        lines.append(QStringLiteral("  %1-").arg(label, -12));
}

} // namespace

QString AuditShowCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl audit show REQUEST_ID [--format table|json|jsonl]\n"
        "\n"
        "Prints one request's audit record and the decision trace stored with it: the level and\n"
        "why (finding types with counts and scores, caller label), the policy rules that applied,\n"
        "every endpoint considered and why it was kept or dropped, the choice and its reason, any\n"
        "wait for capacity, and what the shadow policy would have decided. Never payload content\n"
        "or finding values. Exit 1 when no record has that request id.\n"
        "  --format F  table (default), json or jsonl: {\"record\": ..., \"decision_trace\": ...}\n");
}

QString AuditShowCommand::recordText(const observe::AuditRecord &r)
{
    QStringList lines;
    auto add = [&lines](const char *label, const QString &value) {
        lines.append(QStringLiteral("%1%2").arg(QLatin1String(label), -14).arg(value.isEmpty() ? QStringLiteral("-") : value));
    };
    add("request", r.requestId);
    add("time", observe::formatAuditTimestamp(r.ts));
    add("caller", r.team.isEmpty() ? r.caller : QStringLiteral("%1 (team %2)").arg(r.caller, r.team));
    add("path", r.endpointPath);
    add("model", r.modelServed.isEmpty() || r.modelServed == r.modelRequested ? r.modelRequested
                                                                              : QStringLiteral("%1, served %2").arg(r.modelRequested, r.modelServed));
    add("decision", QStringLiteral("%1 (%2), HTTP %3").arg(r.decision, r.reason).arg(r.status));
    add("tier", r.tier.isEmpty() ? QString() : QStringLiteral("%1, endpoint %2").arg(r.tier, r.endpointId));
    add("sensitivity", r.sensitivity);
    QStringList findings;
    for (auto it = r.findingTypes.cbegin(); it != r.findingTypes.cend(); ++it)
        findings << QStringLiteral("%1:%2").arg(it.key()).arg(it.value());
    add("findings", findings.join(QLatin1Char(',')));
    add("policy", r.policyVersion);
    add("latency", r.upstreamMs < 0 ? QStringLiteral("%1 ms").arg(r.latencyMs)
                                    : QStringLiteral("%1 ms (upstream %2 ms)").arg(r.latencyMs).arg(r.upstreamMs));
    add("tokens", QStringLiteral("%1 in, %2 out").arg(r.tokensIn).arg(r.tokensOut));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString AuditShowCommand::traceText(const QJsonObject &t)
{
    QStringList lines;
    lines.append(QStringLiteral("Decision trace (policy %1)").arg(str(t.value(QLatin1String("policy_version")))));

    const QJsonObject level = t.value(QLatin1String("level")).toObject();
    if (!level.value(QLatin1String("classified")).toBool()) {
        field(lines, QStringLiteral("level"), {QStringLiteral("not classified (the request ended before classification)")});
    } else {
        QStringList values{QStringLiteral("%1: %2").arg(str(level.value(QLatin1String("value"))), str(level.value(QLatin1String("why"))))};
        for (const auto &f : level.value(QLatin1String("findings")).toArray()) {
            const auto o = f.toObject();
            values.append(QStringLiteral("%1 x%2, best score %3, %4%5")
                              .arg(str(o.value(QLatin1String("type"))))
                              .arg(o.value(QLatin1String("count")).toInt())
                              .arg(o.value(QLatin1String("max_score")).toDouble(), 0, 'f', 2)
                              .arg(str(o.value(QLatin1String("level"))),
                                   o.value(QLatin1String("sets_level")).toBool() ? QStringLiteral(" (sets the level)") : QString()));
        }
        values.append(QStringLiteral("caller label: %1").arg(str(level.value(QLatin1String("caller_label")), QStringLiteral("none"))));
        field(lines, QStringLiteral("level"), values);
    }
    QStringList rules;
    for (const auto &r : t.value(QLatin1String("rules")).toArray())
        rules.append(r.toString());
    field(lines, QStringLiteral("rules"), rules);
    if (t.value(QLatin1String("permitted_tiers")).isArray())
        field(lines, QStringLiteral("tiers"), {joined(t.value(QLatin1String("permitted_tiers")))});

    QStringList candidates;
    for (const auto &c : t.value(QLatin1String("candidates")).toArray()) {
        const auto o = c.toObject();
        QString load;
        if (o.contains(QLatin1String("capacity"))) {
            load = QStringLiteral(" [in flight %1/%2").arg(o.value(QLatin1String("in_flight")).toInt()).arg(o.value(QLatin1String("capacity")).toInt());
            if (o.value(QLatin1String("upstream_waiting")).isDouble())
                load += QStringLiteral(", endpoint queue %1").arg(o.value(QLatin1String("upstream_waiting")).toInt());
            load += QLatin1Char(']');
        }
        candidates.append(QStringLiteral("#%1 %2 (%3) %4: %5%6")
                              .arg(o.value(QLatin1String("attempt")).toInt())
                              .arg(str(o.value(QLatin1String("endpoint"))), str(o.value(QLatin1String("tier"))),
                                   o.value(QLatin1String("kept")).toBool() ? QStringLiteral("kept") : QStringLiteral("dropped"),
                                   str(o.value(QLatin1String("why"))), load));
    }
    field(lines, QStringLiteral("candidates"), candidates);
    const QJsonObject choice = t.value(QLatin1String("choice")).toObject();
    field(lines, QStringLiteral("choice"),
          {choice.isEmpty() ? QStringLiteral("none")
                            : QStringLiteral("%1 (%2): %3").arg(str(choice.value(QLatin1String("endpoint"))), str(choice.value(QLatin1String("tier"))),
                                                                str(choice.value(QLatin1String("reason"))))});
    if (t.contains(QLatin1String("queue"))) {
        const QJsonObject q = t.value(QLatin1String("queue")).toObject();
        field(lines, QStringLiteral("queue"), {QStringLiteral("%1 after %2 ms").arg(str(q.value(QLatin1String("outcome"))), str(q.value(QLatin1String("waited_ms")), QStringLiteral("0")))});
    }
    const QJsonObject outcome = t.value(QLatin1String("outcome")).toObject();
    field(lines, QStringLiteral("outcome"),
          {QStringLiteral("%1 (%2), HTTP %3, %4 attempt(s)")
               .arg(str(outcome.value(QLatin1String("decision"))), str(outcome.value(QLatin1String("reason"))))
               .arg(outcome.value(QLatin1String("status")).toInt())
               .arg(outcome.value(QLatin1String("attempts")).toInt())});
    if (t.contains(QLatin1String("shadow"))) {
        const QJsonObject s = t.value(QLatin1String("shadow")).toObject();
        QString verdict = s.value(QLatin1String("agrees")).toBool()
            ? QStringLiteral("agrees")
            : QStringLiteral("DIFFERS in %1").arg(joined(s.value(QLatin1String("differences"))));
        QString where = s.contains(QLatin1String("tier"))
            ? QStringLiteral(" to %1 (%2)").arg(str(s.value(QLatin1String("endpoint"))), str(s.value(QLatin1String("tier"))))
            : QString();
        field(lines, QStringLiteral("shadow"),
              {QStringLiteral("policy %1: %2 data may go to %3; would be %4 (%5)%6")
                   .arg(str(s.value(QLatin1String("policy_version"))), str(s.value(QLatin1String("level"))), joined(s.value(QLatin1String("permitted_tiers"))),
                        str(s.value(QLatin1String("decision"))), str(s.value(QLatin1String("reason"))), where),
               verdict});
    }
    QStringList steps;
    for (const auto &line : t.value(QLatin1String("steps")).toArray())
        steps.append(line.toString());
    field(lines, QStringLiteral("steps"), steps);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

int AuditShowCommand::run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("F"), QStringLiteral("table"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({format, help});
    auto usageError = [&](const QString &message) {
        err << "perimeterctl audit show: " << message << "\n\n" << usage();
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("audit-show")} + args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        out << usage();
        return 0;
    }
    if (parser.positionalArguments().size() != 1 || parser.positionalArguments().first().isEmpty())
        return usageError(parser.positionalArguments().isEmpty() ? QStringLiteral("a REQUEST_ID is required")
                                                                 : QStringLiteral("exactly one REQUEST_ID"));
    if (parser.values(format).size() > 1)
        return usageError(QStringLiteral("--format given more than once"));
    const auto outputFormat = TableWriter::parseFormat(parser.value(format));
    if (!outputFormat)
        return usageError(QStringLiteral("--format must be one of %1").arg(TableWriter::formatNames()));
    const QString requestId = parser.positionalArguments().first();

    observe::AuditQuery query;
    query.requestId = requestId;
    auto records = store.query(query);
    if (!records) {
        err << "perimeterctl audit show: " << records.error().message << '\n';
        return 1;
    }
    if (records.value().isEmpty()) {
        err << "perimeterctl audit show: no audit record for request " << requestId << '\n';
        return 1;
    }
    auto trace = store.decisionTrace(requestId);
    if (!trace) {
        err << "perimeterctl audit show: " << trace.error().message << '\n';
        return 1;
    }
    QJsonObject traceObject;
    if (trace.value()) {
        QJsonParseError parseError;
        const auto doc = QJsonDocument::fromJson(*trace.value(), &parseError);
        if (!doc.isObject()) {
            err << "perimeterctl audit show: the stored decision trace of " << requestId << " is not valid JSON\n";
            return 1;
        }
        traceObject = doc.object();
    }
    const auto &record = records.value().first();
    if (*outputFormat != TableWriter::Format::Table) {
        QJsonObject o;
        o.insert(QStringLiteral("record"), observe::auditRecordToJson(record));
        o.insert(QStringLiteral("decision_trace"), trace.value() ? QJsonValue(traceObject) : QJsonValue(QJsonValue::Null));
        TableWriter::writeJsonObjects(out, {o}, *outputFormat);
        return 0;
    }
    out << recordText(record) << '\n';
    if (trace.value())
        out << traceText(traceObject);
    else
        out << "No decision trace is stored for this request (recorded before traces existed).\n";
    return 0;
}

} // namespace perimeter::cli
