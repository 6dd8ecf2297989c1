// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "routing/EndpointState.h"
#include <QElapsedTimer>
#include <QHash>
#include <QList>

namespace perimeter::observe { class AuditStore; class MetricsRegistry; class RemoteSink; class AlertEvaluator; }
namespace perimeter::observe { class ContentStore; class MeasuredVolumeWorker; }
namespace perimeter::auth { class ApiKeyAuthenticator; }
namespace perimeter::upstream { class UpstreamClient; }
namespace perimeter::routing { class WaitQueue; }

namespace perimeter::gateway {

class RoutingMetrics;

// The long-lived services the stages share, all owned by the Gateway and used only on its
// thread (the audit store and authenticator are themselves thread-safe).
struct GatewayContext {
    observe::AuditStore *audit = nullptr;
    observe::MetricsRegistry *metrics = nullptr;
    const auth::ApiKeyAuthenticator *authenticator = nullptr;
    upstream::UpstreamClient *upstream = nullptr;
    QHash<QString, routing::EndpointState> endpoints;
    routing::WaitQueue *queue = nullptr;          // requests waiting for endpoint capacity
    RoutingMetrics *routingMetrics = nullptr;
    QList<observe::RemoteSink *> sinks;          // fed by the record finalizer (sanitized lines)
    observe::AlertEvaluator *alerts = nullptr;    // fed by the record finalizer
    observe::ContentStore *content = nullptr;     // on-prem content (content_store); null when off
    const observe::MeasuredVolumeWorker *measuredVolume = nullptr; // audit-measured on-prem volume; null when off
    QElapsedTimer monotonic;
    quint64 requestsTotal = 0;
    quint64 auditDropped = 0;

    qint64 nowMs() const { return monotonic.elapsed(); }
};

} // namespace perimeter::gateway
