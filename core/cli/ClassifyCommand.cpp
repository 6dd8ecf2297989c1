// SPDX-License-Identifier: Apache-2.0
#include "ClassifyCommand.h"
#include "classify/PayloadClassifier.h"
#include <QFile>
#include <QIODevice>
#include <QTextStream>
#include <nlohmann/json.hpp>

namespace perimeter::cli {

using classify::ClassificationReport;
using classify::PayloadClassifier;

namespace {

nlohmann::json findingsJson(const ClassificationReport &report)
{
    auto arr = nlohmann::json::array();
    for (const auto &f : report.findings) {
        nlohmann::json j = {{"type", f.type.toStdString()},
                            {"start", f.start},
                            {"end", f.end},
                            {"score", std::round(f.score * 1000.0) / 1000.0},
                            {"recognizer", f.recognizer.toStdString()}};
        if (f.type == QLatin1String("SECRET"))
            j["subtype"] = f.subtype.toStdString();
        if (!f.path.isEmpty())
            j["path"] = f.path.toStdString();
        arr.push_back(std::move(j));
    }
    return arr;
}

bool isRequestBody(const nlohmann::json &j)
{
    return j.is_object() && (j.contains("messages") || j.contains("input") || j.contains("prompt"));
}

} // namespace

QString ClassifyCommand::usage()
{
    return QStringLiteral(
        "Usage: perimeterctl classify [--config FILE] [--jsonl] [FILE|-]\n"
        "Classifies text or an OpenAI request body and prints the findings and the sensitivity level.\n"
        "  --jsonl   input has one {\"id\", \"text\"} JSON object per line; one result line per record\n"
        "  FILE|-    input file (default and '-': standard input)\n");
}

int ClassifyCommand::run(const PayloadClassifier &classifier, const QStringList &args, QTextStream &out, QTextStream &err,
                         QIODevice &stdinDevice)
{
    bool jsonl = false;
    QString file;
    for (const QString &a : args) {
        if (a == QLatin1String("--jsonl")) {
            jsonl = true;
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            out << usage();
            out.flush();
            return 0;
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            err << "perimeterctl classify: unknown option " << a << "\n" << usage();
            err.flush();
            return 2;
        } else if (!file.isEmpty()) {
            err << "perimeterctl classify: only one input file may be given\n" << usage();
            err.flush();
            return 2;
        } else {
            file = a;
        }
    }

    QByteArray input;
    if (file.isEmpty() || file == QLatin1String("-")) {
        if (!stdinDevice.isOpen() && !stdinDevice.open(QIODevice::ReadOnly)) {
            err << "perimeterctl classify: cannot read standard input\n";
            err.flush();
            return 1;
        }
        input = stdinDevice.readAll();
    } else {
        QFile f(file);
        if (!f.exists()) {
            err << "perimeterctl classify: " << file << ": no such file\n";
            err.flush();
            return 2;
        }
        if (!f.open(QIODevice::ReadOnly)) {
            err << "perimeterctl classify: " << file << ": " << f.errorString() << "\n";
            err.flush();
            return 1;
        }
        input = f.readAll();
    }

    if (!jsonl) {
        ClassificationReport report;
        nlohmann::json body;
        bool request = false;
        try {
            body = nlohmann::json::parse(input.constBegin(), input.constEnd());
            request = isRequestBody(body);
        } catch (const nlohmann::json::exception &) {
            request = false;
        }
        report = request ? classifier.classifyRequest(body) : classifier.classifyText(QString::fromUtf8(input));
        out << "sensitivity: " << sensitivityName(report.level) << "\n";
        if (report.failedClosed)
            out << "failed closed: " << report.failureReason << "\n";
        out << "findings: " << report.findings.size() << "\n";
        for (const auto &f : report.findings) {
            out << "  " << f.type;
            if (!f.subtype.isEmpty())
                out << "/" << f.subtype;
            out << "  [" << f.start << ", " << f.end << ")  score " << QString::number(f.score, 'f', 2) << "  recognizer "
                << f.recognizer << "  level " << sensitivityName(f.level);
            if (!f.path.isEmpty())
                out << "  path " << f.path;
            out << "\n";
        }
        out.flush();
        return 0;
    }

    int badLines = 0;
    qsizetype lineNo = 0;
    qsizetype pos = 0;
    while (pos < input.size()) {
        qsizetype nl = input.indexOf('\n', pos);
        if (nl < 0)
            nl = input.size();
        const QByteArray line = input.mid(pos, nl - pos).trimmed();
        pos = nl + 1;
        ++lineNo;
        if (line.isEmpty())
            continue;
        nlohmann::json rec;
        try {
            rec = nlohmann::json::parse(line.constBegin(), line.constEnd());
        } catch (const nlohmann::json::exception &) {
            err << "perimeterctl classify: line " << lineNo << ": not valid JSON\n";
            ++badLines;
            continue;
        }
        if (!rec.is_object() || !rec.contains("text") || !rec["text"].is_string()) {
            err << "perimeterctl classify: line " << lineNo << ": expected an object with a string \"text\"\n";
            ++badLines;
            continue;
        }
        nlohmann::json id = rec.contains("id") ? rec["id"] : nlohmann::json(lineNo);
        const auto report = classifier.classifyText(QString::fromStdString(rec["text"].get<std::string>()));
        nlohmann::json outLine = {{"id", id}, {"sensitivity", sensitivityName(report.level).toStdString()}, {"findings", findingsJson(report)}};
        if (report.failedClosed)
            outLine["failure_reason"] = report.failureReason.toStdString();
        out << QString::fromStdString(outLine.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << "\n";
    }
    out.flush();
    err.flush();
    return badLines > 0 ? 2 : 0;
}

} // namespace perimeter::cli
