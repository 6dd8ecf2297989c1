// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::observe {
struct ContentStoreSettings;
}

namespace perimeter::cli {

// `perimeterctl content SUBCOMMAND ...` for the optional on-prem content store:
//   content keygen FILE                     a new AES-256 key file (mode 0600, never overwritten)
//   content show REQUEST_ID [--key-file F] [--format table|json]
// keygen needs no configuration; show reads <data_dir>/content.db with the configured key.
class ContentCommand {
public:
    static int keygen(const QStringList &args, QTextStream &out, QTextStream &err);
    static int show(const QString &dataDir, const observe::ContentStoreSettings &settings, const QStringList &args,
                    QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace perimeter::cli
