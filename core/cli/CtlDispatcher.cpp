// SPDX-License-Identifier: Apache-2.0
#include "CtlDispatcher.h"
#include "AuditCommand.h"
#include "AuditReviewCommand.h"
#include "ClassifyCommand.h"
#include "ContentCommand.h"
#include "KeysCommand.h"
#include "PolicyCommand.h"
#include "RegistryCommand.h"
#include "ReportCommand.h"
#include "PolicySimulateCommand.h"
#include "auth/ApiKeyStore.h"
#include "config/ConfigLoader.h"
#include "config/DefaultConfigLocator.h"
#include "observe/SqliteAuditStore.h"
#include "policy/PolicyLoader.h"
#include "registry/ModelRegistry.h"
#include <QTextStream>

namespace perimeter::cli {

namespace {

void printConfigProblems(const Error &error, QTextStream &err)
{
    err << "perimeterctl: configuration refused:\n";
    for (const auto &p : config::ConfigLoader::problems(error))
        err << "  " << p << '\n';
}

} // namespace

QString CtlDispatcher::usage()
{
    return QStringLiteral(
        "usage: perimeterctl [--config FILE] SUBCOMMAND [ARGS]\n"
        "\n"
        "Subcommands:\n"
        "  classify [--jsonl] [FILE|-]     classify text or an OpenAI request body\n"
        "  policy validate [FILE] | show   check or show the policy\n"
        "  policy simulate [options] [FILE]  explain the decision for a payload (dry run)\n"
        "  audit list [filters]            print audit records (see 'audit --help')\n"
        "  audit show REQUEST_ID           one record and its decision trace\n"
        "  audit verify [--archive DIR]    check the audit trail's hash chain\n"
        "  audit archive --before T        archive and remove old audit records (retention)\n"
        "  audit review REQUEST_ID --status reviewed|flagged [--comment T]   record a verdict\n"
        "  report cost|audit               cost per team/caller/model/tier; audit summary\n"
        "  keys create|list|revoke         manage caller API keys\n"
        "  content keygen FILE | show ID   the encrypted on-prem content store\n"
        "  registry list|show|add|edit|retire|history   the on-prem model registry\n"
        "\n"
        "--config FILE defaults to the demo configuration ($PERIMETER_CONFIG overrides).\n"
        "Exit codes: 0 success, 2 bad usage or input, 1 runtime failure.\n");
}

int CtlDispatcher::run(const QStringList &arguments, QTextStream &out, QTextStream &err, QIODevice &in)
{
    QStringList args;
    QString configPath;
    bool configGiven = false;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--config")) {
            if (i + 1 >= arguments.size()) {
                err << "perimeterctl: --config needs a file\n";
                return 2;
            }
            configPath = arguments.at(++i);
            configGiven = true;
        } else if (a.startsWith(QLatin1String("--config="))) {
            configPath = a.mid(9);
            configGiven = true;
        } else {
            args.append(a);
        }
    }
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
        (args.isEmpty() ? err : out) << usage();
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version") || args.first() == QLatin1String("-v")) {
        out << "perimeterctl " << PERIMETER_VERSION << '\n';
        return 0;
    }
    const QString subcommand = args.takeFirst();
    if (!configGiven)
        configPath = config::DefaultConfigLocator::defaultConfigPath();

    if (subcommand == QLatin1String("classify")) {
        // Without --config the default policy applies (CONTRACTS.md), so classification works
        // on a machine with no configuration at all.
        Result<std::shared_ptr<const policy::Policy>> policy = policy::PolicyLoader::defaults();
        if (configGiven) {
            auto config = config::ConfigLoader::loadFile(configPath);
            if (!config.ok()) {
                printConfigProblems(config.error(), err);
                return 2;
            }
            if (!config.value().policyPath.isEmpty())
                policy = policy::PolicyLoader::loadFile(config.value().policyPath);
        }
        if (!policy.ok()) {
            printConfigProblems(policy.error(), err);
            return 2;
        }
        return ClassifyCommand::run(*policy.value()->classifier(), args, out, err, in);
    }

    // A key is made before any configuration names it.
    if (subcommand == QLatin1String("content") && !args.isEmpty() && args.first() == QLatin1String("keygen"))
        return ContentCommand::keygen(args.mid(1), out, err);
    if (subcommand == QLatin1String("content") && (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h"))) {
        (args.isEmpty() ? err : out) << ContentCommand::usage();
        return args.isEmpty() ? 2 : 0;
    }

    auto config = config::ConfigLoader::loadFile(configPath);
    if (!config.ok()) {
        printConfigProblems(config.error(), err);
        return 2;
    }
    if (subcommand == QLatin1String("content")) {
        if (args.first() != QLatin1String("show")) {
            err << "perimeterctl content: unknown subcommand '" << args.first() << "'\n\n" << ContentCommand::usage();
            return 2;
        }
        return ContentCommand::show(config.value().dataDir, config.value().contentStore, args.mid(1), out, err);
    }
    if (subcommand == QLatin1String("policy") && !args.isEmpty() && args.first() == QLatin1String("simulate"))
        return PolicySimulateCommand::run(config.value(), args.mid(1), out, err, in);
    if (subcommand == QLatin1String("policy"))
        return PolicyCommand::run(config.value().policyPath, args, out, err);
    if (subcommand == QLatin1String("audit")) {
        auto store = observe::SqliteAuditStore::open(config.value().dataDir, 1024);
        if (!store.ok()) {
            err << "perimeterctl: " << store.error().message << '\n';
            return 1;
        }
        if (!args.isEmpty() && args.first() == QLatin1String("review"))
            return AuditReviewCommand::run(config.value().dataDir, *store.value(), AuditReviewCommand::currentUser(), args.mid(1), out, err);
        return AuditCommand::run(*store.value(), config.value().retention, args, out, err);
    }
    if (subcommand == QLatin1String("report")) {
        auto store = observe::SqliteAuditStore::open(config.value().dataDir, 1024);
        if (!store.ok()) {
            err << "perimeterctl: " << store.error().message << '\n';
            return 1;
        }
        return ReportCommand::run(*store.value(), &config.value().costs, args, out, err);
    }
    if (subcommand == QLatin1String("registry")) {
        auto models = registry::ModelRegistry::open(config.value(), QStringLiteral("perimeterctl (seed)"));
        if (!models.ok()) {
            err << "perimeterctl: " << models.error().message << '\n';
            return 1;
        }
        return RegistryCommand::run(config.value(), *models.value(), args, out, err);
    }
    if (subcommand == QLatin1String("keys")) {
        auto store = auth::ApiKeyStore::open(config.value().dataDir);
        if (!store.ok()) {
            err << "perimeterctl: " << store.error().message << '\n';
            return 1;
        }
        return KeysCommand::run(*store.value(), args, out, err);
    }
    err << "perimeterctl: unknown subcommand '" << subcommand << "'\n\n" << usage();
    return 2;
}

} // namespace perimeter::cli
