// SPDX-License-Identifier: Apache-2.0
#include "PolicySimulateCommand.h"
#include "gateway/DecisionSimulator.h"
#include "gateway/GatewaySnapshotLoader.h"
#include "gateway/SimulationJson.h"
#include <QFile>
#include <QTextStream>

namespace perimeter::cli {

QString PolicySimulateCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl policy simulate [--model M] [--path P] [--caller C] [--team T]\n"
        "                                    [--classification LEVEL] [--latency low|normal] [--format text|json] [FILE|-]\n"
        "The input is an OpenAI request body, or plain text sent as one user message to --model.\n");
}

int PolicySimulateCommand::run(const config::Config &config, const QStringList &args, QTextStream &out, QTextStream &err, QIODevice &in)
{
    gateway::SimulationRequest request;
    QString model;
    QString format = QStringLiteral("text");
    QString file;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString &target) {
            if (i + 1 >= args.size())
                return false;
            target = args.at(++i);
            return true;
        };
        QString v;
        bool ok = true;
        if (a == QLatin1String("--model"))
            ok = value(model);
        else if (a == QLatin1String("--path"))
            ok = value(request.path);
        else if (a == QLatin1String("--caller"))
            ok = value(request.callerId);
        else if (a == QLatin1String("--team"))
            ok = value(request.team);
        else if (a == QLatin1String("--format"))
            ok = value(format) && (format == QLatin1String("text") || format == QLatin1String("json"));
        else if (a == QLatin1String("--classification") && (ok = value(v)))
            request.headers.append({QByteArrayLiteral("x-perimeter-classification"), v.toUtf8()});
        else if (a == QLatin1String("--latency") && (ok = value(v)))
            request.headers.append({QByteArrayLiteral("x-perimeter-latency"), v.toUtf8()});
        else if (a.startsWith(QLatin1String("--")) || !file.isEmpty())
            ok = false;
        else
            file = a;
        if (!ok) {
            err << "perimeterctl policy simulate: bad argument '" << a << "'\n" << usage();
            return 2;
        }
    }

    QByteArray input;
    if (file.isEmpty() || file == QLatin1String("-")) {
        input = in.readAll();
    } else {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err << "perimeterctl policy simulate: cannot read " << file << ": " << f.errorString() << '\n';
            return 2;
        }
        input = f.readAll();
    }
    const auto parsed = nlohmann::json::parse(input.constBegin(), input.constEnd(), nullptr, false);
    if (parsed.is_object()) {
        request.body = input;
    } else {
        if (model.isEmpty()) {
            err << "perimeterctl policy simulate: plain text needs --model\n" << usage();
            return 2;
        }
        nlohmann::json body = {{"model", model.toStdString()},
                               {"messages", {{{"role", "user"}, {"content", QString::fromUtf8(input).trimmed().toStdString()}}}}};
        request.body = QByteArray::fromStdString(body.dump());
    }

    auto snapshot = gateway::GatewaySnapshotLoader::fromConfig(config);
    if (!snapshot.ok()) {
        err << "perimeterctl: configuration refused:\n";
        for (const auto &p : snapshot.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            err << "  " << p << '\n';
        return 2;
    }
    // A dry run from the CLI sees every endpoint as healthy and idle: it explains the policy,
    // not the momentary load (the admin API's /admin/v1/simulate uses the live state).
    gateway::GatewayContext context;
    context.monotonic.start();
    for (const auto &e : config.endpoints)
        context.endpoints.insert(e.id, routing::EndpointState(e.id, e.capacity));
    const auto result = gateway::DecisionSimulator::run(snapshot.value(), context, request);

    if (format == QLatin1String("json")) {
        out << QString::fromStdString(gateway::SimulationJson::toJson(result).dump(2)) << '\n';
        return 0;
    }
    out << "policy version: " << result.policyVersion << '\n';
    if (result.classified) {
        out << "sensitivity:    " << sensitivityName(result.level);
        if (result.callerLabel)
            out << " (caller label " << sensitivityName(*result.callerLabel) << ')';
        if (result.classification.failedClosed)
            out << " (fail closed: " << result.classification.failureReason << ')';
        out << '\n';
        out << "findings:       " << result.classification.findings.size() << '\n';
        for (const auto &f : result.classification.findings) {
            out << "  " << f.type << (f.subtype.isEmpty() ? QString() : QLatin1Char('/') + f.subtype) << "  at " << (f.path.isEmpty() ? QStringLiteral("/") : f.path)
                << " [" << f.start << ", " << f.end << ")  score " << QString::number(f.score, 'f', 2) << "  " << f.recognizer << "  -> "
                << sensitivityName(f.level) << '\n';
        }
        QStringList tiers;
        for (auto t : result.permittedTiers)
            tiers.append(tierName(t));
        out << "permitted tiers: " << (tiers.isEmpty() ? QStringLiteral("none") : tiers.join(QLatin1String(", "))) << '\n';
    }
    out << "decision:       ";
    if (result.status == 200)
        out << "forward to " << result.route.endpointId << " (" << tierName(result.route.tier) << ")\n";
    else
        out << "reject " << result.status << ' ' << result.reason << ": " << result.message << '\n';
    if (!result.route.trace.isEmpty()) {
        out << "trace:\n";
        for (const auto &line : result.route.trace)
            out << "  - " << line << '\n';
    }
    // The configuration's shadow policy answers beside the active one (same trace builder as
    // the stored decision traces).
    if (const auto it = result.trace.find("shadow"); it != result.trace.end()) {
        const auto &s = *it;
        QStringList differences;
        for (const auto &d : s["differences"])
            differences.append(QString::fromStdString(d.get<std::string>()));
        out << "shadow policy " << QString::fromStdString(s["policy_version"].get<std::string>()) << ": would be "
            << QString::fromStdString(s["decision"].get<std::string>()) << " (" << QString::fromStdString(s["reason"].get<std::string>()) << "); "
            << (differences.isEmpty() ? QStringLiteral("agrees") : QStringLiteral("differs in ") + differences.join(QLatin1String(", "))) << '\n';
    }
    return 0;
}

} // namespace perimeter::cli
