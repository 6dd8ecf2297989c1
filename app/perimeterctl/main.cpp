// SPDX-License-Identifier: Apache-2.0
// perimeterctl: the admin CLI. Wiring only; the commands live in core/cli.
#include "cli/CtlDispatcher.h"
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <memory>
#ifdef PERIMETER_HAVE_PDF_REPORTS
#include "report/PdfReportWriter.h"
#include "report/ReportRendererRegistry.h"
#include <QGuiApplication>
#endif

namespace {

// Only a PDF report needs Qt Gui (fonts for the layout); every other command stays a plain
// QCoreApplication, so it starts fast and never touches a display or the runtime dir.
[[maybe_unused]] bool wantsPdf(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--format=pdf" || (arg == "--format" && i + 1 < argc && QByteArray(argv[i + 1]) == "pdf"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef PERIMETER_HAVE_PDF_REPORTS
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        // A CLI never shows a window: the offscreen platform serves with or without a display
        // (an explicit choice still wins).
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
        perimeter::report::ReportRendererRegistry::instance().add(std::make_shared<perimeter::ui::PdfReportWriter>());
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("perimeterctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PERIMETER_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return 1;
    const int rc = perimeter::cli::CtlDispatcher::run(QCoreApplication::arguments().mid(1), out, err, in);
    out.flush();
    err.flush();
    return rc;
}
