// SPDX-License-Identifier: Apache-2.0
// perimeterctl: the admin CLI. Wiring only; the commands live in core/cli.
#include "cli/CtlDispatcher.h"
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
