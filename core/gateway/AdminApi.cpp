// SPDX-License-Identifier: Apache-2.0
#include "AdminApi.h"
#include "policy/PolicyPublisher.h"
#include "routing/WaitQueue.h"
#include "Gateway.h"
#include "GatewaySnapshotLoader.h"
#include "RegistryAdminApi.h"
#include "SimulationJson.h"
#include "policy/PolicyLoader.h"
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPointer>
#include <QSaveFile>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <openssl/crypto.h>

Q_LOGGING_CATEGORY(lcAdmin, "perimeter.admin")

namespace perimeter::gateway {

namespace {

using Json = nlohmann::json;

void sendJson(http::HttpResponder *responder, int status, const Json &body)
{
    if (!responder)
        return;
    responder->send(status, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}},
                    QByteArray::fromStdString(body.dump()));
}

void sendError(http::HttpResponder *responder, int status, const QString &code, const QString &message, const QStringList &problems = {})
{
    Json error = {{"message", message.toStdString()}, {"code", code.toStdString()}};
    if (!problems.isEmpty()) {
        Json list = Json::array();
        for (const auto &p : problems)
            list.push_back(p.toStdString());
        error["problems"] = list;
    }
    sendJson(responder, status, Json{{"error", error}});
}

Json versionJson(const policy::PolicyVersion &v, bool withContent)
{
    Json j = {{"sequence", v.sequence}, {"version", v.version.toStdString()}, {"author", v.author.toStdString()},
              {"applied_at", v.appliedAt.toString(Qt::ISODateWithMs).toStdString()}, {"comment", v.comment.toStdString()}};
    if (withContent) {
        try {
            j["policy"] = Json::parse(v.content.constBegin(), v.content.constEnd());
        } catch (const Json::exception &) {
            j["policy"] = nullptr;
        }
    }
    return j;
}

// Runs `work` on the thread pool and `done` back on `context`'s thread.
template <typename R>
void runAsync(QObject *context, std::function<R()> work, std::function<void(R)> done)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done]() {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

AdminApi::AdminApi(Gateway &gateway, std::shared_ptr<policy::PolicyVersionStore> versions, QObject *parent)
    : QObject(parent), m_gateway(gateway), m_versions(std::move(versions)), m_server(new http::HttpServer(this))
{
    http::HttpServerLimits limits;
    limits.maxBodyBytes = 16 * 1024 * 1024;
    m_server->setLimits(limits);
    m_server->setHandler([this](const http::HttpRequest &request, http::HttpResponder *responder) { handle(request, responder); });
}

AdminApi::~AdminApi() = default;

bool AdminApi::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 AdminApi::port() const
{
    return m_server->serverPort();
}

QString AdminApi::listenUrl() const
{
    return QStringLiteral("http://%1:%2").arg(m_server->serverAddress().toString()).arg(port());
}

QString AdminApi::errorString() const
{
    return m_server->errorString();
}

void AdminApi::stopAccepting()
{
    m_server->stopAccepting();
}

void AdminApi::handle(const http::HttpRequest &request, http::HttpResponder *responder)
{
    // Constant-time comparison of the whole header value with the expected one.
    const QByteArray expected = QByteArrayLiteral("Bearer ") + m_gateway.snapshot()->adminToken;
    const QByteArray given = request.header("authorization");
    if (request.headerCount("authorization") != 1 || m_gateway.snapshot()->adminToken.isEmpty() || given.size() != expected.size()
        || CRYPTO_memcmp(given.constData(), expected.constData(), size_t(expected.size())) != 0) {
        responder->send(401, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")},
                              {QByteArrayLiteral("www-authenticate"), QByteArrayLiteral("Bearer")}},
                        QByteArrayLiteral("{\"error\":{\"message\":\"Admin token required.\",\"code\":\"unauthenticated\"}}"));
        return;
    }
    const QByteArray &path = request.path;
    const QByteArray &method = request.method;
    if (path == "/admin/v1/policy" && method == "GET")
        return getPolicy(responder);
    if (path == "/admin/v1/policy/validate" && method == "POST")
        return validatePolicy(request, responder);
    if (path == "/admin/v1/policy" && method == "PUT") {
        const QString comment = QUrlQuery(QString::fromLatin1(request.query)).queryItemValue(QStringLiteral("comment"), QUrl::FullyDecoded);
        return putPolicy(request, responder, request.body, comment);
    }
    if (path == "/admin/v1/policy/versions" && method == "GET")
        return listVersions(responder);
    if (path.startsWith("/admin/v1/policy/versions/") && method == "GET") {
        bool ok = false;
        const qint64 sequence = path.mid(int(qstrlen("/admin/v1/policy/versions/"))).toLongLong(&ok);
        if (!ok)
            return sendError(responder, 400, QStringLiteral("invalid_request"), QStringLiteral("A version is addressed by its sequence number."));
        return getVersion(sequence, responder);
    }
    if (path == "/admin/v1/policy/diff" && method == "GET")
        return diff(request, responder);
    if (path == "/admin/v1/policy/rollback" && method == "POST")
        return rollback(request, responder);
    if (path == "/admin/v1/simulate" && method == "POST")
        return simulate(request, responder);
    if (path == "/admin/v1/endpoints" && method == "GET")
        return endpoints(responder);
    if (RegistryAdminApi::handle(m_gateway, this, request, responder))
        return;
    sendError(responder, 404, QStringLiteral("not_found"), QStringLiteral("Unknown admin path or method."));
}

void AdminApi::getPolicy(http::HttpResponder *responder)
{
    const auto policy = m_gateway.snapshot()->policy;
    Json document;
    try {
        document = Json::parse(policy->canonicalJson().constBegin(), policy->canonicalJson().constEnd());
    } catch (const Json::exception &) {
        document = nullptr;
    }
    // The shadow policy (if any) only records where it would decide differently.
    const auto snapshot = m_gateway.snapshot();
    const Json shadow = snapshot->shadowPolicy
        ? Json{{"version", snapshot->shadowPolicy->version().toStdString()}, {"path", snapshot->config.shadowPolicyPath.toStdString()}}
        : Json(nullptr);
    sendJson(responder, 200, Json{{"version", policy->version().toStdString()}, {"policy", document},
                                  {"path", snapshot->config.policyPath.toStdString()}, {"shadow", shadow},
                                  {"queue_waiting", m_gateway.context().queue ? m_gateway.context().queue->size() : 0}});
}

void AdminApi::validatePolicy(const http::HttpRequest &request, http::HttpResponder *responder)
{
    QPointer<http::HttpResponder> out(responder);
    const QByteArray body = request.body;
    runAsync<Result<std::shared_ptr<const policy::Policy>>>(
        this, [body]() { return policy::PolicyLoader::fromBytes(body); },
        [out](Result<std::shared_ptr<const policy::Policy>> result) {
            if (result.ok())
                return sendJson(out, 200, Json{{"valid", true}, {"version", result.value()->version().toStdString()}});
            Json problems = Json::array();
            for (const auto &p : result.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                problems.push_back(p.toStdString());
            sendJson(out, 200, Json{{"valid", false}, {"problems", problems}});
        });
}

void AdminApi::putPolicy(const http::HttpRequest &request, http::HttpResponder *responder, const QByteArray &content, const QString &comment)
{
    const QString policyPath = m_gateway.snapshot()->config.policyPath;
    if (policyPath.isEmpty())
        return sendError(responder, 409, QStringLiteral("no_policy_file"),
                         QStringLiteral("The configuration uses the built-in default policy; set \"policy\" to a file to manage it here."));
    QString author = QString::fromUtf8(request.header("x-perimeter-author")).trimmed();
    if (author.isEmpty())
        author = QStringLiteral("admin-api");
    QPointer<http::HttpResponder> out(responder);
    auto versions = m_versions;
    runAsync<policy::PolicyPublication>(
        this,
        [content, policyPath, author, comment, versions]() {
            return policy::PolicyPublication::publish(content, policyPath, *versions, author, comment);
        },
        [this, out](policy::PolicyPublication o) {
            if (!o.policy.ok())
                return sendError(out, 422, QStringLiteral("policy_invalid"), QStringLiteral("The policy is invalid; the active policy stays in force."),
                                 o.policy.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
            if (!o.writeError.isEmpty())
                return sendError(out, 500, QStringLiteral("policy_write_failed"), QStringLiteral("Cannot write the policy file: %1").arg(o.writeError));
            m_gateway.applyPolicy(o.policy.value());
            Json body = {{"applied", true}, {"version", o.policy.value()->version().toStdString()}};
            if (o.version.ok())
                body["sequence"] = o.version.value().sequence;
            else
                qCWarning(lcAdmin, "policy applied but not recorded in the history: %s", qPrintable(o.version.error().message));
            sendJson(out, 200, body);
        });
}

void AdminApi::listVersions(http::HttpResponder *responder)
{
    QPointer<http::HttpResponder> out(responder);
    auto versions = m_versions;
    runAsync<Result<QList<policy::PolicyVersion>>>(
        this, [versions]() { return versions->list(); },
        [out](Result<QList<policy::PolicyVersion>> result) {
            if (!result.ok())
                return sendError(out, 500, result.error().code, result.error().message);
            Json list = Json::array();
            for (const auto &v : result.value())
                list.push_back(versionJson(v, false));
            sendJson(out, 200, Json{{"versions", list}});
        });
}

void AdminApi::getVersion(qint64 sequence, http::HttpResponder *responder)
{
    QPointer<http::HttpResponder> out(responder);
    auto versions = m_versions;
    runAsync<Result<policy::PolicyVersion>>(
        this, [versions, sequence]() { return versions->bySequence(sequence); },
        [out](Result<policy::PolicyVersion> result) {
            if (!result.ok())
                return sendError(out, result.error().code == QLatin1String("not_found") ? 404 : 500, result.error().code, result.error().message);
            sendJson(out, 200, versionJson(result.value(), true));
        });
}

void AdminApi::diff(const http::HttpRequest &request, http::HttpResponder *responder)
{
    const QUrlQuery query(QString::fromLatin1(request.query));
    bool okFrom = false;
    bool okTo = true;
    const qint64 from = query.queryItemValue(QStringLiteral("from")).toLongLong(&okFrom);
    const QString toText = query.queryItemValue(QStringLiteral("to"));
    const qint64 to = toText.isEmpty() ? 0 : toText.toLongLong(&okTo);
    if (!okFrom || !okTo)
        return sendError(responder, 400, QStringLiteral("invalid_request"), QStringLiteral("Use ?from=<sequence>[&to=<sequence>]."));
    const QByteArray active = m_gateway.snapshot()->policy->canonicalJson();
    QPointer<http::HttpResponder> out(responder);
    auto versions = m_versions;
    using Pair = std::pair<Result<policy::PolicyVersion>, Result<policy::PolicyVersion>>;
    runAsync<Pair>(
        this,
        [versions, from, to]() {
            return Pair{versions->bySequence(from), to == 0 ? Result<policy::PolicyVersion>(Error{}) : versions->bySequence(to)};
        },
        [out, to, active](Pair pair) {
            if (!pair.first.ok() || (to != 0 && !pair.second.ok()))
                return sendError(out, 404, QStringLiteral("not_found"), QStringLiteral("Unknown policy version."));
            const QByteArray target = to == 0 ? active : pair.second.value().content;
            Json lines = Json::array();
            for (const auto &l : policy::PolicyVersionStore::diff(pair.first.value().content, target))
                lines.push_back(l.toStdString());
            sendJson(out, 200, Json{{"from", pair.first.value().sequence}, {"to", to == 0 ? Json("active") : Json(to)}, {"lines", lines}});
        });
}

void AdminApi::rollback(const http::HttpRequest &request, http::HttpResponder *responder)
{
    qint64 sequence = 0;
    try {
        const Json body = Json::parse(request.body.constBegin(), request.body.constEnd());
        sequence = body.at("sequence").get<qint64>();
    } catch (const Json::exception &) {
        return sendError(responder, 400, QStringLiteral("invalid_request"), QStringLiteral("Send {\"sequence\": <n>}."));
    }
    QPointer<http::HttpResponder> out(responder);
    auto versions = m_versions;
    http::HttpRequest copy = request;
    runAsync<Result<policy::PolicyVersion>>(
        this, [versions, sequence]() { return versions->bySequence(sequence); },
        [this, out, copy](Result<policy::PolicyVersion> result) {
            if (!out)
                return;
            if (!result.ok())
                return sendError(out, 404, result.error().code, result.error().message);
            putPolicy(copy, out, result.value().content, QStringLiteral("rollback to #%1").arg(result.value().sequence));
        });
}

void AdminApi::simulate(const http::HttpRequest &request, http::HttpResponder *responder)
{
    SimulationRequest sim;
    try {
        const Json body = Json::parse(request.body.constBegin(), request.body.constEnd());
        if (!body.is_object() || !body.contains("request"))
            throw std::invalid_argument("request");
        sim.body = QByteArray::fromStdString(body.at("request").dump());
        sim.path = QString::fromStdString(body.value("path", std::string("/v1/chat/completions")));
        sim.callerId = QString::fromStdString(body.value("caller", std::string()));
        sim.team = QString::fromStdString(body.value("team", std::string()));
        if (body.contains("classification"))
            sim.headers.append({QByteArrayLiteral("x-perimeter-classification"), QByteArray::fromStdString(body.at("classification").get<std::string>())});
        if (body.contains("latency"))
            sim.headers.append({QByteArrayLiteral("x-perimeter-latency"), QByteArray::fromStdString(body.at("latency").get<std::string>())});
    } catch (const std::exception &) {
        return sendError(responder, 400, QStringLiteral("invalid_request"),
                         QStringLiteral("Send {\"request\": <OpenAI request body>, \"path\"?, \"caller\"?, \"team\"?, \"classification\"?, \"latency\"?}."));
    }
    sendJson(responder, 200, SimulationJson::toJson(m_gateway.simulate(sim)));
}

void AdminApi::endpoints(http::HttpResponder *responder)
{
    const auto snapshot = m_gateway.snapshot();
    const qint64 now = m_gateway.context().nowMs();
    Json list = Json::array();
    for (const auto &e : snapshot->config.endpoints) {
        const auto state = m_gateway.context().endpoints.value(e.id, routing::EndpointState(e.id, e.capacity));
        list.push_back({{"id", e.id.toStdString()}, {"tier", tierName(e.tier).toStdString()}, {"url", e.url.toString().toStdString()},
                        {"available", state.isAvailable(now)}, {"circuit_open", state.isCircuitOpen(now)},
                        {"in_flight", state.inFlight()}, {"capacity", state.capacity()}, {"utilization", state.utilization()},
                        {"latency_ewma_ms", state.latencyEwmaMs() < 0 ? Json(nullptr) : Json(state.latencyEwmaMs())},
                        {"upstream_waiting", state.upstreamWaiting() < 0 ? Json(nullptr) : Json(state.upstreamWaiting())},
                        {"upstream_running", state.upstreamRunning() < 0 ? Json(nullptr) : Json(state.upstreamRunning())}});
    }
    sendJson(responder, 200, Json{{"endpoints", list}});
}

} // namespace perimeter::gateway
