// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditStore.h"

namespace perimeter::observe {

class SqliteAuditStore;

struct ArchiveVerification {
    ChainVerification chain;   // over archives and live records as one chain; recordsChecked counts both
    int archiveFiles = 0;
    qint64 archivedRecords = 0;
    qint64 liveRecords = 0;
    QString badFile;           // the archive file holding the first bad record, "" when live or ok
    qint64 badLine = 0;        // 1-based line in badFile (the manifest is line 1)
};

// Checks the archives written by AuditArchiver and the live trail as one chain: the first
// archive starts at genesis, every archive continues the one before it, every record matches
// its hash, every manifest matches its records, every chain anchor of the live store names an
// archive that is present and agrees with it, and the live chain starts at the last archive's
// anchor. Reports the first problem with the file, line and record id. Blocking.
class AuditArchiveVerifier {
public:
    static Result<ArchiveVerification> verify(const SqliteAuditStore &store, const QString &archiveDir);
};

} // namespace perimeter::observe
