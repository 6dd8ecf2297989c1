// SPDX-License-Identifier: Apache-2.0
#include "RegistryCommand.h"
#include "CommandOptions.h"
#include "SubcommandTable.h"
#include "TableWriter.h"
#include "config/Config.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryOverlay.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace perimeter::cli {

namespace {

using registry::ModelRecord;
using registry::ModelStatus;

const QString kListUsage = QStringLiteral(
    "usage: perimeterctl registry list [--status active|draining|retired] [--format table|json|jsonl]\n"
    "\n"
    "Lists every registered on-prem model version (retired ones included unless --status narrows).\n"
    "SERVED says whether this version is the one the gateway serves for its name.\n");
const QString kShowUsage = QStringLiteral(
    "usage: perimeterctl registry show NAME [--version V] [--format table|json|jsonl]\n"
    "\n"
    "Shows every version of model NAME (or only version V) with all its fields.\n");
const QString kAddUsage = QStringLiteral(
    "usage: perimeterctl registry add NAME --version V --kind chat|completion|embedding --endpoint ID[,ID...]\n"
    "                                 [--context-length N] [--capacity N] [--status active|draining]\n"
    "                                 [--notes TEXT] [--comment TEXT] [--actor WHO] [--format table|json|jsonl]\n"
    "\n"
    "Registers an on-prem model version. --endpoint may repeat; ids are on-prem endpoints of the\n"
    "config. --capacity defaults to the summed capacity of those endpoints; --context-length to 0\n"
    "(not stated). Every problem is listed; nothing is written unless all pass.\n");
const QString kEditUsage = QStringLiteral(
    "usage: perimeterctl registry edit NAME [--version V] [--kind K] [--endpoint ID[,ID...]]\n"
    "                                  [--context-length N] [--capacity N] [--status active|draining|retired]\n"
    "                                  [--notes TEXT] [--comment TEXT] [--actor WHO] [--format table|json|jsonl]\n"
    "\n"
    "Changes the given fields of one version (--version may be left out when NAME has one version\n"
    "in service). --endpoint replaces the whole endpoint list.\n");
const QString kRetireUsage = QStringLiteral(
    "usage: perimeterctl registry retire NAME [--version V] [--comment TEXT] [--actor WHO] [--format table|json|jsonl]\n"
    "\n"
    "Stops serving a version. When no version of NAME is left in service the gateway answers\n"
    "404 model_not_found for it, even if the config still lists it.\n");
const QString kHistoryUsage = QStringLiteral(
    "usage: perimeterctl registry history [NAME] [--version V] [--format table|json|jsonl]\n"
    "\n"
    "Every change (seed, add, edit, retire) oldest first: when, who, what, before and after.\n");

QString defaultActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return user.isEmpty() ? QStringLiteral("perimeterctl") : QStringLiteral("perimeterctl:%1").arg(user);
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

bool isServed(const QList<ModelRecord> &records, const ModelRecord &r)
{
    const auto serving = registry::RegistryOverlay::servingRecord(records, r.name);
    return serving && serving->version == r.version;
}

QJsonObject recordJson(const ModelRecord &r, bool served)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("version"), r.version);
    o.insert(QStringLiteral("kind"), r.kind);
    o.insert(QStringLiteral("endpoints"), QJsonArray::fromStringList(r.endpoints));
    o.insert(QStringLiteral("context_length"), r.contextLength);
    o.insert(QStringLiteral("capacity"), r.capacity);
    o.insert(QStringLiteral("status"), registry::statusName(r.status));
    o.insert(QStringLiteral("served"), served);
    o.insert(QStringLiteral("notes"), TableWriter::jsonValue(textOrNull(r.notes)));
    o.insert(QStringLiteral("created"), TableWriter::jsonValue(r.created));
    o.insert(QStringLiteral("updated"), TableWriter::jsonValue(r.updated));
    o.insert(QStringLiteral("updated_by"), r.updatedBy);
    return o;
}

void writeRecords(QTextStream &out, const QList<ModelRecord> &shown, const QList<ModelRecord> &all, TableWriter::Format format)
{
    if (format != TableWriter::Format::Table) {
        QList<QJsonObject> objects;
        for (const auto &r : shown)
            objects.append(recordJson(r, isServed(all, r)));
        TableWriter::writeJsonObjects(out, objects, format);
        return;
    }
    TableWriter table({QStringLiteral("name"), QStringLiteral("version"), QStringLiteral("kind"), QStringLiteral("status"),
                       QStringLiteral("served"), QStringLiteral("endpoints"), QStringLiteral("context_length"), QStringLiteral("capacity"),
                       QStringLiteral("updated"), QStringLiteral("updated_by"), QStringLiteral("notes")});
    for (const auto &r : shown) {
        table.addRow({r.name, r.version, r.kind, registry::statusName(r.status), isServed(all, r) ? QStringLiteral("yes") : QStringLiteral("no"),
                      r.endpoints.join(QLatin1Char(',')), r.contextLength == 0 ? QVariant() : QVariant(r.contextLength), r.capacity, r.updated,
                      r.updatedBy, textOrNull(QString(r.notes).replace(QLatin1Char('\n'), QLatin1Char(' ')))});
    }
    table.writeTable(out);
}

// Exit code for a failed registry call: bad input 2, storage 1.
int reportError(const QString &command, const Error &error, QTextStream &err)
{
    if (error.code == QLatin1String("invalid")) {
        err << "perimeterctl " << command << ": refused, nothing was changed:\n";
        for (const auto &p : error.message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            err << "  " << p << '\n';
        return 2;
    }
    err << "perimeterctl " << command << ": " << error.message << '\n';
    return error.code == QLatin1String("not_found") ? 2 : 1;
}

// "--endpoint a,b --endpoint c" -> a, b, c
QStringList endpointList(const QStringList &values)
{
    QStringList ids;
    for (const auto &v : values) {
        for (const auto &id : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
            ids.append(id.trimmed());
    }
    return ids;
}

struct FieldOptions {
    QCommandLineOption version{QStringLiteral("version"), QString(), QStringLiteral("V")};
    QCommandLineOption kind{QStringLiteral("kind"), QString(), QStringLiteral("K")};
    QCommandLineOption endpoint{QStringLiteral("endpoint"), QString(), QStringLiteral("ID")};
    QCommandLineOption contextLength{QStringLiteral("context-length"), QString(), QStringLiteral("N")};
    QCommandLineOption capacity{QStringLiteral("capacity"), QString(), QStringLiteral("N")};
    QCommandLineOption status{QStringLiteral("status"), QString(), QStringLiteral("S")};
    QCommandLineOption notes{QStringLiteral("notes"), QString(), QStringLiteral("TEXT")};
    QCommandLineOption comment{QStringLiteral("comment"), QString(), QStringLiteral("TEXT")};
    QCommandLineOption actor{QStringLiteral("actor"), QString(), QStringLiteral("WHO")};

    QList<QCommandLineOption> all() const { return {version, kind, endpoint, contextLength, capacity, status, notes, comment, actor}; }
};

// Reads an integer option; a malformed value is a usage problem named after the option.
std::optional<int> intOption(const QCommandLineParser &parser, const QCommandLineOption &option, QStringList &problems)
{
    if (!parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const int value = parser.value(option).trimmed().toInt(&ok);
    if (!ok) {
        problems.append(QStringLiteral("--%1: \"%2\" is not a whole number").arg(option.names().first(), parser.value(option)));
        return std::nullopt;
    }
    return value;
}

// The version NAME means when --version is left out: the only version, or the only one in
// service. Sets an error message otherwise.
std::optional<QString> resolveVersion(const QList<ModelRecord> &records, const QString &name, QString &error)
{
    QStringList all;
    QStringList inService;
    for (const auto &r : records) {
        if (r.name != name)
            continue;
        all.append(r.version);
        if (r.status != ModelStatus::Retired)
            inService.append(r.version);
    }
    if (all.isEmpty()) {
        error = QStringLiteral("no model named %1 is registered").arg(name);
        return std::nullopt;
    }
    if (all.size() == 1)
        return all.first();
    if (inService.size() == 1)
        return inService.first();
    error = QStringLiteral("%1 has versions %2; choose one with --version").arg(name, all.join(QStringLiteral(", ")));
    return std::nullopt;
}

void confirm(QTextStream &out, const QString &what, const ModelRecord &r, const QList<ModelRecord> &all, TableWriter::Format format)
{
    if (format != TableWriter::Format::Table) {
        TableWriter::writeJsonObjects(out, {recordJson(r, isServed(all, r))}, TableWriter::Format::Jsonl);
        return;
    }
    out << what << ' ' << r.name << " version " << r.version << " (" << registry::statusName(r.status) << ", "
        << (isServed(all, r) ? "served" : "not served") << ")\n"
        << "A running gateway applies registry changes within about a second; no restart needed.\n";
}

} // namespace

QString RegistryCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl registry SUBCOMMAND [OPTIONS]\n"
        "\n"
        "The on-prem model registry (<data_dir>/registry.db), seeded from the config's models.\n"
        "Subcommands:\n"
        "  list [--status S]                               every registered model version\n"
        "  show NAME [--version V]                         one model's versions in full\n"
        "  add NAME --version V --kind K --endpoint ID     register a model version\n"
        "  edit NAME [--version V] [--capacity N] ...      change fields of a version\n"
        "  retire NAME [--version V]                       stop serving a version\n"
        "  history [NAME] [--version V]                    every change, oldest first\n"
        "All take --format table|json|jsonl; 'registry SUBCOMMAND --help' for details.\n");
}

int RegistryCommand::run(const config::Config &config, registry::ModelRegistry &registry, const QStringList &args, QTextStream &out,
                         QTextStream &err)
{
    Context context{config, registry};
    return dispatchSubcommand<Context>("registry",
                                       {{"list", &RegistryCommand::list},
                                        {"show", &RegistryCommand::show},
                                        {"add", &RegistryCommand::add},
                                        {"edit", &RegistryCommand::edit},
                                        {"retire", &RegistryCommand::retire},
                                        {"history", &RegistryCommand::history}},
                                       usage(), context, args, out, err);
}

int RegistryCommand::list(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QCommandLineOption status(QStringLiteral("status"), QString(), QStringLiteral("S"));
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("registry list"), kListUsage, {status}, args, out, err))
        return *rc;
    if (!parser.positionalArguments().isEmpty()) {
        err << "perimeterctl registry list: unexpected argument '" << parser.positionalArguments().first() << "'\n\n" << kListUsage;
        return 2;
    }
    std::optional<ModelStatus> only;
    if (parser.isSet(status)) {
        only = registry::parseStatus(parser.value(status));
        if (!only) {
            err << "perimeterctl registry list: --status must be active, draining or retired\n\n" << kListUsage;
            return 2;
        }
    }
    auto records = context.registry.list();
    if (!records.ok())
        return reportError(QStringLiteral("registry list"), records.error(), err);
    QList<ModelRecord> shown;
    for (const auto &r : records.value()) {
        if (!only || r.status == *only)
            shown.append(r);
    }
    writeRecords(out, shown, records.value(), CommandOptions::format(parser));
    return 0;
}

int RegistryCommand::show(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
{
    FieldOptions o;
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("registry show"), kShowUsage, {o.version}, args, out, err))
        return *rc;
    if (parser.positionalArguments().size() != 1) {
        err << "perimeterctl registry show: expected exactly one model name\n\n" << kShowUsage;
        return 2;
    }
    const QString name = parser.positionalArguments().first();
    auto records = context.registry.list();
    if (!records.ok())
        return reportError(QStringLiteral("registry show"), records.error(), err);
    QList<ModelRecord> shown;
    for (const auto &r : records.value()) {
        if (r.name == name && (!parser.isSet(o.version) || r.version == parser.value(o.version)))
            shown.append(r);
    }
    if (shown.isEmpty()) {
        err << "perimeterctl registry show: "
            << (parser.isSet(o.version) ? QStringLiteral("%1 version %2 is not registered").arg(name, parser.value(o.version))
                                        : QStringLiteral("no model named %1 is registered").arg(name))
            << '\n';
        return 2;
    }
    const auto format = CommandOptions::format(parser);
    if (format != TableWriter::Format::Table) {
        writeRecords(out, shown, records.value(), format);
        return 0;
    }
    bool first = true;
    for (const auto &r : shown) {
        if (!first)
            out << '\n';
        first = false;
        out << "name:            " << r.name << '\n'
            << "version:         " << r.version << '\n'
            << "kind:            " << r.kind << '\n'
            << "status:          " << registry::statusName(r.status) << (isServed(records.value(), r) ? " (served)" : " (not served)") << '\n'
            << "endpoints:       " << r.endpoints.join(QStringLiteral(", ")) << '\n'
            << "context length:  " << (r.contextLength == 0 ? QStringLiteral("-") : QString::number(r.contextLength)) << '\n'
            << "capacity:        " << r.capacity << '\n'
            << "created:         " << TableWriter::cellText(r.created) << '\n'
            << "updated:         " << TableWriter::cellText(r.updated) << " by " << r.updatedBy << '\n'
            << "notes:           " << (r.notes.isEmpty() ? QStringLiteral("-") : r.notes) << '\n';
    }
    return 0;
}

int RegistryCommand::add(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
{
    FieldOptions o;
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("registry add"), kAddUsage, o.all(), args, out, err, {QStringLiteral("endpoint")}))
        return *rc;
    QStringList usageProblems;
    if (parser.positionalArguments().size() != 1)
        usageProblems.append(QStringLiteral("expected exactly one model name"));
    if (!parser.isSet(o.version))
        usageProblems.append(QStringLiteral("--version is required"));
    if (!parser.isSet(o.kind))
        usageProblems.append(QStringLiteral("--kind is required"));
    if (!parser.isSet(o.endpoint))
        usageProblems.append(QStringLiteral("--endpoint is required"));
    ModelRecord record;
    record.name = parser.positionalArguments().value(0);
    record.version = parser.value(o.version);
    record.kind = parser.value(o.kind);
    record.endpoints = endpointList(parser.values(o.endpoint));
    record.notes = parser.value(o.notes);
    record.contextLength = intOption(parser, o.contextLength, usageProblems).value_or(0);
    if (const auto capacity = intOption(parser, o.capacity, usageProblems)) {
        record.capacity = *capacity;
    } else if (!parser.isSet(o.capacity)) {
        for (const auto &id : record.endpoints) {
            if (const auto *e = context.config.endpoint(id); e && e->tier == Tier::OnPrem)
                record.capacity += e->capacity;
        }
    }
    if (parser.isSet(o.status)) {
        const auto status = registry::parseStatus(parser.value(o.status));
        if (!status || *status == ModelStatus::Retired)
            usageProblems.append(QStringLiteral("--status must be active or draining"));
        else
            record.status = *status;
    }
    if (!usageProblems.isEmpty()) {
        err << "perimeterctl registry add: " << usageProblems.join(QStringLiteral("; ")) << "\n\n" << kAddUsage;
        return 2;
    }
    const QString actor = parser.isSet(o.actor) ? parser.value(o.actor) : defaultActor();
    auto added = context.registry.add(context.config, record, actor, parser.value(o.comment));
    if (!added.ok())
        return reportError(QStringLiteral("registry add"), added.error(), err);
    auto records = context.registry.list();
    confirm(out, QStringLiteral("registered"), added.value(), records.ok() ? records.value() : QList<ModelRecord>{added.value()}, CommandOptions::format(parser));
    return 0;
}

int RegistryCommand::edit(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
{
    FieldOptions o;
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("registry edit"), kEditUsage, o.all(), args, out, err, {QStringLiteral("endpoint")}))
        return *rc;
    QStringList usageProblems;
    if (parser.positionalArguments().size() != 1)
        usageProblems.append(QStringLiteral("expected exactly one model name"));
    registry::ModelPatch patch;
    if (parser.isSet(o.kind))
        patch.kind = parser.value(o.kind);
    if (parser.isSet(o.endpoint))
        patch.endpoints = endpointList(parser.values(o.endpoint));
    if (parser.isSet(o.notes))
        patch.notes = parser.value(o.notes);
    patch.contextLength = intOption(parser, o.contextLength, usageProblems);
    patch.capacity = intOption(parser, o.capacity, usageProblems);
    if (parser.isSet(o.status)) {
        patch.status = registry::parseStatus(parser.value(o.status));
        if (!patch.status)
            usageProblems.append(QStringLiteral("--status must be active, draining or retired"));
    }
    if (usageProblems.isEmpty() && patch.isEmpty())
        usageProblems.append(QStringLiteral("nothing to change: give at least one of --kind, --endpoint, --context-length, --capacity, --status, --notes"));
    if (!usageProblems.isEmpty()) {
        err << "perimeterctl registry edit: " << usageProblems.join(QStringLiteral("; ")) << "\n\n" << kEditUsage;
        return 2;
    }
    const QString name = parser.positionalArguments().first();
    auto records = context.registry.list();
    if (!records.ok())
        return reportError(QStringLiteral("registry edit"), records.error(), err);
    QString version = parser.value(o.version);
    if (!parser.isSet(o.version)) {
        QString error;
        const auto resolved = resolveVersion(records.value(), name, error);
        if (!resolved) {
            err << "perimeterctl registry edit: " << error << '\n';
            return 2;
        }
        version = *resolved;
    }
    const QString actor = parser.isSet(o.actor) ? parser.value(o.actor) : defaultActor();
    auto edited = context.registry.edit(context.config, name, version, patch, actor, parser.value(o.comment));
    if (!edited.ok())
        return reportError(QStringLiteral("registry edit"), edited.error(), err);
    auto after = context.registry.list();
    confirm(out, QStringLiteral("updated"), edited.value(), after.ok() ? after.value() : QList<ModelRecord>{edited.value()}, CommandOptions::format(parser));
    return 0;
}

int RegistryCommand::retire(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
{
    FieldOptions o;
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("registry retire"), kRetireUsage, {o.version, o.comment, o.actor}, args, out, err))
        return *rc;
    if (parser.positionalArguments().size() != 1) {
        err << "perimeterctl registry retire: expected exactly one model name\n\n" << kRetireUsage;
        return 2;
    }
    const QString name = parser.positionalArguments().first();
    auto records = context.registry.list();
    if (!records.ok())
        return reportError(QStringLiteral("registry retire"), records.error(), err);
    QString version = parser.value(o.version);
    if (!parser.isSet(o.version)) {
        QString error;
        const auto resolved = resolveVersion(records.value(), name, error);
        if (!resolved) {
            err << "perimeterctl registry retire: " << error << '\n';
            return 2;
        }
        version = *resolved;
    }
    const QString actor = parser.isSet(o.actor) ? parser.value(o.actor) : defaultActor();
    auto retired = context.registry.retire(context.config, name, version, actor, parser.value(o.comment));
    if (!retired.ok())
        return reportError(QStringLiteral("registry retire"), retired.error(), err);
    auto after = context.registry.list();
    confirm(out, QStringLiteral("retired"), retired.value(), after.ok() ? after.value() : QList<ModelRecord>{retired.value()}, CommandOptions::format(parser));
    return 0;
}

int RegistryCommand::history(Context &context, const QStringList &args, QTextStream &out, QTextStream &err)
{
    FieldOptions o;
    QCommandLineParser parser;
    if (auto rc = CommandOptions::parse(parser, QStringLiteral("registry history"), kHistoryUsage, {o.version}, args, out, err))
        return *rc;
    if (parser.positionalArguments().size() > 1) {
        err << "perimeterctl registry history: expected at most one model name\n\n" << kHistoryUsage;
        return 2;
    }
    const QString name = parser.positionalArguments().value(0);
    if (parser.isSet(o.version) && name.isEmpty()) {
        err << "perimeterctl registry history: --version needs a model name\n\n" << kHistoryUsage;
        return 2;
    }
    auto entries = context.registry.history(name, parser.value(o.version));
    if (!entries.ok())
        return reportError(QStringLiteral("registry history"), entries.error(), err);
    const auto format = CommandOptions::format(parser);
    if (format != TableWriter::Format::Table) {
        QList<QJsonObject> objects;
        for (const auto &e : entries.value()) {
            QJsonObject j;
            j.insert(QStringLiteral("sequence"), e.sequence);
            j.insert(QStringLiteral("at"), TableWriter::jsonValue(e.at));
            j.insert(QStringLiteral("actor"), e.actor);
            j.insert(QStringLiteral("action"), e.action);
            j.insert(QStringLiteral("name"), e.name);
            j.insert(QStringLiteral("version"), e.version);
            j.insert(QStringLiteral("changed"), QJsonArray::fromStringList(e.changedFields()));
            j.insert(QStringLiteral("before"), e.before.isEmpty() ? QJsonValue() : QJsonValue(QJsonDocument::fromJson(e.before).object()));
            j.insert(QStringLiteral("after"), QJsonDocument::fromJson(e.after).object());
            j.insert(QStringLiteral("comment"), TableWriter::jsonValue(textOrNull(e.comment)));
            objects.append(j);
        }
        TableWriter::writeJsonObjects(out, objects, format);
        return 0;
    }
    TableWriter table({QStringLiteral("seq"), QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("action"), QStringLiteral("name"),
                       QStringLiteral("version"), QStringLiteral("change"), QStringLiteral("comment")});
    for (const auto &e : entries.value())
        table.addRow({e.sequence, e.at, e.actor, e.action, e.name, e.version, e.changeSummary(), textOrNull(e.comment)});
    table.writeTable(out);
    return 0;
}

} // namespace perimeter::cli
