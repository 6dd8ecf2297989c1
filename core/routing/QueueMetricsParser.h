// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace perimeter::routing {

// Reads one gauge out of a Prometheus text exposition (what vLLM and llama.cpp serve on
// /metrics). Series of the same metric with different labels (vLLM labels by model_name)
// are summed. nullopt when the metric is absent or none of its values is a finite number.
class QueueMetricsParser {
public:
    static std::optional<double> gauge(QByteArrayView exposition, const QString &metric);
};

} // namespace perimeter::routing
