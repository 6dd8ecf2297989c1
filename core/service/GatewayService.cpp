// SPDX-License-Identifier: Apache-2.0
#include "GatewayService.h"
#include "RegistryAccess.h"
#include "gateway/Gateway.h"
#include "gateway/GatewaySnapshotLoader.h"
#include "observe/DecisionReviewStore.h"
#include "observe/SqliteAuditStore.h"
#include "report/SqliteAuditAnalytics.h"
#include "policy/PolicyLoader.h"
#include "policy/PolicyPublisher.h"
#include "policy/PolicyVersionStore.h"
#include <QFutureWatcher>
#include <QPromise>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcService, "perimeter.service")

namespace perimeter::service {

namespace {

// The read connection never writes; a queue of one keeps its idle writer thread cheap.
constexpr int kReaderQueueCapacity = 1;

quint64 finishedRequests(gateway::Gateway &gateway)
{
    if (auto *sqlite = dynamic_cast<observe::SqliteAuditStore *>(&gateway.auditStore()))
        return sqlite->committedCount() + sqlite->droppedCount() + sqlite->writeFailureCount();
    return 0;
}

} // namespace

GatewayService::GatewayService(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<perimeter::service::GatewayStats>();
    qRegisterMetaType<perimeter::observe::AlertEvent>();
    qRegisterMetaType<perimeter::service::AuditQueryResult>();
    qRegisterMetaType<perimeter::service::DecisionTraceResult>();
    qRegisterMetaType<perimeter::gateway::SimulationResult>();
    qRegisterMetaType<perimeter::service::PolicyValidation>();
    qRegisterMetaType<perimeter::service::PolicyApplyResult>();
    qRegisterMetaType<perimeter::service::PolicyHistoryResult>();
    qRegisterMetaType<perimeter::service::ReviewResult>();
    qRegisterMetaType<perimeter::service::RegistryView>();
    qRegisterMetaType<perimeter::service::RegistryChangeResult>();
    qRegisterMetaType<perimeter::service::RegistryHistoryResult>();
    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("perimeter-gateway"));
    m_host = new QObject();
    m_host->moveToThread(m_thread);
    m_thread->start();
}

GatewayService::~GatewayService()
{
    m_policyWork.waitForFinished();
    QMetaObject::invokeMethod(m_host, [this]() { destroyGatewayOnWorker(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_host;
    delete m_thread;
}

void GatewayService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void GatewayService::setStatsInterval(int ms)
{
    m_statsIntervalMs = qMax(50, ms);
    const int interval = m_statsIntervalMs;
    QMetaObject::invokeMethod(m_host, [this, interval]() {
        if (m_statsTimer)
            m_statsTimer->setInterval(interval);
    }, Qt::QueuedConnection);
}

void GatewayService::start(const QString &configPath)
{
    if (m_state != State::Stopped) {
        Q_EMIT failed(tr("The gateway is already running or busy; stop it first."));
        return;
    }
    m_configPath = configPath;
    setState(State::Starting);
    QMetaObject::invokeMethod(m_host, [this, configPath]() { startOnWorker(configPath); }, Qt::QueuedConnection);
}

void GatewayService::startOnWorker(const QString &configPath)
{
    // Loading compiles the policy's pattern database: worth keeping off the UI thread too.
    auto snapshot = gateway::GatewaySnapshotLoader::load(configPath);
    QString error;
    std::shared_ptr<observe::AuditStore> reader;
    if (!snapshot.ok()) {
        error = tr("The configuration %1 cannot be used:\n%2").arg(configPath, snapshot.error().message);
    } else {
        auto created = gateway::Gateway::create(snapshot.value());
        if (!created.ok()) {
            error = tr("The gateway cannot be created: %1").arg(created.error().message);
        } else {
            m_gateway = std::move(created).value();
            // Emitted on the gateway's thread; `this` lives on the UI thread, so it is queued.
            connect(m_gateway.get(), &gateway::Gateway::alertEvent, this,
                    [this](const observe::AlertEvent &event) { Q_EMIT alertEvent(event); });
            if (auto listening = m_gateway->start(); !listening.ok()) {
                error = listening.error().message;
                m_gateway.reset();
            } else if (auto opened = observe::SqliteAuditStore::open(snapshot.value()->config.dataDir, kReaderQueueCapacity); opened.ok()) {
                reader = std::shared_ptr<observe::AuditStore>(std::move(opened).value());
            } else {
                qCWarning(lcService, "audit trail not readable: %s", qPrintable(opened.error().message));
            }
        }
    }
    if (!error.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, error]() {
            setState(State::Stopped);
            Q_EMIT failed(error);
        }, Qt::QueuedConnection);
        return;
    }

    m_lastCount = finishedRequests(*m_gateway);
    m_sampledSnapshot = m_gateway->snapshot().get();
    m_sampleClock.start();
    m_statsTimer = new QTimer(m_host);
    m_statsTimer->setInterval(m_statsIntervalMs);
    connect(m_statsTimer, &QTimer::timeout, m_host, [this]() { sampleStats(); });
    m_statsTimer->start();
    // One sample right away, so the endpoints' state shows without waiting a whole interval.
    QMetaObject::invokeMethod(m_host, [this]() { sampleStats(); }, Qt::QueuedConnection);

    const QString url = m_gateway->listenUrl();
    const auto snap = snapshot.value();
    QMetaObject::invokeMethod(this, [this, url, snap, reader]() {
        m_listenUrl = url;
        m_snapshot = snap;
        m_policyVersion = snap->policy->version();
        if (reader)
            m_reader = reader;
        setState(State::Running);
        Q_EMIT started(url, m_policyVersion);
    }, Qt::QueuedConnection);
}

void GatewayService::sampleStats()
{
    if (!m_gateway)
        return;
    const quint64 count = finishedRequests(*m_gateway);
    const qint64 elapsedMs = qMax<qint64>(1, m_sampleClock.restart());
    GatewayStats stats;
    stats.requestsTotal = count;
    stats.requestsPerSecond = double(count - qMin(count, m_lastCount)) * 1000.0 / double(elapsedMs);
    stats.requestsInProgress = m_gateway->requestsInProgress();
    const qint64 nowMs = m_gateway->context().nowMs();
    for (const auto &e : m_gateway->snapshot()->config.endpoints) {
        const auto state = m_gateway->context().endpoints.value(e.id, routing::EndpointState(e.id, e.capacity));
        stats.endpoints.append(EndpointSample{e.id, tierName(e.tier), state.isAvailable(nowMs), state.isCircuitOpen(nowMs), state.inFlight(),
                                              state.capacity(), state.latencyEwmaMs()});
    }
    m_lastCount = count;
    QMetaObject::invokeMethod(this, [this, stats]() { Q_EMIT statsUpdated(stats); }, Qt::QueuedConnection);
    // The admin API and the policy file watcher apply policies too: pass the new snapshot on.
    if (auto current = m_gateway->snapshot(); current.get() != m_sampledSnapshot) {
        m_sampledSnapshot = current.get();
        QMetaObject::invokeMethod(this, [this, current]() { adoptSnapshot(current); }, Qt::QueuedConnection);
    }
}

void GatewayService::stop()
{
    if (m_state != State::Running)
        return;
    setState(State::Stopping);
    QMetaObject::invokeMethod(m_host, [this]() { stopOnWorker(); }, Qt::QueuedConnection);
}

void GatewayService::stopOnWorker()
{
    if (!m_gateway)
        return;
    if (m_statsTimer)
        m_statsTimer->stop();
    connect(m_gateway.get(), &gateway::Gateway::stopped, m_host, [this]() {
        // stopped() is emitted from inside the gateway: destroy it once that call returned.
        QMetaObject::invokeMethod(m_host, [this]() {
            destroyGatewayOnWorker();
            QMetaObject::invokeMethod(this, [this]() {
                m_listenUrl.clear();
                setState(State::Stopped);
                Q_EMIT stopped();
            }, Qt::QueuedConnection);
        }, Qt::QueuedConnection);
    });
    m_gateway->drain(m_gateway->snapshot()->config.drainGraceSeconds * 1000);
}

void GatewayService::destroyGatewayOnWorker()
{
    delete m_statsTimer;
    m_statsTimer = nullptr;
    m_gateway.reset();
}

quint64 GatewayService::simulate(const gateway::SimulationRequest &request)
{
    const quint64 id = m_nextSimulationId++;
    if (m_state != State::Running) {
        gateway::SimulationResult result;
        result.status = 503;
        result.reason = QStringLiteral("gateway_not_running");
        result.message = tr("The gateway is not running; start it to simulate.");
        QMetaObject::invokeMethod(this, [this, id, result]() { Q_EMIT simulationFinished(id, result); }, Qt::QueuedConnection);
        return id;
    }
    QMetaObject::invokeMethod(m_host, [this, id, request]() {
        gateway::SimulationResult result;
        if (m_gateway) {
            result = m_gateway->simulate(request);
        } else {
            result.status = 503;
            result.reason = QStringLiteral("gateway_not_running");
            result.message = tr("The gateway is not running; start it to simulate.");
        }
        QMetaObject::invokeMethod(this, [this, id, result]() { Q_EMIT simulationFinished(id, result); }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    return id;
}

std::shared_ptr<const report::AuditAnalytics> GatewayService::analytics() const
{
    auto *sqlite = dynamic_cast<observe::SqliteAuditStore *>(m_reader.get());
    if (!sqlite)
        return nullptr;
    // Re-opened when the gateway was restarted on another trail; opening is a file open and
    // one prepared probe, cheap enough for the UI thread.
    if (!m_analytics || m_analytics->databasePath() != sqlite->databasePath()) {
        auto opened = report::SqliteAuditAnalytics::open(sqlite->databasePath());
        if (!opened) {
            qCWarning(lcService, "audit queries unavailable: %s", qPrintable(opened.error().message));
            return nullptr;
        }
        m_analytics = std::move(opened).value();
    }
    return m_analytics;
}

report::ReportExportJob *GatewayService::exportReport(const report::ExportRequest &request, QObject *parent)
{
    auto *job = new report::ReportExportJob(m_reader, analytics(), request, parent ? parent : this);
    job->start();
    return job;
}

QFuture<AuditQueryResult> GatewayService::queryAudit(const observe::AuditQuery &query) const
{
    // The shared_ptr copy keeps the read connection alive until the query returns, even if
    // the gateway is restarted meanwhile.
    std::shared_ptr<observe::AuditStore> reader = m_reader;
    return QtConcurrent::run([reader, query]() {
        AuditQueryResult out;
        if (!reader) {
            out.error = tr("No audit trail is open yet: start the gateway first.");
            return out;
        }
        auto records = reader->query(query);
        if (!records.ok()) {
            out.error = records.error().message;
            return out;
        }
        out.ok = true;
        out.records = std::move(records).value();
        return out;
    });
}

QFuture<DecisionTraceResult> GatewayService::decisionTrace(const QString &requestId) const
{
    std::shared_ptr<observe::AuditStore> reader = m_reader;
    return QtConcurrent::run([reader, requestId]() {
        DecisionTraceResult out;
        if (!reader) {
            out.error = tr("No audit trail is open yet: start the gateway first.");
            return out;
        }
        observe::AuditQuery query;
        query.requestId = requestId;
        auto records = reader->query(query);
        if (!records.ok()) {
            out.error = records.error().message;
            return out;
        }
        out.ok = true;
        if (records.value().isEmpty())
            return out;
        out.found = true;
        out.record = records.value().first();
        auto trace = reader->decisionTrace(requestId);
        if (!trace.ok()) {
            out.ok = false;
            out.error = trace.error().message;
            return out;
        }
        if (trace.value())
            out.traceJson = *trace.value();
        return out;
    });
}

void GatewayService::adoptSnapshot(std::shared_ptr<const gateway::GatewaySnapshot> snapshot)
{
    if (!snapshot || m_state != State::Running)
        return;
    m_snapshot = std::move(snapshot);
    const QString version = m_snapshot->policy->version();
    if (version != m_policyVersion) {
        m_policyVersion = version;
        Q_EMIT policyChanged(version);
    }
}

QByteArray GatewayService::activePolicyJson() const
{
    return m_snapshot && m_snapshot->policy ? m_snapshot->policy->canonicalJson() : QByteArray();
}

QFuture<PolicyValidation> GatewayService::validatePolicy(const QByteArray &document) const
{
    // Compiling the classifier's pattern database takes a while: never on the caller's thread.
    return QtConcurrent::run([document]() {
        PolicyValidation out;
        auto loaded = policy::PolicyLoader::fromBytes(document);
        if (loaded.ok()) {
            out.valid = true;
            out.version = loaded.value()->version();
        } else {
            out.problems = loaded.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        }
        return out;
    });
}

quint64 GatewayService::applyPolicy(const QByteArray &document, const QString &comment)
{
    return startPolicyChange(document, comment, 0);
}

quint64 GatewayService::rollbackPolicy(qint64 sequence)
{
    return startPolicyChange(QByteArray(), QString(), sequence);
}

quint64 GatewayService::startPolicyChange(const QByteArray &document, const QString &comment, qint64 rollbackSequence)
{
    const quint64 id = m_nextPolicyApplyId++;
    auto finish = [this, id](const PolicyApplyResult &result) {
        QMetaObject::invokeMethod(this, [this, id, result]() { Q_EMIT policyApplyFinished(id, result); }, Qt::QueuedConnection);
    };
    PolicyApplyResult refused;
    if (m_state != State::Running || !m_snapshot)
        refused.error = tr("The gateway is not running; start it to change its policy.");
    else if (m_snapshot->config.policyPath.isEmpty())
        refused.error = tr("The configuration uses the built-in default policy; set \"policy\" to a file in the configuration to edit it here.");
    else if (m_policyWork.isRunning())
        refused.error = tr("Another policy change is still in progress.");
    if (!refused.error.isEmpty()) {
        finish(refused);
        return id;
    }

    const QString policyPath = m_snapshot->config.policyPath;
    const QString dataDir = m_snapshot->config.dataDir;
    const auto active = m_snapshot->policy;
    const QString author = QStringLiteral("console (%1)").arg(currentUser());
    const QString rollbackComment = tr("rollback to #%1").arg(rollbackSequence);
    QObject *host = m_host;
    m_policyWork = QtConcurrent::run([this, id, host, document, comment, rollbackSequence, rollbackComment, policyPath, dataDir, active, author,
                                      finish]() {
        PolicyApplyResult out;
        auto store = policy::PolicyVersionStore::open(dataDir);
        if (!store.ok()) {
            out.error = tr("The policy history cannot be opened: %1").arg(store.error().message);
            return finish(out);
        }
        QByteArray content = document;
        QString why = comment;
        if (rollbackSequence > 0) {
            auto entry = store.value()->bySequence(rollbackSequence);
            if (!entry.ok()) {
                out.error = tr("Version #%1 is not in the history: %2").arg(rollbackSequence).arg(entry.error().message);
                return finish(out);
            }
            content = entry.value().content;
            why = rollbackComment;
        }
        // The policy being replaced goes into the history first (stored once per content), so
        // there is always a version to roll back to.
        if (auto newest = store.value()->list(1); !newest.ok() || newest.value().isEmpty() || newest.value().first().version != active->version())
            store.value()->record(active->version(), QStringLiteral("perimeter"), QStringLiteral("in force before the change"), active->canonicalJson());
        auto published = policy::PolicyPublication::publish(content, policyPath, *store.value(), author, why);
        if (!published.policy.ok()) {
            out.error = tr("The policy is invalid; the active policy stays in force.");
            out.problems = published.policy.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            return finish(out);
        }
        if (!published.writeError.isEmpty()) {
            out.error = tr("Cannot write the policy file %1: %2").arg(policyPath, published.writeError);
            return finish(out);
        }
        if (published.version.ok())
            out.sequence = published.version.value().sequence;
        else
            qCWarning(lcService, "policy applied but not recorded in the history: %s", qPrintable(published.version.error().message));
        auto policy = published.policy.value();
        QMetaObject::invokeMethod(host, [this, policy, out, finish]() mutable {
            if (!m_gateway) {
                out.error = tr("The gateway stopped; the policy file was written and applies at the next start.");
                return finish(out);
            }
            m_gateway->applyPolicy(policy);
            auto snapshot = m_gateway->snapshot();
            m_sampledSnapshot = snapshot.get();
            out.applied = true;
            out.version = snapshot->policy->version();
            QMetaObject::invokeMethod(this, [this, snapshot]() { adoptSnapshot(snapshot); }, Qt::QueuedConnection);
            finish(out);
        }, Qt::QueuedConnection);
    });
    return id;
}

QFuture<PolicyHistoryResult> GatewayService::policyHistory() const
{
    const QString dataDir = m_snapshot ? m_snapshot->config.dataDir : QString();
    return QtConcurrent::run([dataDir]() {
        PolicyHistoryResult out;
        if (dataDir.isEmpty()) {
            out.error = tr("No policy history is open yet: start the gateway first.");
            return out;
        }
        auto store = policy::PolicyVersionStore::open(dataDir);
        auto list = store.ok() ? store.value()->list() : Result<QList<policy::PolicyVersion>>(store.error());
        if (!list.ok()) {
            out.error = list.error().message;
            return out;
        }
        out.ok = true;
        out.versions = list.value();
        return out;
    });
}

QFuture<PolicyHistoryResult> GatewayService::policyVersion(qint64 sequence) const
{
    const QString dataDir = m_snapshot ? m_snapshot->config.dataDir : QString();
    return QtConcurrent::run([dataDir, sequence]() {
        PolicyHistoryResult out;
        if (dataDir.isEmpty()) {
            out.error = tr("No policy history is open yet: start the gateway first.");
            return out;
        }
        auto store = policy::PolicyVersionStore::open(dataDir);
        auto entry = store.ok() ? store.value()->bySequence(sequence) : Result<policy::PolicyVersion>(store.error());
        if (!entry.ok()) {
            out.error = entry.error().message;
            return out;
        }
        out.ok = true;
        out.versions.append(entry.value());
        return out;
    });
}

QStringList GatewayService::diffPolicies(const QByteArray &from, const QByteArray &to)
{
    return policy::PolicyVersionStore::diff(from, to);
}

QString GatewayService::currentUser()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", qEnvironmentVariable("USERNAME")));
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

namespace {

ReviewResult reviewsFrom(const Result<QList<observe::DecisionReview>> &list)
{
    ReviewResult out;
    if (!list.ok()) {
        out.error = list.error().message;
        return out;
    }
    out.ok = true;
    out.reviews = list.value();
    return out;
}

} // namespace

QFuture<ReviewResult> GatewayService::reviewDecision(const QString &requestId, const QString &status, const QString &comment)
{
    const QString dataDir = m_snapshot ? m_snapshot->config.dataDir : QString();
    const QString reviewer = currentUser();
    auto future = QtConcurrent::run([dataDir, requestId, status, comment, reviewer]() {
        ReviewResult out;
        if (dataDir.isEmpty()) {
            out.error = tr("No audit trail is open yet: start the gateway first.");
            return out;
        }
        auto store = observe::DecisionReviewStore::open(dataDir);
        if (!store.ok()) {
            out.error = store.error().message;
            return out;
        }
        auto marked = store.value()->mark(requestId, status, reviewer, comment);
        if (!marked.ok()) {
            out.error = marked.error().message;
            return out;
        }
        out.ok = true;
        out.reviews.append(marked.value());
        // The action itself is part of the record: who, when, what (never the comment text,
        // which may quote the payload) in the operator log.
        qCInfo(lcService, "decision %s marked %s by %s", qPrintable(marked.value().requestId), qPrintable(status), qPrintable(reviewer));
        return out;
    });
    auto *watcher = new QFutureWatcher<ReviewResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        watcher->deleteLater();
        const auto result = watcher->result();
        if (result.ok && !result.reviews.isEmpty())
            Q_EMIT reviewsChanged(result.reviews.first().requestId);
    });
    watcher->setFuture(future);
    return future;
}

QFuture<ReviewResult> GatewayService::decisionReviews() const
{
    const QString dataDir = m_snapshot ? m_snapshot->config.dataDir : QString();
    return QtConcurrent::run([dataDir]() {
        if (dataDir.isEmpty())
            return ReviewResult{false, tr("No audit trail is open yet: start the gateway first."), {}};
        auto store = observe::DecisionReviewStore::open(dataDir);
        return store.ok() ? reviewsFrom(store.value()->current()) : ReviewResult{false, store.error().message, {}};
    });
}

QFuture<ReviewResult> GatewayService::decisionReviewLog(const QString &requestId) const
{
    const QString dataDir = m_snapshot ? m_snapshot->config.dataDir : QString();
    return QtConcurrent::run([dataDir, requestId]() {
        if (dataDir.isEmpty())
            return ReviewResult{false, tr("No audit trail is open yet: start the gateway first."), {}};
        auto store = observe::DecisionReviewStore::open(dataDir);
        return store.ok() ? reviewsFrom(store.value()->log(requestId)) : ReviewResult{false, store.error().message, {}};
    });
}

template <typename R, typename F>
QFuture<R> GatewayService::runOnRegistry(F work, R notRunning)
{
    // The registry and the snapshot are taken on the gateway's thread (in-memory, cheap); the
    // SQLite work then runs on the pool and holds only shared_ptrs, never this object.
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    QFuture<R> future = promise->future();
    QMetaObject::invokeMethod(m_host, [this, promise, work, notRunning]() {
        if (!m_gateway || !m_gateway->modelRegistry()) {
            promise->addResult(notRunning);
            promise->finish();
            return;
        }
        auto models = m_gateway->modelRegistry();
        auto snapshot = m_gateway->snapshot();
        auto health = RegistryAccess::health(*m_gateway);
        (void)QtConcurrent::run([promise, work, models, snapshot, health]() {
            promise->addResult(work(*models, *snapshot, health));
            promise->finish();
        });
    }, Qt::QueuedConnection);
    return future;
}

QFuture<RegistryView> GatewayService::registryView()
{
    RegistryView notRunning;
    notRunning.error = tr("The gateway is not running; start it to see and manage its models.");
    return runOnRegistry<RegistryView>(
        [](registry::ModelRegistry &models, const gateway::GatewaySnapshot &snapshot, const QHash<QString, EndpointHealth> &health) {
            return RegistryAccess::view(models, snapshot, health);
        },
        notRunning);
}

QFuture<RegistryChangeResult> GatewayService::changeModel(const RegistryChange &change)
{
    RegistryChangeResult notRunning;
    notRunning.code = QStringLiteral("gateway_not_running");
    notRunning.message = tr("The gateway is not running; start it to change its models.");
    const QString actor = RegistryAccess::consoleActor();
    return runOnRegistry<RegistryChangeResult>(
               [change, actor](registry::ModelRegistry &models, const gateway::GatewaySnapshot &snapshot, const QHash<QString, EndpointHealth> &) {
                   return RegistryAccess::apply(models, snapshot, change, actor);
               },
               notRunning)
        .then(this, [this](RegistryChangeResult result) {
            if (result.ok) {
                // The gateway would notice within its refresh interval; a console change is served at once.
                QMetaObject::invokeMethod(m_host, [this]() {
                    if (m_gateway)
                        m_gateway->refreshRegistry();
                }, Qt::QueuedConnection);
                Q_EMIT registryChanged();
            }
            return result;
        });
}

QFuture<RegistryHistoryResult> GatewayService::registryHistory(const QString &name, const QString &version)
{
    RegistryHistoryResult notRunning;
    notRunning.error = tr("The gateway is not running; start it to see the model history.");
    return runOnRegistry<RegistryHistoryResult>(
        [name, version](registry::ModelRegistry &models, const gateway::GatewaySnapshot &, const QHash<QString, EndpointHealth> &) {
            return RegistryAccess::history(models, name, version);
        },
        notRunning);
}

} // namespace perimeter::service
