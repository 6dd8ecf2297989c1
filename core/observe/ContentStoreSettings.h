// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>

namespace perimeter::observe {

// The config's "content_store" object (off by default): request and response content of
// on-prem requests kept encrypted in <data_dir>/content.db (ContentStore).
struct ContentStoreSettings {
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024;

    bool enabled = false;
    QString keyFile;               // absolute; 32 raw bytes, mode 0600 (perimeterctl content keygen)
    int retentionDays = 30;        // records older than this are deleted
    qint64 maxBytes = kDefaultMaxBytes; // per direction: longer content is cut and marked truncated
};

} // namespace perimeter::observe
