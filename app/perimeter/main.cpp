// SPDX-License-Identifier: Apache-2.0
// perimeter: the desktop console. Runs the gateway embedded and shows it.
#include "config/DefaultConfigLocator.h"
#include "report/PdfReportWriter.h"
#include "report/ReportRendererRegistry.h"
#include "service/GatewayService.h"
#include "ui/AppIcon.h"
#include "ui/MainWindow.h"
#include "ui/ScreenshotRunner.h"
#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <cstdio>

using namespace perimeter;

namespace {

void installTranslators(QApplication &app, const QLocale &locale)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    // Embedded by qt_add_translations under :/i18n.
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("perimeter"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Perimeter"));
    QCoreApplication::setApplicationName(QStringLiteral("perimeter"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERIMETER_VERSION));
    QApplication::setWindowIcon(ui::AppIcon::icon());
    // PDF audit reports need Qt Gui, which core/ may not use: the renderer is wired in here.
    report::ReportRendererRegistry::instance().add(std::make_shared<ui::PdfReportWriter>());

    QCommandLineParser parser;
    QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Gateway configuration (default: the last one used, else the demo)."),
                                    QStringLiteral("FILE"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("User interface language, e.g. de or en (default: the system locale)."),
                                  QStringLiteral("LANG"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot-dir"),
                                        QStringLiteral("Save a PNG of every screen into DIR once the gateway runs, then exit."), QStringLiteral("DIR"));
    parser.setApplicationDescription(QStringLiteral("Perimeter console: runs the hybrid model gateway embedded and shows it."));
    parser.addOption(configOption);
    parser.addOption(langOption);
    parser.addOption(screenshotOption);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "perimeter: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(versionOption)) {
        std::printf("perimeter %s\n", PERIMETER_VERSION);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "perimeter: unexpected argument %s\n", qPrintable(parser.positionalArguments().constFirst()));
        return 2;
    }

    installTranslators(app, parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale());

    QSettings settings;
    const bool firstRun = !settings.value(QStringLiteral("firstRunDone"), false).toBool();
    QString configPath;
    if (parser.isSet(configOption)) {
        configPath = QFileInfo(parser.value(configOption)).absoluteFilePath();
        if (!QFileInfo(configPath).isFile()) {
            std::fprintf(stderr, "perimeter: no such configuration file: %s\n", qPrintable(configPath));
            return 2;
        }
    } else {
        const QString last = settings.value(QStringLiteral("gateway/configPath")).toString();
        configPath = !firstRun && QFileInfo(last).isFile() ? last : config::DefaultConfigLocator::defaultConfigPath();
    }
    const bool demo = QFileInfo(configPath).canonicalFilePath() == QFileInfo(config::DefaultConfigLocator::defaultConfigPath()).canonicalFilePath();

    service::GatewayService service;
    ui::MainWindow window(&service);
    window.setConfigPath(configPath);
    if (firstRun && demo) {
        window.showBanner(QCoreApplication::translate("main", "Welcome to Perimeter. This first run uses the demo configuration: the gateway listens on "
                             "127.0.0.1:8080 and its two upstreams are simulated model servers (start them with "
                             "installer/dev-setup.sh run). Open your own configuration with --config FILE."));
    }
    const bool screenshots = parser.isSet(screenshotOption);
    if (!screenshots) {
        settings.setValue(QStringLiteral("firstRunDone"), true);
        settings.setValue(QStringLiteral("gateway/configPath"), configPath);
    }

    std::unique_ptr<ui::ScreenshotRunner> runner;
    if (screenshots) {
        window.resize(1280, 800);
        runner = std::make_unique<ui::ScreenshotRunner>(&window, &service, parser.value(screenshotOption));
        QObject::connect(runner.get(), &ui::ScreenshotRunner::finished, &app, [&runner](int code) {
            for (const auto &file : runner->savedFiles())
                std::printf("%s\n", qPrintable(file));
            QCoreApplication::exit(code);
        });
    }
    window.show();
    service.start(configPath);
    if (runner)
        runner->run();
    return app.exec();
}
