// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ContentStoreSettings.h"
#include "MeasuredVolume.h"
#include "RetentionSettings.h"
#include "common/Result.h"
#include <memory>

namespace perimeter::observe {

class AuditRetentionWorker;
class ContentStore;
class SqliteAuditStore;

// The gateway's background services around its stored data, each on a thread of its own and
// each off unless configured: audit retention (AuditRetentionWorker), the encrypted on-prem
// content store (ContentStore) and the measured on-prem volume for the blended rate
// (MeasuredVolumeWorker). The audit store must outlive this.
class StorageServices {
public:
    struct Settings {
        QString dataDir;
        RetentionSettings retention;
        ContentStoreSettings content;
        MeasuredVolumeSettings measuredVolume;
    };

    // Fails (and the gateway does not start) when the content store is enabled but its key
    // or database cannot be used: content is never kept unencrypted.
    static Result<std::unique_ptr<StorageServices>> start(SqliteAuditStore &audit, const Settings &settings);
    ~StorageServices();

    ContentStore *content() const { return m_content.get(); }                 // null when off
    const MeasuredVolumeWorker *measuredVolume() const { return m_volume.get(); } // null when off

private:
    StorageServices() = default;
    std::unique_ptr<AuditRetentionWorker> m_retention;
    std::unique_ptr<ContentStore> m_content;
    std::unique_ptr<MeasuredVolumeWorker> m_volume;
};

} // namespace perimeter::observe
