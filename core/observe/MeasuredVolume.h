// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QDateTime>
#include <QHash>
#include <QString>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace perimeter::observe {

class AuditStore;

// The config's costs/onprem/measured_volume: price on-prem tokens with the volume the cluster
// actually served (from the audit trail) instead of the configured tokens_per_month.
struct MeasuredVolumeSettings {
    bool enabled = false;
    int windowDays = 30;          // rolling window
    int minDays = 7;              // until the trail covers this much of the window, the configured figure applies
    int recomputeMinutes = 60;
};

// On-prem tokens served, scaled to a mean month (CostModel::kSecondsPerMonth):
//   covered      = now - max(now - window, ts of the oldest record in the trail)
//   tokens/month = (tokens_in + tokens_out of on-prem records in the window) / covered × month
// per on-prem endpoint and in total (key ""). sufficient is false while covered < minDays or
// no on-prem token was served: the rates then keep their configured volume.
struct MeasuredVolume {
    QDateTime computedAt;
    QDateTime windowStart;
    double coveredDays = 0.0;
    int minDays = 0;
    bool sufficient = false;
    qint64 tokensInWindow = 0;                       // all on-prem endpoints
    QHash<QString, double> tokensPerMonthByEndpoint; // "" = all on-prem endpoints

    // Blocking (a GROUP BY and a one-row query on the trail): a worker or the CLI, never the
    // gateway's event loop.
    static Result<MeasuredVolume> compute(const AuditStore &store, const QDateTime &now, const MeasuredVolumeSettings &settings);
};

// Recomputes the measured volume on a thread of its own every recomputeMinutes and hands the
// latest to the record finalizer through current() (a mutex around a shared pointer copy).
class MeasuredVolumeWorker {
public:
    MeasuredVolumeWorker(const AuditStore &store, MeasuredVolumeSettings settings);
    ~MeasuredVolumeWorker();

    MeasuredVolumeWorker(const MeasuredVolumeWorker &) = delete;
    MeasuredVolumeWorker &operator=(const MeasuredVolumeWorker &) = delete;

    // Null until the first computation finished.
    std::shared_ptr<const MeasuredVolume> current() const;

private:
    void loop();

    const AuditStore &m_store;
    const MeasuredVolumeSettings m_settings;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::shared_ptr<const MeasuredVolume> m_current;
    std::thread m_thread;
};

} // namespace perimeter::observe
