// SPDX-License-Identifier: Apache-2.0
#include "StorageServices.h"
#include "AuditRetentionWorker.h"
#include "ContentStore.h"
#include "SqliteAuditStore.h"

namespace perimeter::observe {

StorageServices::~StorageServices() = default;

Result<std::unique_ptr<StorageServices>> StorageServices::start(SqliteAuditStore &audit, const Settings &settings)
{
    std::unique_ptr<StorageServices> services(new StorageServices());
    if (settings.content.enabled) {
        auto content = ContentStore::open(settings.dataDir, settings.content);
        if (!content)
            return Error{content.error().code, QStringLiteral("/content_store: %1").arg(content.error().message)};
        services->m_content = std::move(content).value();
    }
    if (settings.retention.enabled())
        services->m_retention = std::make_unique<AuditRetentionWorker>(audit, settings.retention);
    if (settings.measuredVolume.enabled)
        services->m_volume = std::make_unique<MeasuredVolumeWorker>(audit, settings.measuredVolume);
    return services;
}

} // namespace perimeter::observe
