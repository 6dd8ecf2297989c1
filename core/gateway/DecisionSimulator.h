// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "GatewayContext.h"
#include "GatewaySnapshot.h"
#include "classify/ClassificationReport.h"
#include "routing/RouteDecision.h"
#include <QByteArray>
#include <QList>
#include <QPair>
#include <nlohmann/json.hpp>

namespace perimeter::gateway {

struct SimulationRequest {
    QString path = QStringLiteral("/v1/chat/completions");
    QByteArray body;                                   // an OpenAI request body
    QString callerId;                                  // recorded only; no credential is checked
    QString team;
    QList<QPair<QByteArray, QByteArray>> headers;      // e.g. x-perimeter-classification
};

struct SimulationResult {
    int status = 0;                 // what the gateway would answer before forwarding (200 = would forward)
    QString reason;                 // stable code
    QString message;
    bool classified = false;
    Sensitivity level = Sensitivity::Public;
    std::optional<Sensitivity> callerLabel;
    classify::ClassificationReport classification;
    QList<Tier> permittedTiers;
    routing::RouteDecision route;
    QString policyVersion;
    // The decision trace, built by the same code as the one stored with every audit record.
    nlohmann::json trace;
};

// The what-if: the same stages as a real request (parse, classify, policy, route) with a
// dry-run forwarder, so the simulator and the gateway cannot drift apart. Runs on the
// gateway's thread (it reads the live endpoint health).
class DecisionSimulator {
public:
    static SimulationResult run(const std::shared_ptr<const GatewaySnapshot> &snapshot, GatewayContext &context,
                                const SimulationRequest &request);
};

} // namespace perimeter::gateway
