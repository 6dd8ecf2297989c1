// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditQueryResult.h"
#include "DecisionTraceResult.h"
#include "GatewayStats.h"
#include "PolicyResults.h"
#include "RegistryResults.h"
#include "ReviewResult.h"
#include "gateway/DecisionSimulator.h"
#include "gateway/GatewaySnapshot.h"
#include "observe/AlertEvent.h"
#include "observe/AuditStore.h"
#include "report/ReportExportJob.h"
#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <memory>

class QThread;
class QTimer;

namespace perimeter::gateway { class Gateway; }

namespace perimeter::report { class SqliteAuditAnalytics; }

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

    // Dashboard queries (series, breakdowns, top rejections) over the running (or last
    // started) gateway's trail, through a read-only connection; null before the first start.
    // Every call blocks: run them off the UI thread (QtConcurrent::run). docs/reports.md.
    std::shared_ptr<const report::AuditAnalytics> analytics() const;
    // Starts exporting an audit report (csv, json, pdf) on a worker thread and returns the job
    // (owned by `parent`, else by this service): connect its progressChanged / succeeded /
    // failed / cancelled signals, call cancel() to stop it. Without a trail the job fails.
    report::ReportExportJob *exportReport(const report::ExportRequest &request, QObject *parent = nullptr);
    // One request's record and the decision trace stored with it, read off the calling thread
    // (never the gateway's): the same data as `perimeterctl audit show`.
    QFuture<DecisionTraceResult> decisionTrace(const QString &requestId) const;

    // Policy editing, all through the core policy API (PolicyLoader, PolicyVersionStore,
    // Gateway::applyPolicy). The canonical JSON of the active policy (empty before a start).
    QByteArray activePolicyJson() const;
    // Validates a document off the calling thread; nothing is applied.
    QFuture<PolicyValidation> validatePolicy(const QByteArray &document) const;
    // Validates, writes the configuration's policy file atomically, records the version in
    // <data_dir>/policy.db (after the policy it replaces, so that one can be rolled back to)
    // and applies it to new requests. policyApplyFinished(id, result) follows; an invalid
    // policy is refused whole with every problem, and the active one stays in force.
    quint64 applyPolicy(const QByteArray &document, const QString &comment);
    // Applies the content of history entry `sequence` the same way.
    quint64 rollbackPolicy(qint64 sequence);
    QFuture<PolicyHistoryResult> policyHistory() const;                   // newest first, no content
    QFuture<PolicyHistoryResult> policyVersion(qint64 sequence) const;    // one entry, with content
    // A line diff ("- ", "+ ", "  ") of two documents, formatting differences ignored.
    static QStringList diffPolicies(const QByteArray &from, const QByteArray &to);

    // Decision reviews (observe::DecisionReviewStore in <data_dir>/reviews.db), off the
    // calling thread. The reviewer is the signed-in OS user. Marking emits reviewsChanged().
    QFuture<ReviewResult> reviewDecision(const QString &requestId, const QString &status, const QString &comment);
    QFuture<ReviewResult> decisionReviews() const;                        // current state of each reviewed decision
    QFuture<ReviewResult> decisionReviewLog(const QString &requestId) const; // every action, oldest first
    static QString currentUser();

    // The on-prem model registry (<data_dir>/registry.db) of the running gateway, read and
    // written on the thread pool; endpoint health is sampled on the gateway's thread. A change
    // is validated against the configuration, recorded in the history and served by the gateway
    // at once; registryChanged() follows it. Not running: ok false, code "gateway_not_running".
    QFuture<RegistryView> registryView();
    QFuture<RegistryChangeResult> changeModel(const RegistryChange &change);
    QFuture<RegistryHistoryResult> registryHistory(const QString &name = QString(), const QString &version = QString());

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
    void policyApplyFinished(quint64 id, const perimeter::service::PolicyApplyResult &result);
    // The active policy changed (console, admin API or policy file).
    void policyChanged(const QString &version);
    void reviewsChanged(const QString &requestId);
    void registryChanged();
    // An alert rule of the running gateway fired or resolved (for tray notifications);
    // emitted on this object's thread. event.message is a one-line text for people.
    void alertEvent(const perimeter::observe::AlertEvent &event);

private:
    void setState(State state);
    template <typename R, typename F>
    QFuture<R> runOnRegistry(F work, R notRunning);
    // Worker-thread side; these touch only the members marked "worker thread" below.
    void startOnWorker(const QString &configPath);
    void stopOnWorker();
    void destroyGatewayOnWorker();
    void sampleStats();
    quint64 startPolicyChange(const QByteArray &document, const QString &comment, qint64 rollbackSequence);
    void adoptSnapshot(std::shared_ptr<const gateway::GatewaySnapshot> snapshot);

    // UI thread.
    State m_state = State::Stopped;
    QString m_listenUrl;
    QString m_policyVersion;
    QString m_configPath;
    std::shared_ptr<const gateway::GatewaySnapshot> m_snapshot;
    std::shared_ptr<observe::AuditStore> m_reader;
    mutable std::shared_ptr<report::SqliteAuditAnalytics> m_analytics; // opened on first use
    quint64 m_nextSimulationId = 1;
    int m_statsIntervalMs = 1000;
    quint64 m_nextPolicyApplyId = 1;
    QFuture<void> m_policyWork; // waited for on destruction (it posts back to this object)

    QThread *m_thread = nullptr;
    QObject *m_host = nullptr; // lives on m_thread; context object of every worker call

    // Worker thread.
    std::unique_ptr<gateway::Gateway> m_gateway;
    QTimer *m_statsTimer = nullptr;
    quint64 m_lastCount = 0;
    QElapsedTimer m_sampleClock;
    const gateway::GatewaySnapshot *m_sampledSnapshot = nullptr; // to notice policy changes
};

} // namespace perimeter::service
