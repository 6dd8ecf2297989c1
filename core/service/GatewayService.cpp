// SPDX-License-Identifier: Apache-2.0
#include "GatewayService.h"
#include "gateway/Gateway.h"
#include "gateway/GatewaySnapshotLoader.h"
#include "observe/SqliteAuditStore.h"
#include <QLoggingCategory>
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
    qRegisterMetaType<perimeter::service::AuditQueryResult>();
    qRegisterMetaType<perimeter::gateway::SimulationResult>();
    m_thread = new QThread();
    m_thread->setObjectName(QStringLiteral("perimeter-gateway"));
    m_host = new QObject();
    m_host->moveToThread(m_thread);
    m_thread->start();
}

GatewayService::~GatewayService()
{
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
    m_sampleClock.start();
    m_statsTimer = new QTimer(m_host);
    m_statsTimer->setInterval(m_statsIntervalMs);
    connect(m_statsTimer, &QTimer::timeout, m_host, [this]() { sampleStats(); });
    m_statsTimer->start();

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
    m_lastCount = count;
    QMetaObject::invokeMethod(this, [this, stats]() { Q_EMIT statsUpdated(stats); }, Qt::QueuedConnection);
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

} // namespace perimeter::service
