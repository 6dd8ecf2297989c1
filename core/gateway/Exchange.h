// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "GatewaySnapshot.h"
#include "ShadowOutcome.h"
#include "auth/Principal.h"
#include "classify/ClassificationReport.h"
#include "http/HttpResponder.h"
#include "routing/RouteDecision.h"
#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>
#include <QPointer>
#include <QSet>
#include <nlohmann/json.hpp>
#include <optional>

namespace perimeter::gateway {

// Everything known about one request as it moves through the stages; the record finalizer
// turns it into the audit record. Holds no payload beyond the parsed body, and the body is
// released as soon as it has been forwarded.
struct Exchange {
    QString requestId;
    QDateTime receivedAt;
    QElapsedTimer clock;
    http::HttpRequest request;
    QPointer<http::HttpResponder> responder;
    std::shared_ptr<const GatewaySnapshot> snapshot;

    // authenticate
    std::optional<auth::Principal> principal;
    // parse
    QString endpointPath;          // "/v1/chat/completions"
    QString pathKind;              // chat | completion | embedding
    QString upstreamSuffix;        // "/chat/completions"
    nlohmann::json body;
    QString model;
    bool stream = false;
    bool latencyLow = false;
    std::optional<Sensitivity> callerLabel;
    // classify
    bool classified = false;
    classify::ClassificationReport classification;
    Sensitivity level = Sensitivity::Restricted;
    // policy + route
    QList<Tier> permittedTiers;
    QString policyNote;            // which override set the tiers, if any (for the trace)
    routing::RouteDecision route;
    QSet<QString> triedEndpoints;
    int attempts = 0;
    bool dryRun = false;           // the what-if: nothing is forwarded, queued or counted
    // the wait queue (all permitted endpoints at capacity): ticket while waiting, then how it went
    quint64 queueTicket = 0;
    qint64 queuedAtMs = -1;
    qint64 queuedMs = -1;
    QString queueOutcome;          // dispatched | timeout | full | client_closed
    // what the shadow policy would have decided (null without a shadow policy)
    std::shared_ptr<const ShadowOutcome> shadow;
    // outcome
    int status = 0;
    QString decision;              // routed | rejected | failed
    QString reason;
    QString errorMessage;          // for a rejection or failure answered by the gateway
    QString modelServed;
    bool responseStarted = false;
    bool streamed = false;
    // What the upstream answered, kept only for the optional on-prem content store (bounded
    // by its max_bytes; never captured for a cloud tier).
    QByteArray capturedResponse;
    bool captureTruncated = false;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    qint64 upstreamMs = -1;
    qint64 ttftMs = -1;
    QMap<QString, qint64> stageNs;
    int nextStage = 0;
    bool finished = false;

    bool hasTier() const { return route.ok; }
};

} // namespace perimeter::gateway
