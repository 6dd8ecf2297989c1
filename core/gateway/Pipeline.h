// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "GatewayContext.h"
#include "Stage.h"
#include <QObject>
#include <vector>

namespace perimeter::gateway {

// Runs the stages of one request in order and owns the two ways out: answering with a
// rejection or error, and the record finalizer that writes exactly one audit record per
// request however it ended (like nginx's log phase).
class Pipeline : public QObject {
    Q_OBJECT
public:
    explicit Pipeline(GatewayContext &context, QObject *parent = nullptr);
    ~Pipeline() override;

    void addStage(std::unique_ptr<Stage> stage);
    GatewayContext &context() { return m_context; }

    // Runs from exchange->nextStage; used to start and to resume after a Pending stage.
    void run(const std::shared_ptr<Exchange> &exchange);

    // Marks the exchange as refused by the gateway (decision "rejected") or failed, for
    // StageStatus::Respond.
    static StageStatus reject(Exchange &exchange, int status, const QString &code, const QString &message);
    static StageStatus fail(Exchange &exchange, int status, const QString &code, const QString &message);

    // Sends the exchange's error as the answer and finishes it.
    void respondWithError(const std::shared_ptr<Exchange> &exchange);
    // Sends a JSON answer produced by the gateway itself and finishes the exchange.
    void respondJson(const std::shared_ptr<Exchange> &exchange, int status, const QByteArray &json);
    // The headers every answer carries (request id; sensitivity once classified; tier once routed).
    static http::HttpHeaders perimeterHeaders(const Exchange &exchange);
    // The record finalizer: idempotent, so every exit path may call it.
    void finish(const std::shared_ptr<Exchange> &exchange);

private:
    GatewayContext &m_context;
    std::vector<std::unique_ptr<Stage>> m_stages;
};

} // namespace perimeter::gateway
