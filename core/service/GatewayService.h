// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditQueryResult.h"
#include "GatewayStats.h"
#include "gateway/DecisionSimulator.h"
#include "gateway/GatewaySnapshot.h"
#include "observe/AuditStore.h"
#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <memory>

class QThread;
class QTimer;

namespace perimeter::gateway { class Gateway; }

namespace perimeter::service {

// The console's only door to the embedded gateway. The Gateway is not thread-safe, so it is
// created, driven and destroyed on a private worker thread; this object lives on the caller's
// (UI) thread and reports back through signals emitted on that thread. Audit queries run on
// the global thread pool against a separate read connection to the same trail, so they never
// touch the gateway's thread and keep working after the gateway stops.
class GatewayService : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit GatewayService(QObject *parent = nullptr);
    ~GatewayService() override; // stops the gateway (without a grace period) and joins the thread

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    QString listenUrl() const { return m_listenUrl; }
    QString policyVersion() const { return m_policyVersion; }
    QString configPath() const { return m_configPath; }
    // The configuration of the running (or last started) gateway. Immutable, so readable
    // from any thread; null before the first successful start.
    std::shared_ptr<const gateway::GatewaySnapshot> snapshot() const { return m_snapshot; }

    // How often statsUpdated() is emitted while running. Default 1000 ms.
    void setStatsInterval(int ms);
    int statsInterval() const { return m_statsIntervalMs; }

    // Runs the decision simulator on the gateway's thread; simulationFinished(id, result)
    // follows with the returned id. When the gateway is not running, the result has status
    // 503 and reason "gateway_not_running".
    quint64 simulate(const gateway::SimulationRequest &request);

    // Reads the audit trail of the running (or last started) gateway off the calling thread.
    QFuture<AuditQueryResult> queryAudit(const observe::AuditQuery &query) const;

public Q_SLOTS:
    // Loads the configuration and starts listening; started() or failed() follows.
    void start(const QString &configPath);
    // Stops accepting, lets requests in flight finish (the config's drain grace), then stopped().
    void stop();

Q_SIGNALS:
    void started(const QString &url, const QString &policyVersion);
    void stopped();
    void failed(const QString &message);
    void stateChanged(perimeter::service::GatewayService::State state);
    void statsUpdated(const perimeter::service::GatewayStats &stats);
    void simulationFinished(quint64 id, const perimeter::gateway::SimulationResult &result);

private:
    void setState(State state);
    // Worker-thread side; these touch only the members marked "worker thread" below.
    void startOnWorker(const QString &configPath);
    void stopOnWorker();
    void destroyGatewayOnWorker();
    void sampleStats();

    // UI thread.
    State m_state = State::Stopped;
    QString m_listenUrl;
    QString m_policyVersion;
    QString m_configPath;
    std::shared_ptr<const gateway::GatewaySnapshot> m_snapshot;
    std::shared_ptr<observe::AuditStore> m_reader;
    quint64 m_nextSimulationId = 1;
    int m_statsIntervalMs = 1000;

    QThread *m_thread = nullptr;
    QObject *m_host = nullptr; // lives on m_thread; context object of every worker call

    // Worker thread.
    std::unique_ptr<gateway::Gateway> m_gateway;
    QTimer *m_statsTimer = nullptr;
    quint64 m_lastCount = 0;
    QElapsedTimer m_sampleClock;
};

} // namespace perimeter::service
