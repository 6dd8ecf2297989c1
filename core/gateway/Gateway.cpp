// SPDX-License-Identifier: Apache-2.0
#include "Gateway.h"
#include "AdminApi.h"
#include "ApiError.h"
#include "AuthenticateStage.h"
#include "ClassifyStage.h"
#include "Exchange.h"
#include "GatewaySnapshotLoader.h"
#include "HealthChecker.h"
#include "ForwardStage.h"
#include "ParseStage.h"
#include "Pipeline.h"
#include "PolicyStage.h"
#include "RouteStage.h"
#include "RoutingMetrics.h"
#include "routing/WaitQueue.h"
#include "auth/ApiKeyAuthenticator.h"
#include "auth/ApiKeyStore.h"
#include "auth/KeyStoreRefresher.h"
#include "observe/AlertEvaluator.h"
#include "observe/AlertEventStore.h"
#include "observe/MetricsRegistry.h"
#include "observe/OperatorLog.h"
#include "observe/RemoteSink.h"
#include "observe/WebhookNotifier.h"
#include "observe/SqliteAuditStore.h"
#include "observe/StorageServices.h"
#include "policy/PolicyLoader.h"
#include "policy/PolicyVersionStore.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryRefresher.h"
#include "upstream/UpstreamClient.h"
#include <QDir>
#include <openssl/crypto.h>
#include <QLoggingCategory>
#include <QFutureWatcher>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcGateway, "perimeter.gateway")
Q_LOGGING_CATEGORY(lcAlerts, "perimeter.alerts")

namespace perimeter::gateway {

namespace {

struct ApiRoute {
    const char *path;
    const char *kind;
    const char *suffix;
};
constexpr ApiRoute kApiRoutes[] = {
    {"/v1/chat/completions", "chat", "/chat/completions"},
    {"/v1/completions", "completion", "/completions"},
    {"/v1/embeddings", "embedding", "/embeddings"},
};

QString newRequestId()
{
    return QStringLiteral("req_") + QUuid::createUuid().toString(QUuid::Id128);
}

QList<auth::ConfiguredKey> configuredKeys(const config::Config &config)
{
    QList<auth::ConfiguredKey> keys;
    for (const auto &c : config.callers)
        keys.append(auth::ConfiguredKey{c.id, c.team, c.apiKeySha256});
    return keys;
}

} // namespace

Gateway::Gateway(std::shared_ptr<const GatewaySnapshot> snapshot) : m_snapshot(std::move(snapshot))
{
    m_context.monotonic.start();
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, [this]() {
        qCWarning(lcGateway, "drain grace period over with %d request(s) in flight: closing them", requestsInProgress());
        m_server->abortAll();
        finishDrain();
    });
}

Gateway::~Gateway()
{
    // Connections and relays go first: they finish exchanges into the audit store.
    delete m_server;
    m_server = nullptr;
    delete m_pipeline;
    m_pipeline = nullptr;
    // Sinks spool what they still hold (replayed at the next start); alerts stop evaluating.
    m_context.sinks.clear();
    m_sinks.clear();
    m_context.alerts = nullptr;
    delete m_alerts;
    m_alerts = nullptr;
    if (m_audit)
        m_audit->flush();
}

Status Gateway::startObservers()
{
    const auto &config = m_snapshot->config;
    for (const auto &settings : config.sinks) {
        auto sink = observe::RemoteSink::create(settings, m_snapshot->sinkCredentials.value(settings.id), m_metrics.get());
        if (!sink.ok())
            return sink.error();
        m_context.sinks.append(sink.value().get());
        m_sinks.push_back(std::move(sink).value());
    }
    auto alertStore = observe::AlertEventStore::open(config.dataDir);
    if (!alertStore.ok())
        return alertStore.error();
    m_alertStore = std::move(alertStore).value();
    if (!config.alerts.webhook.url.isEmpty())
        m_webhook = std::make_unique<observe::WebhookNotifier>(config.alerts.webhook, m_snapshot->webhookCredential);
    m_alerts = new observe::AlertEvaluator(config.alerts, m_metrics.get(), {}, this);
    connect(m_alerts, &observe::AlertEvaluator::alertEvent, this, &Gateway::onAlertEvent);
    m_context.alerts = m_alerts;
    m_alerts->start();
    return Ok{};
}

void Gateway::onAlertEvent(const observe::AlertEvent &event)
{
    const bool firing = event.state == observe::AlertEvent::State::Firing;
    observe::OperatorLog::event(firing ? observe::OperatorLog::Level::Warning : observe::OperatorLog::Level::Info, lcAlerts(),
                                firing ? "alert_fired" : "alert_resolved", event.toJson());
    m_alertStore->append(event);
    if (m_webhook)
        m_webhook->notify(event);
    Q_EMIT alertEvent(event);
}

bool Gateway::metricsAuthorized(const http::HttpRequest &request) const
{
    if (!m_snapshot->config.metrics.requireAdminToken)
        return true;
    // Constant-time comparison of the whole header value, as the admin API does.
    const QByteArray expected = QByteArrayLiteral("Bearer ") + m_snapshot->adminToken;
    const QByteArray given = request.header("authorization");
    return request.headerCount("authorization") == 1 && !m_snapshot->adminToken.isEmpty() && given.size() == expected.size()
           && CRYPTO_memcmp(given.constData(), expected.constData(), size_t(expected.size())) == 0;
}

Result<std::unique_ptr<Gateway>> Gateway::create(std::shared_ptr<const GatewaySnapshot> snapshot)
{
    const auto &config = snapshot->config;
    if (!QDir().mkpath(config.dataDir))
        return Error{QStringLiteral("data_dir_unwritable"), QStringLiteral("cannot create data_dir %1").arg(config.dataDir)};
    QFile::setPermissions(config.dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    std::unique_ptr<Gateway> gateway(new Gateway(snapshot));
    auto audit = observe::SqliteAuditStore::open(config.dataDir, config.auditQueueCapacity);
    if (!audit.ok())
        return audit.error();
    gateway->m_audit = std::move(audit).value();
    auto storage = observe::StorageServices::start(
        static_cast<observe::SqliteAuditStore &>(*gateway->m_audit),
        {config.dataDir, config.retention, config.contentStore, config.costs.measuredVolumeSettings()});
    if (!storage.ok())
        return storage.error();
    gateway->m_storage = std::move(storage).value();
    gateway->m_context.content = gateway->m_storage->content();
    gateway->m_context.measuredVolume = gateway->m_storage->measuredVolume();

    auto keyStore = auth::ApiKeyStore::open(config.dataDir);
    if (!keyStore.ok())
        return keyStore.error();
    gateway->m_keyStore = std::shared_ptr<auth::ApiKeyStore>(std::move(keyStore).value());
    gateway->m_authenticator = std::make_shared<auth::ApiKeyAuthenticator>(configuredKeys(config));
    // The first snapshot of stored keys is read here, before listening, so keys created with
    // `perimeterctl keys` work from the first request; later refreshes run off this thread.
    if (auto active = gateway->m_keyStore->loadActive(); active.ok())
        gateway->m_authenticator->setStoredKeys(active.value());
    gateway->m_keyRefresher = new auth::KeyStoreRefresher(gateway->m_keyStore, gateway->m_authenticator,
                                                           auth::KeyStoreRefresher::kDefaultIntervalMs, gateway.get());
    gateway->m_keyRefresher->start();

    // Like the keys: the registry is seeded and read once before listening, then followed
    // off this thread (RegistryRefresher).
    auto registry = registry::ModelRegistry::open(config, QStringLiteral("perimeterd (seed)"));
    if (!registry.ok())
        return registry.error();
    gateway->m_registry = registry.value();
    auto revision = gateway->m_registry->revision();
    auto records = gateway->m_registry->list();
    if (!revision.ok() || !records.ok())
        return !revision.ok() ? revision.error() : records.error();
    gateway->m_snapshot = GatewaySnapshotLoader::withRegistry(*snapshot, records.value());
    gateway->m_registryRefresher = new registry::RegistryRefresher(gateway->m_registry, revision.value(),
                                                                   registry::RegistryRefresher::kDefaultIntervalMs, gateway.get());
    connect(gateway->m_registryRefresher, &registry::RegistryRefresher::changed, gateway.get(),
            [g = gateway.get()](const QList<registry::ModelRecord> &changed, qint64) { g->applyRegistry(changed); });
    connect(gateway->m_registryRefresher, &registry::RegistryRefresher::refreshFailed, gateway.get(), [](const QString &message) {
        qCWarning(lcGateway, "model registry not readable; the models in force stay: %s", qPrintable(message));
    });
    gateway->m_registryRefresher->start();

    gateway->m_upstream = new upstream::UpstreamClient(gateway.get());
    gateway->m_metrics = std::make_unique<observe::MetricsRegistry>();
    gateway->m_context.audit = gateway->m_audit.get();
    gateway->m_context.metrics = gateway->m_metrics.get();
    if (auto observers = gateway->startObservers(); !observers.ok())
        return observers.error();
    gateway->m_context.authenticator = gateway->m_authenticator.get();
    gateway->m_context.upstream = gateway->m_upstream;
    gateway->m_routingMetrics = std::make_unique<RoutingMetrics>();
    gateway->m_context.routingMetrics = gateway->m_routingMetrics.get();
    gateway->m_context.queue = new routing::WaitQueue(gateway.get());
    for (const auto &e : config.endpoints)
        gateway->m_context.endpoints.insert(e.id, routing::EndpointState(e.id, e.capacity));

    gateway->m_pipeline = new Pipeline(gateway->m_context);
    gateway->m_pipeline->addStage(std::make_unique<AuthenticateStage>());
    gateway->m_pipeline->addStage(std::make_unique<ParseStage>());
    gateway->m_pipeline->addStage(std::make_unique<ClassifyStage>());
    gateway->m_pipeline->addStage(std::make_unique<PolicyStage>());
    gateway->m_pipeline->addStage(std::make_unique<RouteStage>());
    gateway->m_pipeline->addStage(std::make_unique<ForwardStage>());

    gateway->m_server = new http::HttpServer();
    gateway->m_server->setLimits(config.http);
    Gateway *g = gateway.get();
    gateway->m_server->setHandler([g](const http::HttpRequest &request, http::HttpResponder *responder) { g->handle(request, responder); });
    gateway->m_server->setProtocolErrorHook([g](int status, const QByteArray &code, const QString &message, const http::HttpRequest *partial,
                                                http::HttpHeaders &headers, QByteArray &body) {
        g->onProtocolError(status, code, message, partial, headers, body);
    });
    connect(gateway->m_server, &http::HttpServer::drained, gateway.get(), &Gateway::finishDrain);

    if (config.admin.enabled) {
        auto versions = policy::PolicyVersionStore::open(config.dataDir);
        if (!versions.ok())
            return versions.error();
        std::shared_ptr<policy::PolicyVersionStore> store(std::move(versions).value());
        // The policy in force at start is the first entry of the history (once per content).
        if (!config.policyPath.isEmpty())
            store->record(snapshot->policy->version(), QStringLiteral("perimeterd (start)"), QStringLiteral("loaded at start"),
                          snapshot->policy->canonicalJson());
        gateway->m_admin = new AdminApi(*gateway, store, gateway.get());
    }
    gateway->watchPolicyFile();
    gateway->m_health = new HealthChecker(gateway->m_context, [g]() { return g->m_snapshot; }, gateway.get());
    return gateway;
}

Status Gateway::start()
{
    const auto &listen = m_snapshot->config.listen;
    const QHostAddress address = listen.host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(listen.host);
    if (!m_server->listen(address, listen.port))
        return Error{QStringLiteral("listen_failed"),
                     QStringLiteral("cannot listen on %1:%2: %3").arg(listen.host).arg(listen.port).arg(m_server->errorString())};
    m_health->start();
    if (m_admin) {
        const auto &admin = m_snapshot->config.admin.listen;
        const QHostAddress adminAddress = admin.host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(admin.host);
        if (!m_admin->listen(adminAddress, admin.port))
            return Error{QStringLiteral("listen_failed"),
                         QStringLiteral("cannot listen on %1:%2 (admin API): %3").arg(admin.host).arg(admin.port).arg(m_admin->errorString())};
    }
    return Ok{};
}

quint16 Gateway::port() const
{
    return m_server->serverPort();
}

QString Gateway::listenUrl() const
{
    const QHostAddress address = m_server->serverAddress();
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + address.toString() + QLatin1Char(']') : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

QString Gateway::adminUrl() const
{
    return m_admin ? m_admin->listenUrl() : QString();
}

void Gateway::applyPolicy(std::shared_ptr<const policy::Policy> policy)
{
    if (policy->canonicalJson() == m_snapshot->policy->canonicalJson() && policy->version() == m_snapshot->policy->version())
        return;
    m_snapshot = GatewaySnapshotLoader::withPolicy(*m_snapshot, std::move(policy));
    qCInfo(lcGateway, "policy applied; version %s", qPrintable(m_snapshot->policy->version()));
}

void Gateway::watchPolicyFile()
{
    const QString path = m_snapshot->config.policyPath;
    if (path.isEmpty())
        return;
    if (!m_policyWatcher) {
        m_policyWatcher = new QFileSystemWatcher(this);
        connect(m_policyWatcher, &QFileSystemWatcher::fileChanged, this, &Gateway::onPolicyFileChanged);
    }
    if (!m_policyWatcher->files().contains(path))
        m_policyWatcher->addPath(path);
}

void Gateway::onPolicyFileChanged()
{
    // Editors replace files (rename): watch the path again, then load off the event loop; a
    // policy that does not load leaves the active one in force.
    QTimer::singleShot(200, this, [this]() {
        watchPolicyFile();
        if (m_policyReloadRunning)
            return;
        m_policyReloadRunning = true;
        const QString path = m_snapshot->config.policyPath;
        auto *watcher = new QFutureWatcher<Result<std::shared_ptr<const policy::Policy>>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path]() {
            watcher->deleteLater();
            m_policyReloadRunning = false;
            auto result = watcher->result();
            if (!result.ok()) {
                qCWarning(lcGateway, "policy file %s changed but is invalid; the active policy stays in force:\n%s", qPrintable(path),
                          qPrintable(result.error().message));
                return;
            }
            applyPolicy(result.value());
        });
        watcher->setFuture(QtConcurrent::run([path]() { return policy::PolicyLoader::loadFile(path); }));
    });
}

void Gateway::refreshRegistry()
{
    if (m_registryRefresher)
        m_registryRefresher->refreshNow();
}

void Gateway::applyRegistry(const QList<registry::ModelRecord> &records)
{
    m_snapshot = GatewaySnapshotLoader::withRegistry(*m_snapshot, records);
    qCInfo(lcGateway, "model registry changed; %d model(s) served", int(m_snapshot->config.models.size()));
}

int Gateway::requestsInProgress() const
{
    return m_server ? m_server->requestsInProgress() : 0;
}

Status Gateway::reload(std::shared_ptr<const GatewaySnapshot> snapshot)
{
    const auto &now = m_snapshot->config;
    const auto &next = snapshot->config;
    QStringList problems;
    if (next.listen.host != now.listen.host || next.listen.port != now.listen.port)
        problems.append(QStringLiteral("/listen: changing the listen address needs a restart"));
    if (next.dataDir != now.dataDir)
        problems.append(QStringLiteral("/data_dir: changing the data directory needs a restart"));
    // Refused rather than half-applied: an admin who switches the content store off must not
    // find it still storing.
    const auto &cs = next.contentStore;
    if (cs.enabled != now.contentStore.enabled || cs.keyFile != now.contentStore.keyFile
        || cs.retentionDays != now.contentStore.retentionDays || cs.maxBytes != now.contentStore.maxBytes)
        problems.append(QStringLiteral("/content_store: changing the content store needs a restart"));
    if (next.retention.auditDays != now.retention.auditDays || next.retention.archiveDir != now.retention.archiveDir
        || next.retention.runEveryMinutes != now.retention.runEveryMinutes)
        problems.append(QStringLiteral("/retention: changing audit retention needs a restart"));
    // Sinks own threads and spools, the log is installed once per process: restart for those.
    if (next.sinks != now.sinks || snapshot->sinkCredentials != m_snapshot->sinkCredentials)
        problems.append(QStringLiteral("/sinks: changing remote sinks needs a restart"));
    if (next.alerts.webhook != now.alerts.webhook || snapshot->webhookCredential != m_snapshot->webhookCredential)
        problems.append(QStringLiteral("/alerts/webhook: changing the alert webhook needs a restart"));
    if (next.logging != now.logging)
        problems.append(QStringLiteral("/logging: changing the operator log needs a restart"));
    if (!problems.isEmpty())
        return Error{QStringLiteral("reload_refused"), problems.join(QLatin1Char('\n'))};
    if (next.alerts != now.alerts && m_alerts)
        m_alerts->setSettings(next.alerts);

    // Endpoint state (in-flight counts, circuit breakers) carries over for endpoints that stay.
    QHash<QString, routing::EndpointState> endpoints;
    for (const auto &e : next.endpoints) {
        auto state = m_context.endpoints.value(e.id, routing::EndpointState(e.id, e.capacity));
        if (state.capacity() != e.capacity)
            state = routing::EndpointState(e.id, e.capacity);
        endpoints.insert(e.id, state);
    }
    // Endpoints that disappear keep their entry while requests on them are in flight.
    for (auto it = m_context.endpoints.cbegin(); it != m_context.endpoints.cend(); ++it) {
        if (!endpoints.contains(it.key()) && it->inFlight() > 0)
            endpoints.insert(it.key(), it.value());
    }
    m_context.endpoints = endpoints;
    if (m_context.queue->size() > 0) // capacities may have grown
        QMetaObject::invokeMethod(m_context.queue, &routing::WaitQueue::pump, Qt::QueuedConnection);
    m_authenticator->setConfiguredKeys(configuredKeys(next));
    m_server->setLimits(next.http);
    m_snapshot = GatewaySnapshotLoader::withRegistry(*snapshot, m_snapshot->registryModels);
    watchPolicyFile();
    qCInfo(lcGateway, "configuration reloaded; policy version %s", qPrintable(m_snapshot->policy->version()));
    return Ok{};
}

void Gateway::drain(int graceMs)
{
    if (m_draining)
        return;
    m_draining = true;
    qCInfo(lcGateway, "draining: %d request(s) in flight, grace %d ms", requestsInProgress(), graceMs);
    if (m_keyRefresher)
        m_keyRefresher->stop();
    if (m_registryRefresher)
        m_registryRefresher->stop();
    m_health->stop();
    m_drainTimer.start(qMax(0, graceMs));
    if (m_admin)
        m_admin->stopAccepting();
    m_server->stopAccepting();
}

void Gateway::finishDrain()
{
    if (m_stopped || !m_draining)
        return;
    m_stopped = true;
    m_drainTimer.stop();
    m_audit->flush();
    Q_EMIT stopped();
}

std::shared_ptr<Exchange> Gateway::newExchange(const http::HttpRequest &request, http::HttpResponder *responder)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->requestId = newRequestId();
    exchange->receivedAt = QDateTime::currentDateTimeUtc();
    exchange->clock.start();
    exchange->request = request;
    exchange->responder = responder;
    exchange->snapshot = m_snapshot;
    exchange->endpointPath = QString::fromLatin1(request.path);
    ++m_context.requestsTotal;
    return exchange;
}

void Gateway::sendPlain(http::HttpResponder *responder, int status, const QByteArray &json, const QString &requestId)
{
    http::HttpHeaders headers{{QByteArrayLiteral("x-perimeter-request-id"), requestId.toLatin1()},
                              {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}};
    responder->send(status, headers, json);
}

void Gateway::handle(const http::HttpRequest &request, http::HttpResponder *responder)
{
    const QByteArray &path = request.path;
    // Probes are answered without a record: load balancers call them every few seconds.
    if (path == "/metrics") {
        if (!metricsAuthorized(request)) {
            http::HttpHeaders headers{{QByteArrayLiteral("x-perimeter-request-id"), newRequestId().toLatin1()},
                                      {QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                                      {QByteArrayLiteral("www-authenticate"), QByteArrayLiteral("Bearer")}};
            responder->send(401, headers, QByteArrayLiteral("{\"error\":{\"message\":\"Admin token required for /metrics.\",\"code\":\"unauthenticated\"}}"));
            return;
        }
        // Audit counters and in-flight are sampled at scrape time: nothing to do per request.
        if (const auto *sqlite = dynamic_cast<const observe::SqliteAuditStore *>(m_audit.get()))
            m_metrics->setAuditCounters(sqlite->droppedCount(), sqlite->writeFailureCount());
        m_metrics->setInFlight(qMax(0, requestsInProgress() - 1)); // not counting this scrape
        m_routingMetrics->setQueueWaiting(m_context.queue->size());
        http::HttpHeaders headers{{QByteArrayLiteral("x-perimeter-request-id"), newRequestId().toLatin1()},
                                  {QByteArrayLiteral("content-type"), observe::MetricsRegistry::contentType()}};
        QByteArray exposition = m_metrics->renderPrometheus();
        m_routingMetrics->render(exposition);
        responder->send(200, headers, exposition);
        return;
    }
    if (path == "/healthz") {
        sendPlain(responder, 200, QByteArrayLiteral("{\"status\":\"ok\"}"), newRequestId());
        return;
    }
    if (path == "/readyz") {
        const QByteArray body = m_draining ? QByteArrayLiteral("{\"status\":\"draining\"}")
                                           : QByteArray("{\"status\":\"ready\",\"policy_version\":\"" + m_snapshot->policy->version().toLatin1() + "\"}");
        sendPlain(responder, m_draining ? 503 : 200, body, newRequestId());
        return;
    }

    auto exchange = newExchange(request, responder);
    if (path == "/v1/models") {
        if (request.method != "GET") {
            Pipeline::reject(*exchange, 405, QStringLiteral("invalid_request"), QStringLiteral("Use GET for /v1/models."));
            m_pipeline->respondWithError(exchange);
            return;
        }
        handleModels(exchange);
        return;
    }
    for (const auto &route : kApiRoutes) {
        if (path != route.path)
            continue;
        if (request.method != "POST") {
            Pipeline::reject(*exchange, 405, QStringLiteral("invalid_request"), QStringLiteral("Use POST for %1.").arg(QLatin1String(route.path)));
            m_pipeline->respondWithError(exchange);
            return;
        }
        exchange->pathKind = QLatin1String(route.kind);
        exchange->upstreamSuffix = QLatin1String(route.suffix);
        m_pipeline->run(exchange);
        return;
    }
    Pipeline::reject(*exchange, 404, QStringLiteral("not_found"), QStringLiteral("Unknown path."));
    m_pipeline->respondWithError(exchange);
}

void Gateway::handleModels(const std::shared_ptr<Exchange> &exchange)
{
    AuthenticateStage auth;
    if (auth.run(exchange, *m_pipeline) == StageStatus::Respond) {
        m_pipeline->respondWithError(exchange);
        return;
    }
    nlohmann::json data = nlohmann::json::array();
    const auto &config = exchange->snapshot->config;
    const auto &policy = *exchange->snapshot->policy;
    for (const auto &m : config.models) {
        if (!policy.modelAllowed(m.name, exchange->principal->callerId, exchange->principal->team))
            continue;
        nlohmann::json tiers = nlohmann::json::array();
        for (const auto &id : m.endpoints) {
            if (const auto *e = config.endpoint(id)) {
                const std::string t = tierName(e->tier).toStdString();
                if (std::find(tiers.begin(), tiers.end(), t) == tiers.end())
                    tiers.push_back(t);
            }
        }
        data.push_back({{"id", m.name.toStdString()}, {"object", "model"}, {"created", 0}, {"owned_by", "perimeter"},
                        {"perimeter", {{"kind", m.kind.toStdString()}, {"tiers", tiers}}}});
    }
    exchange->decision = QStringLiteral("routed");
    exchange->reason = QStringLiteral("served_by_gateway");
    m_pipeline->respondJson(exchange, 200, QByteArray::fromStdString(nlohmann::json{{"object", "list"}, {"data", data}}.dump()));
}

void Gateway::onProtocolError(int status, const QByteArray &code, const QString &message, const http::HttpRequest *partial,
                              http::HttpHeaders &headers, QByteArray &body)
{
    // The request never reached a handler, yet it is a request: it gets an id and a record.
    http::HttpRequest request = partial ? *partial : http::HttpRequest{};
    auto exchange = newExchange(request, nullptr);
    Pipeline::reject(*exchange, status, QString::fromLatin1(code), message);
    headers.append({QByteArrayLiteral("x-perimeter-request-id"), exchange->requestId.toLatin1()});
    headers.append({QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")});
    body = ApiError::body(status, exchange->reason, message, exchange->requestId, QString(), exchange->reason);
    m_pipeline->finish(exchange);
}

} // namespace perimeter::gateway
