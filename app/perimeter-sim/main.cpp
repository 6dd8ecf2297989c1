// SPDX-License-Identifier: Apache-2.0
// perimeter-sim: a simulated OpenAI-compatible model server (argument parsing and wiring only).
#include "sim/SimOptions.h"
#include "sim/SimServer.h"
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFds[2] = {-1, -1};

// Only async-signal-safe work here: the event loop picks the byte up and quits.
void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

bool installSignalHandlers(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalFds[1], &byte, 1);
        QCoreApplication::exit(0);
    });
    struct sigaction action {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("perimeter-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERIMETER_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulated OpenAI-compatible model server for demos, tests and benchmarks.\n"
                       "Every answer is labelled simulated. Control endpoints: GET /__sim/received, "
                       "POST /__sim/reset, GET|POST /__sim/config, GET /__sim/stats."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    perimeter::sim::SimOptions::addToParser(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "perimeter-sim: %s\nTry --help.\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();

    auto options = perimeter::sim::SimOptions::fromParser(parser);
    if (!options) {
        std::fprintf(stderr, "perimeter-sim: %s\n", qPrintable(options.error().message));
        return 2;
    }

    perimeter::sim::SimServer server(std::move(options).value());
    if (const auto started = server.start(); !started) {
        std::fprintf(stderr, "perimeter-sim: %s\n", qPrintable(started.error().message));
        return 1;
    }
    if (!installSignalHandlers(app)) {
        std::fprintf(stderr, "perimeter-sim: cannot install signal handlers\n");
        return 1;
    }
    std::printf("perimeter-sim %s listening on %s\n", qPrintable(server.options().name), qPrintable(server.url()));
    std::fflush(stdout);
    return app.exec();
}
