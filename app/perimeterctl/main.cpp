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

int main(int argc, char *argv[])
{
#ifdef PERIMETER_HAVE_PDF_REPORTS
    // PDF layout needs fonts, i.e. a QGuiApplication; a CLI never shows a window, so the
    // offscreen platform serves with or without a display (an explicit choice still wins).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    perimeter::report::ReportRendererRegistry::instance().add(std::make_shared<perimeter::ui::PdfReportWriter>());
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
