// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "routing/EndpointState.h"
#include <QElapsedTimer>
#include <QHash>

namespace perimeter::observe { class AuditStore; class MetricsRegistry; }
namespace perimeter::auth { class ApiKeyAuthenticator; }
namespace perimeter::upstream { class UpstreamClient; }

namespace perimeter::gateway {

// The long-lived services the stages share, all owned by the Gateway and used only on its
// thread (the audit store and authenticator are themselves thread-safe).
struct GatewayContext {
    observe::AuditStore *audit = nullptr;
    observe::MetricsRegistry *metrics = nullptr;
    const auth::ApiKeyAuthenticator *authenticator = nullptr;
    upstream::UpstreamClient *upstream = nullptr;
    QHash<QString, routing::EndpointState> endpoints;
    QElapsedTimer monotonic;
    quint64 requestsTotal = 0;
    quint64 auditDropped = 0;

    qint64 nowMs() const { return monotonic.elapsed(); }
};

} // namespace perimeter::gateway
