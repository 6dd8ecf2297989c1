// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "DecisionSimulator.h"
#include "GatewayContext.h"
#include "GatewaySnapshot.h"
#include "common/Result.h"
#include "http/HttpServer.h"
#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace perimeter::observe { class AuditStore; }
namespace perimeter::auth { class ApiKeyAuthenticator; class ApiKeyStore; class KeyStoreRefresher; }
namespace perimeter::upstream { class UpstreamClient; }

namespace perimeter::gateway {

class AdminApi;
class HealthChecker;
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
    void watchPolicyFile();
    void onPolicyFileChanged();

    std::shared_ptr<const GatewaySnapshot> m_snapshot;
    GatewayContext m_context;
    std::unique_ptr<observe::AuditStore> m_audit;
    std::unique_ptr<observe::MetricsRegistry> m_metrics;
    std::shared_ptr<auth::ApiKeyStore> m_keyStore;
    std::shared_ptr<auth::ApiKeyAuthenticator> m_authenticator;
    auth::KeyStoreRefresher *m_keyRefresher = nullptr;
    upstream::UpstreamClient *m_upstream = nullptr;
    http::HttpServer *m_server = nullptr;
    Pipeline *m_pipeline = nullptr;
    AdminApi *m_admin = nullptr;
    HealthChecker *m_health = nullptr;
    QFileSystemWatcher *m_policyWatcher = nullptr;
    QTimer m_drainTimer;
    bool m_draining = false;
    bool m_stopped = false;
    bool m_policyReloadRunning = false;
};

} // namespace perimeter::gateway
