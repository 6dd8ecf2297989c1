// SPDX-License-Identifier: Apache-2.0
#include "SimServer.h"
#include "SimStream.h"
#include "http/HttpResponder.h"
#include "http/HttpServer.h"
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>
#include <QtEndian>
#include <cmath>

namespace perimeter::sim {

using http::HttpHeaders;
using http::HttpRequest;
using http::HttpResponder;

namespace {

constexpr int kEmbeddingDimensions = 8;
// Models are listed with a fixed creation time so that answers are reproducible.
constexpr qint64 kModelCreated = 1'700'000'000;

const char *const kVocabulary[] = {"this", "is", "a", "simulated", "answer", "from", "a", "model", "server",
                                   "used", "for", "tests", "and", "demos"};

QJsonObject usageJson(int promptTokens, int completionTokens)
{
    return QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                       {QStringLiteral("completion_tokens"), completionTokens},
                       {QStringLiteral("total_tokens"), promptTokens + completionTokens}};
}

int estimateTokens(const QString &text)
{
    return qMax(1, int((text.size() + 3) / 4));
}

// Text of a chat message's content: a string, or an array of parts with "text".
QString contentText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QString out;
    if (content.isArray()) {
        for (const QJsonValue &part : content.toArray()) {
            if (part.isObject())
                out += part.toObject().value(QStringLiteral("text")).toString();
            else if (part.isString())
                out += part.toString();
        }
    }
    return out;
}

QString inputText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray() || v.isObject())
        return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return QString();
}

QJsonArray embeddingFor(const QString &text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    double values[kEmbeddingDimensions];
    double norm = 0;
    for (int i = 0; i < kEmbeddingDimensions; ++i) {
        const quint32 bits = qFromBigEndian<quint32>(digest.constData() + i * 4);
        values[i] = double(bits) / 4294967295.0 * 2.0 - 1.0;
        norm += values[i] * values[i];
    }
    norm = std::sqrt(norm);
    QJsonArray out;
    for (double v : values)
        out.append(norm > 0 ? v / norm : 0.0);
    return out;
}

QByteArray sseFrame(const QJsonObject &o)
{
    return "data: " + QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

SimServer::SimServer(SimOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(std::make_unique<http::HttpServer>())
{
    m_server->setHandler([this](const HttpRequest &request, HttpResponder *responder) { handle(request, responder); });
    // Lots of concurrent streams, and test clients that keep connections around.
    http::HttpServerLimits limits;
    limits.maxConnections = 20'000;
    m_server->setLimits(limits);
}

SimServer::~SimServer()
{
    // Connections (and the responders our lambdas watch) go first, while every member still exists.
    m_server.reset();
}

Status SimServer::start()
{
    if (!m_options.recordFile.isEmpty()) {
        m_recordFile = std::make_unique<QFile>(m_options.recordFile);
        if (!m_recordFile->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
            return Status::failure(QStringLiteral("record_open_failed"),
                                   QStringLiteral("cannot open record file: %1").arg(m_recordFile->errorString()));
        }
    }
    const QHostAddress address = m_options.host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost)
                                                                              : QHostAddress(m_options.host);
    if (!m_server->listen(address, m_options.port)) {
        return Status::failure(QStringLiteral("listen_failed"),
                               QStringLiteral("cannot listen on %1:%2: %3")
                                   .arg(m_options.host)
                                   .arg(m_options.port)
                                   .arg(m_server->errorString()));
    }
    return Ok{};
}

quint16 SimServer::port() const { return m_server->serverPort(); }

QString SimServer::url() const { return QStringLiteral("http://%1:%2").arg(m_options.host).arg(port()); }

QJsonArray SimServer::received() const
{
    QJsonArray out;
    for (const QJsonObject &r : m_received)
        out.append(r);
    return out;
}

void SimServer::clearReceived()
{
    m_received.clear();
    m_receivedDropped = 0;
    m_requestCount = 0;
}

HttpHeaders SimServer::jsonHeaders() const
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("X-Perimeter-Sim"), m_options.name.toUtf8()}};
}

void SimServer::sendJson(HttpResponder *responder, int status, const QJsonObject &body)
{
    responder->send(status, jsonHeaders(), QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void SimServer::sendError(HttpResponder *responder, int status, const QString &type, const QString &code,
                          const QString &message)
{
    const QJsonObject error{{QStringLiteral("message"), QStringLiteral("[simulated %1] %2").arg(m_options.name, message)},
                            {QStringLiteral("type"), type},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("param"), QJsonValue::Null}};
    sendJson(responder, status, QJsonObject{{QStringLiteral("error"), error}});
}

void SimServer::afterLatency(HttpResponder *responder, std::function<void(HttpResponder *)> answer)
{
    if (m_options.latencyMs <= 0) {
        answer(responder);
        return;
    }
    QPointer<HttpResponder> guard(responder);
    QTimer::singleShot(m_options.latencyMs, this, [guard, answer = std::move(answer)] {
        if (guard && !guard->isClientGone())
            answer(guard.data());
    });
}

void SimServer::handle(const HttpRequest &request, HttpResponder *responder)
{
    if (request.path.startsWith("/__sim/")) {
        handleControl(request, responder);
        return;
    }
    if (request.path == "/metrics" && !m_options.metricsFormat.isEmpty()) {
        // Not a model request: neither counted nor recorded, like a real server's scrape.
        answerMetrics(responder);
        return;
    }
    ++m_requestCount;
    ++m_inFlight;
    // The responder lives until its answer is complete or the client has gone, whatever path it took.
    connect(responder, &QObject::destroyed, this, [this] { --m_inFlight; });
    const QJsonObject rec = record(request);
    if (m_options.keepReceived > 0) {
        m_received.append(rec);
        if (m_received.size() > m_options.keepReceived) {
            m_received.removeFirst();
            ++m_receivedDropped;
        }
    } else {
        ++m_receivedDropped;
    }
    if (m_recordFile) {
        m_recordFile->write(QJsonDocument(rec).toJson(QJsonDocument::Compact) + '\n');
        m_recordFile->flush();
    }
    Q_EMIT requestReceived(rec);
    handleApi(request, responder);
}

QJsonObject SimServer::record(const HttpRequest &request)
{
    QJsonObject headers;
    for (const auto &h : request.headers) {
        const QString name = QString::fromLatin1(h.first);
        const QString value = QString::fromUtf8(h.second);
        headers.insert(name, headers.contains(name) ? headers.value(name).toString() + QStringLiteral(", ") + value : value);
    }
    QJsonObject rec{{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                    {QStringLiteral("method"), QString::fromLatin1(request.method)},
                    {QStringLiteral("path"), QString::fromUtf8(request.path)},
                    {QStringLiteral("query"), QString::fromUtf8(request.query)},
                    {QStringLiteral("headers"), headers}};
    if (!request.body.isEmpty()) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
        if (err.error == QJsonParseError::NoError && doc.isObject())
            rec.insert(QStringLiteral("body"), doc.object());
        else if (err.error == QJsonParseError::NoError && doc.isArray())
            rec.insert(QStringLiteral("body"), doc.array());
        else
            rec.insert(QStringLiteral("body"), QString::fromUtf8(request.body));
    } else {
        rec.insert(QStringLiteral("body"), QJsonValue::Null);
    }
    return rec;
}

void SimServer::answerMetrics(HttpResponder *responder)
{
    QByteArray text;
    const bool vllm = m_options.metricsFormat == QLatin1String("vllm");
    const QByteArray waiting = vllm ? QByteArrayLiteral("vllm:num_requests_waiting") : QByteArrayLiteral("llamacpp:requests_deferred");
    const QByteArray running = vllm ? QByteArrayLiteral("vllm:num_requests_running") : QByteArrayLiteral("llamacpp:requests_processing");
    // vLLM labels its gauges per model; llama.cpp serves one model and no labels.
    const QByteArray labels = vllm ? QByteArray("{model_name=\"" + m_options.models.first().toUtf8() + "\"}") : QByteArray();
    text += "# HELP " + running + " Requests being processed (simulated).\n# TYPE " + running + " gauge\n";
    text += running + labels + ' ' + QByteArray::number(m_inFlight) + '\n';
    text += "# HELP " + waiting + " Requests waiting (simulated).\n# TYPE " + waiting + " gauge\n";
    text += waiting + labels + ' ' + QByteArray::number(m_options.queueWaiting) + '\n';
    responder->send(200, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("text/plain; version=0.0.4")}}, text);
}

QJsonObject SimServer::configJson() const
{
    return QJsonObject{{QStringLiteral("name"), m_options.name},
                       {QStringLiteral("models"), QJsonArray::fromStringList(m_options.models)},
                       {QStringLiteral("fail"), failModeName(m_options.fail)},
                       {QStringLiteral("fail_rate"), m_options.failRate},
                       {QStringLiteral("latency_ms"), m_options.latencyMs},
                       {QStringLiteral("tokens_per_second"), m_options.tokensPerSecond},
                       {QStringLiteral("reply_tokens"), m_options.replyTokens},
                       {QStringLiteral("api_key_required"), !m_options.apiKey.isEmpty()},
                       {QStringLiteral("metrics"), m_options.metricsFormat},
                       {QStringLiteral("queue_waiting"), m_options.queueWaiting}};
}

Status SimServer::applyConfig(const QJsonObject &config)
{
    // Validated as a whole first, so a bad request changes nothing.
    SimOptions next = m_options;
    auto bad = [](const QString &message) { return Status::failure(QStringLiteral("invalid_request"), message); };
    for (auto it = config.begin(); it != config.end(); ++it) {
        const QString key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("fail")) {
            const auto mode = parseFailMode(v.toString());
            if (!v.isString() || !mode)
                return bad(QStringLiteral("fail must be one of none, 5xx, reset, hang"));
            next.fail = mode.value();
        } else if (key == QLatin1String("fail_rate")) {
            if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1)
                return bad(QStringLiteral("fail_rate must be a number between 0 and 1"));
            next.failRate = v.toDouble();
        } else if (key == QLatin1String("latency_ms") || key == QLatin1String("tokens_per_second")
                   || key == QLatin1String("reply_tokens")) {
            const double d = v.toDouble(-1);
            const int min = key == QLatin1String("reply_tokens") ? 1 : 0;
            if (!v.isDouble() || d < min || d > 3'600'000 || d != std::floor(d))
                return bad(QStringLiteral("%1 must be a whole number of at least %2").arg(key).arg(min));
            (key == QLatin1String("latency_ms")          ? next.latencyMs
             : key == QLatin1String("tokens_per_second") ? next.tokensPerSecond
                                                         : next.replyTokens) = int(d);
        } else if (key == QLatin1String("queue_waiting")) {
            if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > 1'000'000 || v.toDouble() != std::floor(v.toDouble()))
                return bad(QStringLiteral("queue_waiting must be a whole number of at least 0"));
            next.queueWaiting = v.toInt();
        } else if (key == QLatin1String("metrics")) {
            if (!v.isString() || (!v.toString().isEmpty() && v.toString() != QLatin1String("vllm") && v.toString() != QLatin1String("llamacpp")))
                return bad(QStringLiteral("metrics must be \"vllm\", \"llamacpp\" or \"\""));
            next.metricsFormat = v.toString();
        } else if (key == QLatin1String("api_key")) {
            if (!v.isString() && !v.isNull())
                return bad(QStringLiteral("api_key must be a string or null"));
            next.apiKey = v.toString();
        } else if (key == QLatin1String("models")) {
            if (!v.isArray() || v.toArray().isEmpty())
                return bad(QStringLiteral("models must be a non-empty array of names"));
            QStringList models;
            for (const QJsonValue &m : v.toArray()) {
                if (!m.isString() || m.toString().isEmpty())
                    return bad(QStringLiteral("models must be a non-empty array of names"));
                models.append(m.toString());
            }
            next.models = models;
        } else {
            return bad(QStringLiteral("unknown config key: %1").arg(key));
        }
    }
    m_options = next;
    return Ok{};
}

void SimServer::handleControl(const HttpRequest &request, HttpResponder *responder)
{
    const QByteArray &path = request.path;
    if (path == "/__sim/received" && request.method == "GET") {
        responder->send(200, jsonHeaders(), QJsonDocument(received()).toJson(QJsonDocument::Compact));
    } else if (path == "/__sim/reset" && request.method == "POST") {
        clearReceived();
        sendJson(responder, 200, QJsonObject{{QStringLiteral("ok"), true}});
    } else if (path == "/__sim/stats" && request.method == "GET") {
        sendJson(responder, 200,
                 QJsonObject{{QStringLiteral("requests"), m_requestCount},
                             {QStringLiteral("in_flight"), m_inFlight},
                             {QStringLiteral("received_dropped"), m_receivedDropped}});
    } else if (path == "/__sim/config" && request.method == "GET") {
        sendJson(responder, 200, configJson());
    } else if (path == "/__sim/config" && request.method == "POST") {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
        if (err.error != QJsonParseError::NoError || !doc.isObject()) {
            sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                      QStringLiteral("config must be a JSON object"));
            return;
        }
        const Status applied = applyConfig(doc.object());
        if (!applied) {
            sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                      applied.error().message);
            return;
        }
        sendJson(responder, 200, configJson());
    } else {
        sendError(responder, 404, QStringLiteral("invalid_request_error"), QStringLiteral("not_found"),
                  QStringLiteral("unknown control endpoint"));
    }
}

void SimServer::handleApi(const HttpRequest &request, HttpResponder *responder)
{
    if (!m_options.apiKey.isEmpty()) {
        const QByteArray expected = "Bearer " + m_options.apiKey.toUtf8();
        if (request.headerCount("authorization") != 1 || request.header("authorization") != expected) {
            sendError(responder, 401, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"),
                      QStringLiteral("missing or wrong API key"));
            return;
        }
    }
    if (m_options.fail != FailMode::None && QRandomGenerator::global()->generateDouble() < m_options.failRate) {
        switch (m_options.fail) {
        case FailMode::ServerError:
            afterLatency(responder, [this](HttpResponder *r) {
                sendError(r, 500, QStringLiteral("server_error"), QStringLiteral("sim_injected_failure"),
                          QStringLiteral("injected failure"));
            });
            return;
        case FailMode::Reset:
            responder->abort();
            return;
        case FailMode::Hang:
            // Never answered: the responder stays until the client gives up.
            return;
        case FailMode::None:
            break;
        }
    }

    const QByteArray &path = request.path;
    const bool isModels = path == "/v1/models";
    const bool isChat = path == "/v1/chat/completions";
    const bool isCompletions = path == "/v1/completions";
    const bool isEmbeddings = path == "/v1/embeddings";
    if (!isModels && !isChat && !isCompletions && !isEmbeddings) {
        sendError(responder, 404, QStringLiteral("invalid_request_error"), QStringLiteral("not_found"),
                  QStringLiteral("unknown path"));
        return;
    }
    if ((isModels && request.method != "GET") || (!isModels && request.method != "POST")) {
        sendError(responder, 405, QStringLiteral("invalid_request_error"), QStringLiteral("method_not_allowed"),
                  QStringLiteral("method not allowed on this path"));
        return;
    }
    if (isModels) {
        afterLatency(responder, [this](HttpResponder *r) { answerModels(r); });
        return;
    }

    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                  QStringLiteral("request body must be a JSON object"));
        return;
    }
    const QJsonObject body = doc.object();
    const QJsonValue model = body.value(QStringLiteral("model"));
    if (!model.isString() || model.toString().isEmpty()) {
        sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                  QStringLiteral("model is required"));
        return;
    }
    if (!m_options.models.contains(model.toString())) {
        sendError(responder, 404, QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"),
                  QStringLiteral("the model does not exist"));
        return;
    }
    if (SimOptions::isEmbeddingModel(model.toString()) != isEmbeddings) {
        sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                  isEmbeddings ? QStringLiteral("the model is not an embedding model")
                               : QStringLiteral("an embedding model cannot generate text"));
        return;
    }
    if (isChat && !body.value(QStringLiteral("messages")).isArray()) {
        sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                  QStringLiteral("messages must be an array"));
        return;
    }
    if (isCompletions && !body.contains(QStringLiteral("prompt"))) {
        sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                  QStringLiteral("prompt is required"));
        return;
    }
    if (isEmbeddings) {
        const QJsonValue input = body.value(QStringLiteral("input"));
        if (!input.isString() && !input.isArray()) {
            sendError(responder, 400, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_request"),
                      QStringLiteral("input must be a string or an array"));
            return;
        }
        afterLatency(responder, [this, body](HttpResponder *r) { answerEmbeddings(body, r); });
        return;
    }
    afterLatency(responder, [this, body, isChat](HttpResponder *r) { answerGeneration(body, isChat, r); });
}

void SimServer::answerModels(HttpResponder *responder)
{
    QJsonArray data;
    for (const QString &m : std::as_const(m_options.models)) {
        data.append(QJsonObject{{QStringLiteral("id"), m},
                                {QStringLiteral("object"), QStringLiteral("model")},
                                {QStringLiteral("created"), kModelCreated},
                                {QStringLiteral("owned_by"), QStringLiteral("perimeter-sim")}});
    }
    sendJson(responder, 200, QJsonObject{{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
}

void SimServer::answerGeneration(const QJsonObject &body, bool chat, HttpResponder *responder)
{
    const QString model = body.value(QStringLiteral("model")).toString();
    QString prompt;
    if (chat) {
        for (const QJsonValue &m : body.value(QStringLiteral("messages")).toArray())
            prompt += contentText(m.toObject().value(QStringLiteral("content")));
    } else {
        prompt = inputText(body.value(QStringLiteral("prompt")));
    }
    const int promptTokens = estimateTokens(prompt);

    int count = m_options.replyTokens;
    bool truncated = false;
    for (const auto &key : {QStringLiteral("max_tokens"), QStringLiteral("max_completion_tokens")}) {
        const int limit = body.value(key).toInt(0);
        if (limit > 0 && limit < count) {
            count = limit;
            truncated = true;
        }
    }
    QStringList tokens{QStringLiteral("[simulated %1]").arg(m_options.name)};
    for (int i = 1; i < count; ++i)
        tokens.append(QLatin1Char(' ') + QLatin1String(kVocabulary[(i - 1) % std::size(kVocabulary)]));
    const QString finishReason = truncated ? QStringLiteral("length") : QStringLiteral("stop");
    const QJsonObject usage = usageJson(promptTokens, count);
    const QString id = (chat ? QStringLiteral("chatcmpl-sim-") : QStringLiteral("cmpl-sim-")) + QString::number(m_nextId++);
    const qint64 created = QDateTime::currentSecsSinceEpoch();
    const QString object = chat ? QStringLiteral("chat.completion") : QStringLiteral("text_completion");

    auto envelope = [&](const QString &obj) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("object"), obj},
                           {QStringLiteral("created"), created},
                           {QStringLiteral("model"), model},
                           {QStringLiteral("system_fingerprint"), QStringLiteral("perimeter-sim")}};
    };

    if (!body.value(QStringLiteral("stream")).toBool(false)) {
        QJsonObject choice{{QStringLiteral("index"), 0}, {QStringLiteral("finish_reason"), finishReason}};
        if (chat) {
            choice.insert(QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                                 {QStringLiteral("content"), tokens.join(QString())}});
        } else {
            choice.insert(QStringLiteral("text"), tokens.join(QString()));
            choice.insert(QStringLiteral("logprobs"), QJsonValue::Null);
        }
        QJsonObject out = envelope(object);
        out.insert(QStringLiteral("choices"), QJsonArray{choice});
        out.insert(QStringLiteral("usage"), usage);
        sendJson(responder, 200, out);
        return;
    }

    const QString chunkObject = chat ? QStringLiteral("chat.completion.chunk") : QStringLiteral("text_completion");
    QList<QByteArray> frames;
    frames.reserve(tokens.size());
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        QJsonObject choice{{QStringLiteral("index"), 0}, {QStringLiteral("finish_reason"), QJsonValue::Null}};
        if (chat) {
            QJsonObject delta{{QStringLiteral("content"), tokens.at(i)}};
            if (i == 0)
                delta.insert(QStringLiteral("role"), QStringLiteral("assistant"));
            choice.insert(QStringLiteral("delta"), delta);
        } else {
            choice.insert(QStringLiteral("text"), tokens.at(i));
            choice.insert(QStringLiteral("logprobs"), QJsonValue::Null);
        }
        QJsonObject chunk = envelope(chunkObject);
        chunk.insert(QStringLiteral("choices"), QJsonArray{choice});
        frames.append(sseFrame(chunk));
    }
    QJsonObject last{{QStringLiteral("index"), 0}, {QStringLiteral("finish_reason"), finishReason}};
    if (chat) {
        last.insert(QStringLiteral("delta"), QJsonObject{});
    } else {
        last.insert(QStringLiteral("text"), QString());
        last.insert(QStringLiteral("logprobs"), QJsonValue::Null);
    }
    QJsonObject final = envelope(chunkObject);
    final.insert(QStringLiteral("choices"), QJsonArray{last});
    final.insert(QStringLiteral("usage"), usage);
    const QByteArray tail = sseFrame(final) + "data: [DONE]\n\n";

    HttpHeaders headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/event-stream")},
                        {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")},
                        {QByteArrayLiteral("X-Perimeter-Sim"), m_options.name.toUtf8()}};
    responder->beginStream(200, headers);
    auto *stream = new SimStream(responder, std::move(frames), tail, m_options.tokensPerSecond, this);
    stream->start();
}

void SimServer::answerEmbeddings(const QJsonObject &body, HttpResponder *responder)
{
    const QJsonValue input = body.value(QStringLiteral("input"));
    QStringList texts;
    if (input.isString()) {
        texts.append(input.toString());
    } else {
        for (const QJsonValue &v : input.toArray())
            texts.append(inputText(v));
    }
    QJsonArray data;
    int promptTokens = 0;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        promptTokens += estimateTokens(texts.at(i));
        data.append(QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                {QStringLiteral("index"), int(i)},
                                {QStringLiteral("embedding"), embeddingFor(texts.at(i))}});
    }
    sendJson(responder, 200,
             QJsonObject{{QStringLiteral("object"), QStringLiteral("list")},
                         {QStringLiteral("data"), data},
                         {QStringLiteral("model"), body.value(QStringLiteral("model")).toString()},
                         {QStringLiteral("system_fingerprint"), QStringLiteral("perimeter-sim")},
                         {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                                                               {QStringLiteral("total_tokens"), promptTokens}}}});
}

} // namespace perimeter::sim
