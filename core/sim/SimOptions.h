// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Result.h"
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace perimeter::sim {

// Failure injected into /v1 requests: ServerError answers 500, Reset closes the connection
// without an answer, Hang never answers.
enum class FailMode { None, ServerError, Reset, Hang };

QString failModeName(FailMode mode);
Result<FailMode> parseFailMode(const QString &name);

// Behaviour of a simulated model server; every field has a command-line option.
struct SimOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;                 // 0: ephemeral
    QString name = QStringLiteral("sim");
    QStringList models{QStringLiteral("sim-chat"), QStringLiteral("sim-embed")};
    int latencyMs = 0;                // delay before the first byte of an answer
    int tokensPerSecond = 0;          // streaming pace; 0 = as fast as possible
    int replyTokens = 8;
    QString apiKey;                   // non-empty: /v1 requests need "Authorization: Bearer <key>"
    FailMode fail = FailMode::None;
    double failRate = 1.0;            // share of /v1 requests that fail when fail != None
    QString recordFile;               // append one JSON line per received request
    int keepReceived = 100'000;       // requests kept in memory for /__sim/received (oldest dropped)
    // GET /metrics like a real server, so the gateway's queue_metrics can be tested: "vllm"
    // (vllm:num_requests_waiting / _running) or "llamacpp" (llamacpp:requests_deferred /
    // _processing); "" = no /metrics. Waiting is the fake queue depth below; running is the
    // number of /v1 requests being answered.
    QString metricsFormat;
    int queueWaiting = 0;

    // A model whose name contains "embed" is an embedding model.
    static bool isEmbeddingModel(const QString &model) { return model.contains(QLatin1String("embed")); }

    // Registers the options on a parser (help and version are the caller's).
    static void addToParser(QCommandLineParser &parser);
    // Reads and validates the options; errors are usage errors (exit code 2).
    static Result<SimOptions> fromParser(const QCommandLineParser &parser);
};

} // namespace perimeter::sim
