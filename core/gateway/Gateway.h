// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "DecisionSimulator.h"
#include "GatewayContext.h"
#include "GatewaySnapshot.h"
#include "common/Result.h"
#include "http/HttpServer.h"
#include "observe/AlertEvent.h"
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>
#include <vector>

namespace perimeter::observe { class AuditStore; class AlertEvaluator; class AlertEventStore; class RemoteSink; class WebhookNotifier; }
namespace perimeter::observe { class StorageServices; }
namespace perimeter::auth { class ApiKeyAuthenticator; class ApiKeyStore; class KeyStoreRefresher; }
namespace perimeter::upstream { class UpstreamClient; }
namespace perimeter::registry { class ModelRegistry; class RegistryRefresher; }

namespace perimeter::gateway {

class AdminApi;
class HealthChecker;
class RoutingMetrics;
class Pipeline;
struct Exchange;

// The gateway service: one HTTP listener, the request pipeline, and the services it needs.
// Lives on one thread (perimeterd's main thread, or the console's worker thread) and never
// blocks it. Reload swaps the whole snapshot atomically; requests in flight keep theirs.
class Gateway : public QObject {
    Q_OBJECT
public:
    // Opens the stores under the config's data_dir; does not listen yet.
    static Result<std::unique_ptr<Gateway>> create(std::shared_ptr<const GatewaySnapshot> snapshot);
    ~Gateway() override;

    Status start();
    quint16 port() const;
    QString listenUrl() const;
    std::shared_ptr<const GatewaySnapshot> snapshot() const { return m_snapshot; }

    // Replaces config and policy for new requests. Listener changes need a restart and are
    // refused here with a clear error (the old snapshot stays).
    Status reload(std::shared_ptr<const GatewaySnapshot> snapshot);

    // Applies a validated policy to new requests (admin API, file change). Requests in flight
    // finish under the policy they started with.
    void applyPolicy(std::shared_ptr<const policy::Policy> policy);
    GatewayContext &context() { return m_context; }
    // The model registry under data_dir (thread-safe; its calls block, so run them off this
    // thread). Changes written anywhere reach new requests within the refresher's interval;
    // refreshRegistry() asks at once (after a change made through this process).
    std::shared_ptr<registry::ModelRegistry> modelRegistry() const { return m_registry; }
    void refreshRegistry();
    // Empty when the admin API is off.
    QString adminUrl() const;

    // Stops accepting, lets requests in flight finish for at most graceMs, flushes the audit
    // trail, then emits stopped().
    void drain(int graceMs);
    bool isDraining() const { return m_draining; }
    int requestsInProgress() const;

    observe::AuditStore &auditStore() { return *m_audit; }
    // GET /metrics; thread-safe, so the console may read it from another thread.
    observe::MetricsRegistry &metrics() { return *m_metrics; }

    // What-if for the console's simulator and the admin API: the real stages, no forwarding.
    SimulationResult simulate(const SimulationRequest &request) { return DecisionSimulator::run(m_snapshot, m_context, request); }

Q_SIGNALS:
    void stopped();
    // An alert rule fired or resolved (already logged, stored and sent to the webhook).
    void alertEvent(const perimeter::observe::AlertEvent &event);

private:
    explicit Gateway(std::shared_ptr<const GatewaySnapshot> snapshot);
    void handle(const http::HttpRequest &request, http::HttpResponder *responder);
    void handleApi(const std::shared_ptr<Exchange> &exchange);
    void handleModels(const std::shared_ptr<Exchange> &exchange);
    void sendPlain(http::HttpResponder *responder, int status, const QByteArray &json, const QString &requestId);
    void onProtocolError(int status, const QByteArray &code, const QString &message, const http::HttpRequest *partial,
                         http::HttpHeaders &headers, QByteArray &body);
    std::shared_ptr<Exchange> newExchange(const http::HttpRequest &request, http::HttpResponder *responder);
    void finishDrain();
    Status startObservers();
    void onAlertEvent(const observe::AlertEvent &event);
    bool metricsAuthorized(const http::HttpRequest &request) const;
    void watchPolicyFile();
    void onPolicyFileChanged();
    void applyRegistry(const QList<registry::ModelRecord> &records);

    std::shared_ptr<const GatewaySnapshot> m_snapshot;
    GatewayContext m_context;
    std::unique_ptr<observe::AuditStore> m_audit;
    std::unique_ptr<observe::StorageServices> m_storage; // retention, content store, measured volume
    std::unique_ptr<observe::MetricsRegistry> m_metrics;
    std::vector<std::unique_ptr<observe::RemoteSink>> m_sinks;
    std::unique_ptr<observe::AlertEventStore> m_alertStore;
    std::unique_ptr<observe::WebhookNotifier> m_webhook;
    observe::AlertEvaluator *m_alerts = nullptr;
    std::shared_ptr<auth::ApiKeyStore> m_keyStore;
    std::shared_ptr<auth::ApiKeyAuthenticator> m_authenticator;
    auth::KeyStoreRefresher *m_keyRefresher = nullptr;
    upstream::UpstreamClient *m_upstream = nullptr;
    http::HttpServer *m_server = nullptr;
    Pipeline *m_pipeline = nullptr;
    AdminApi *m_admin = nullptr;
    HealthChecker *m_health = nullptr;
    std::unique_ptr<RoutingMetrics> m_routingMetrics;
    QFileSystemWatcher *m_policyWatcher = nullptr;
    std::shared_ptr<registry::ModelRegistry> m_registry;
    registry::RegistryRefresher *m_registryRefresher = nullptr;
    QTimer m_drainTimer;
    bool m_draining = false;
    bool m_stopped = false;
    bool m_policyReloadRunning = false;
};

} // namespace perimeter::gateway
