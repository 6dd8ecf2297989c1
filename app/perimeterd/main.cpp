// SPDX-License-Identifier: Apache-2.0
// perimeterd: the headless gateway. Parses arguments and wires the core; nothing else.
#include "config/ConfigLoader.h"
#include "config/DefaultConfigLocator.h"
#include "gateway/Gateway.h"
#include "gateway/GatewaySnapshotLoader.h"
#include "gateway/UnixSignalWatcher.h"
#include "observe/OperatorLog.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>
#include <cstdio>

using namespace perimeter;

Q_LOGGING_CATEGORY(lcDaemon, "perimeter.perimeterd")

namespace {

void printProblems(const Error &error)
{
    std::fprintf(stderr, "perimeterd: configuration refused:\n");
    for (const auto &p : config::ConfigLoader::problems(error))
        std::fprintf(stderr, "  %s\n", qPrintable(p));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("perimeterd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERIMETER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Perimeter hybrid model gateway (headless)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Configuration file (default: the demo configuration)."), QStringLiteral("FILE"));
    const QCommandLineOption checkOption(QStringLiteral("check-config"), QStringLiteral("Validate the configuration and policy, then exit (0 valid, 2 invalid)."));
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("Listen on this port instead of the configured one (0: any free port)."), QStringLiteral("PORT"));
    parser.addOptions({configOption, checkOption, portOption});
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "perimeterd: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "perimeterd: unexpected argument: %s\n", qPrintable(parser.positionalArguments().constFirst()));
        return 2;
    }
    const QString configPath = parser.isSet(configOption) ? parser.value(configOption) : config::DefaultConfigLocator::defaultConfigPath();
    std::optional<quint16> portOverride;
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535) {
            std::fprintf(stderr, "perimeterd: --port must be a number from 0 to 65535\n");
            return 2;
        }
        portOverride = quint16(port);
    }

    auto loadSnapshot = [&]() -> Result<std::shared_ptr<const gateway::GatewaySnapshot>> {
        auto config = config::ConfigLoader::loadFile(configPath);
        if (!config.ok())
            return config.error();
        if (portOverride)
            config.value().listen.port = *portOverride;
        return gateway::GatewaySnapshotLoader::fromConfig(std::move(config).value());
    };

    auto snapshot = loadSnapshot();
    if (!snapshot.ok()) {
        printProblems(snapshot.error());
        return 2;
    }
    if (parser.isSet(checkOption)) {
        std::fprintf(stdout, "%s: valid (policy version %s)\n", qPrintable(configPath), qPrintable(snapshot.value()->policy->version()));
        return 0;
    }

    // From here on every Qt log line of the process goes through the operator log (JSON or
    // text, stderr or file); the guard writes out what is queued on every way out.
    if (auto installed = observe::OperatorLog::install(snapshot.value()->config.logging); !installed.ok()) {
        std::fprintf(stderr, "perimeterd: %s\n", qPrintable(installed.error().message));
        return 1;
    }
    struct LogGuard {
        ~LogGuard() { observe::OperatorLog::uninstall(); }
    } logGuard;

    auto created = gateway::Gateway::create(snapshot.value());
    if (!created.ok()) {
        std::fprintf(stderr, "perimeterd: %s\n", qPrintable(created.error().message));
        return 1;
    }
    auto gateway = std::move(created).value();
    if (auto started = gateway->start(); !started.ok()) {
        std::fprintf(stderr, "perimeterd: %s\n", qPrintable(started.error().message));
        return 1;
    }

    gateway::UnixSignalWatcher signals;
    const int graceMs = snapshot.value()->config.drainGraceSeconds * 1000;
    QObject::connect(&signals, &gateway::UnixSignalWatcher::terminateRequested, gateway.get(), [&gateway, graceMs](int) { gateway->drain(graceMs); });
    // Loading compiles the policy (CPU work): done on the thread pool, applied on this thread.
    bool reloading = false;
    QObject::connect(&signals, &gateway::UnixSignalWatcher::reloadRequested, gateway.get(), [&]() {
        if (reloading)
            return;
        reloading = true;
        auto *watcher = new QFutureWatcher<Result<std::shared_ptr<const gateway::GatewaySnapshot>>>(gateway.get());
        QObject::connect(watcher, &QFutureWatcherBase::finished, gateway.get(), [&, watcher]() {
            watcher->deleteLater();
            reloading = false;
            auto next = watcher->result();
            if (next.ok()) {
                if (auto reloaded = gateway->reload(next.value()); !reloaded.ok())
                    next = reloaded.error();
            }
            // Through the operator log, so that a JSON log has these too (problems name JSON
            // pointers and credential names, never values).
            if (!next.ok()) {
                observe::OperatorLog::event(observe::OperatorLog::Level::Error, lcDaemon(), "reload_refused",
                                            {{QStringLiteral("problems"), QJsonArray::fromStringList(config::ConfigLoader::problems(next.error()))},
                                             {QStringLiteral("note"), QStringLiteral("the previous configuration stays in force")}});
                return;
            }
            observe::OperatorLog::event(observe::OperatorLog::Level::Info, lcDaemon(), "config_reloaded",
                                        {{QStringLiteral("policy_version"), next.value()->policy->version()}});
        });
        watcher->setFuture(QtConcurrent::run(loadSnapshot));
    });
    QObject::connect(gateway.get(), &gateway::Gateway::stopped, &app, [&app]() { app.exit(0); });

    if (!gateway->adminUrl().isEmpty())
        std::fprintf(stdout, "perimeterd admin API on %s\n", qPrintable(gateway->adminUrl()));
    std::fprintf(stdout, "perimeterd listening on %s (policy version %s)\n", qPrintable(gateway->listenUrl()),
                 qPrintable(snapshot.value()->policy->version()));
    std::fflush(stdout);
    const int rc = app.exec();
    gateway.reset();
    return rc;
}
