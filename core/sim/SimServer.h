// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "SimOptions.h"
#include "common/Result.h"
#include "http/HttpRequest.h"
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

class QFile;

namespace perimeter::http {
class HttpServer;
class HttpResponder;
} // namespace perimeter::http

namespace perimeter::sim {

// A simulated OpenAI-compatible model server for demos, tests and benchmarks. Every answer is
// labelled simulated (header X-Perimeter-Sim, content starting "[simulated <name>]",
// system_fingerprint "perimeter-sim"). It records what it received so a test can prove what
// reached which tier, and its behaviour can be changed live through /__sim/ control endpoints.
class SimServer : public QObject {
    Q_OBJECT
public:
    explicit SimServer(SimOptions options, QObject *parent = nullptr);
    ~SimServer() override;

    // Opens the record file (if any) and starts listening.
    Status start();
    quint16 port() const;
    QString url() const;   // http://<host>:<port>
    const SimOptions &options() const { return m_options; }

    // Everything received on non-control paths, oldest first (same objects as the record file).
    QJsonArray received() const;
    void clearReceived();
    int requestCount() const { return m_requestCount; }
    int inFlight() const { return m_inFlight; }
    http::HttpServer *httpServer() const { return m_server.get(); }

Q_SIGNALS:
    void requestReceived(const QJsonObject &record);

private:
    void handle(const http::HttpRequest &request, http::HttpResponder *responder);
    void handleControl(const http::HttpRequest &request, http::HttpResponder *responder);
    void handleApi(const http::HttpRequest &request, http::HttpResponder *responder);
    void answerMetrics(http::HttpResponder *responder);
    void answerModels(http::HttpResponder *responder);
    void answerGeneration(const QJsonObject &body, bool chat, http::HttpResponder *responder);
    void answerEmbeddings(const QJsonObject &body, http::HttpResponder *responder);
    QJsonObject record(const http::HttpRequest &request);
    QJsonObject configJson() const;
    Status applyConfig(const QJsonObject &config);
    http::HttpHeaders jsonHeaders() const;
    void sendJson(http::HttpResponder *responder, int status, const QJsonObject &body);
    void sendError(http::HttpResponder *responder, int status, const QString &type, const QString &code,
                   const QString &message);
    // Runs `answer` after the configured latency unless the client has gone meanwhile.
    void afterLatency(http::HttpResponder *responder, std::function<void(http::HttpResponder *)> answer);

    SimOptions m_options;
    std::unique_ptr<http::HttpServer> m_server;
    std::unique_ptr<QFile> m_recordFile;
    QList<QJsonObject> m_received;
    int m_receivedDropped = 0;
    int m_requestCount = 0;
    int m_inFlight = 0;
    quint64 m_nextId = 1;
};

} // namespace perimeter::sim
