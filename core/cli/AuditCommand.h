// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::observe {
class AuditStore;
struct RetentionSettings;
}

namespace perimeter::cli {

// `perimeterctl audit SUBCOMMAND ...`; args are what follows "audit" (CtlDispatcher strips
// the program name and --config). Sub-subcommands are looked up in one table in the .cpp so
// that `audit verify` and friends plug in beside `list`.
class AuditCommand {
public:
    static int run(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    // With the config's retention settings: `audit archive` defaults to their archive_dir.
    static int run(observe::AuditStore &store, const observe::RetentionSettings &retention, const QStringList &args,
                   QTextStream &out, QTextStream &err);
    static QString usage();

private:
    // audit list [--from T] [--to T] [--caller C] [--tier onprem|cloud]
    //            [--decision routed|rejected|failed] [--request-id ID] [--limit N]
    //            [--format table|json|jsonl]
    static int list(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    // audit verify [--format table|json|jsonl]: exit 0 when the whole chain verifies, 1 naming
    // the first bad record (or when the store cannot be read).
    static int verify(observe::AuditStore &store, const QStringList &args, QTextStream &out, QTextStream &err);
    // audit archive --before T [--archive-dir DIR] [--format table|json|jsonl]: retention by
    // hand (AuditArchiver); exit 0 also when nothing was old enough.
    static int archive(observe::AuditStore &store, const QString &defaultArchiveDir, const QStringList &args,
                       QTextStream &out, QTextStream &err);
};

} // namespace perimeter::cli
