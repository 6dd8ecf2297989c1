// SPDX-License-Identifier: Apache-2.0
#include "RegistryAdminApi.h"
#include "Gateway.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryOverlay.h"
#include <QFutureWatcher>
#include <QPointer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <nlohmann/json.hpp>

namespace perimeter::gateway {

namespace {

using Json = nlohmann::json;

void sendJson(http::HttpResponder *responder, int status, const Json &body)
{
    if (!responder)
        return;
    responder->send(status, {{QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json")}}, QByteArray::fromStdString(body.dump()));
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

Json recordJson(const registry::ModelRecord &r, const QList<registry::ModelRecord> &all)
{
    Json j = r.toJson();
    const auto serving = registry::RegistryOverlay::servingRecord(all, r.name);
    j["served"] = serving && serving->version == r.version;
    j["created"] = r.created.toString(Qt::ISODateWithMs).toStdString();
    j["updated"] = r.updated.toString(Qt::ISODateWithMs).toStdString();
    j["updated_by"] = r.updatedBy.toStdString();
    return j;
}

Json parseObject(const QByteArray &bytes)
{
    auto j = Json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    return j.is_object() ? j : Json();
}

// Reads the fields a change may carry; wrong JSON types are problems named by field.
void readFields(const Json &body, registry::ModelPatch &patch, QStringList &problems)
{
    auto text = [&](const char *key) -> std::optional<QString> {
        if (!body.contains(key))
            return std::nullopt;
        if (!body.at(key).is_string()) {
            problems.append(QStringLiteral("%1: must be a string").arg(QLatin1String(key)));
            return std::nullopt;
        }
        return QString::fromStdString(body.at(key).get<std::string>());
    };
    auto integer = [&](const char *key) -> std::optional<int> {
        if (!body.contains(key))
            return std::nullopt;
        if (!body.at(key).is_number_integer()) {
            problems.append(QStringLiteral("%1: must be a whole number").arg(QLatin1String(key)));
            return std::nullopt;
        }
        const auto v = body.at(key).get<qint64>();
        return int(qBound<qint64>(-1, v, qint64(std::numeric_limits<int>::max())));
    };
    patch.kind = text("kind");
    patch.notes = text("notes");
    patch.contextLength = integer("context_length");
    patch.capacity = integer("capacity");
    if (auto status = text("status")) {
        patch.status = registry::parseStatus(*status);
        if (!patch.status)
            problems.append(QStringLiteral("status: must be \"active\", \"draining\" or \"retired\""));
    }
    if (body.contains("endpoints")) {
        QStringList ids;
        if (!body.at("endpoints").is_array())
            problems.append(QStringLiteral("endpoints: must be an array of endpoint ids"));
        else
            for (const auto &e : body.at("endpoints")) {
                if (e.is_string())
                    ids.append(QString::fromStdString(e.get<std::string>()));
                else
                    problems.append(QStringLiteral("endpoints: must be an array of endpoint ids"));
            }
        patch.endpoints = ids;
    }
}

QString stringField(const Json &body, const char *key)
{
    return body.contains(key) && body.at(key).is_string() ? QString::fromStdString(body.at(key).get<std::string>()) : QString();
}

QString author(const http::HttpRequest &request)
{
    const QString given = QString::fromUtf8(request.header("x-perimeter-author")).trimmed();
    return given.isEmpty() ? QStringLiteral("admin-api") : given.left(200);
}

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

// The config as the file states it: what registry changes are validated against.
config::Config fileConfig(const GatewaySnapshot &snapshot)
{
    config::Config config = snapshot.config;
    if (!snapshot.configModels.isEmpty())
        config.models = snapshot.configModels;
    return config;
}

void answerChange(Gateway &gateway, QObject *context, http::HttpResponder *responder, std::function<Result<registry::ModelRecord>()> work, int okStatus)
{
    QPointer<http::HttpResponder> out(responder);
    auto models = gateway.modelRegistry();
    using Outcome = std::pair<Result<registry::ModelRecord>, QList<registry::ModelRecord>>;
    runAsync<Outcome>(
        context,
        [work, models]() {
            auto result = work();
            auto all = models->list();
            return Outcome{result, all.ok() ? all.value() : QList<registry::ModelRecord>{}};
        },
        [&gateway, out, okStatus](Outcome o) {
            if (!o.first.ok()) {
                const auto &e = o.first.error();
                if (e.code == QLatin1String("invalid"))
                    return sendError(out, 422, QStringLiteral("registry_invalid"), QStringLiteral("The registry refused the change; nothing was stored."),
                                     e.message.split(QLatin1Char('\n'), Qt::SkipEmptyParts));
                if (e.code == QLatin1String("not_found"))
                    return sendError(out, 404, QStringLiteral("not_found"), e.message);
                return sendError(out, 500, e.code, e.message);
            }
            gateway.refreshRegistry();
            sendJson(out, okStatus, recordJson(o.first.value(), o.second));
        });
}

} // namespace

bool RegistryAdminApi::handle(Gateway &gateway, QObject *context, const http::HttpRequest &request, http::HttpResponder *responder)
{
    const QByteArray &path = request.path;
    const QByteArray &method = request.method;
    if (!path.startsWith("/admin/v1/registry/"))
        return false;
    auto models = gateway.modelRegistry();
    if (!models) {
        sendError(responder, 503, QStringLiteral("registry_unavailable"), QStringLiteral("The model registry is not open."));
        return true;
    }
    const QUrlQuery query(QString::fromLatin1(request.query));
    const auto snapshot = gateway.snapshot();

    if (path == "/admin/v1/registry/models" && method == "GET") {
        QPointer<http::HttpResponder> out(responder);
        runAsync<Result<QList<registry::ModelRecord>>>(
            context, [models]() { return models->list(); },
            [out](Result<QList<registry::ModelRecord>> result) {
                if (!result.ok())
                    return sendError(out, 500, result.error().code, result.error().message);
                Json list = Json::array();
                for (const auto &r : result.value())
                    list.push_back(recordJson(r, result.value()));
                sendJson(out, 200, Json{{"models", list}});
            });
        return true;
    }
    if (path == "/admin/v1/registry/history" && method == "GET") {
        const QString name = query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded);
        const QString version = query.queryItemValue(QStringLiteral("version"), QUrl::FullyDecoded);
        QPointer<http::HttpResponder> out(responder);
        runAsync<Result<QList<registry::HistoryEntry>>>(
            context, [models, name, version]() { return models->history(name, version); },
            [out](Result<QList<registry::HistoryEntry>> result) {
                if (!result.ok())
                    return sendError(out, 500, result.error().code, result.error().message);
                Json list = Json::array();
                for (const auto &e : result.value()) {
                    list.push_back({{"sequence", e.sequence}, {"at", e.at.toString(Qt::ISODateWithMs).toStdString()}, {"actor", e.actor.toStdString()},
                                    {"action", e.action.toStdString()}, {"name", e.name.toStdString()}, {"version", e.version.toStdString()},
                                    {"before", e.before.isEmpty() ? Json() : parseObject(e.before)}, {"after", parseObject(e.after)},
                                    {"comment", e.comment.toStdString()}});
                }
                sendJson(out, 200, Json{{"history", list}});
            });
        return true;
    }

    const Json body = parseObject(request.body);
    const bool change = (path == "/admin/v1/registry/models" && (method == "POST" || method == "PATCH")) || (path == "/admin/v1/registry/retire" && method == "POST");
    if (!change) {
        sendError(responder, 404, QStringLiteral("not_found"), QStringLiteral("Unknown registry path or method."));
        return true;
    }
    if (body.is_null()) {
        sendError(responder, 400, QStringLiteral("invalid_request"), QStringLiteral("Send a JSON object."));
        return true;
    }
    QStringList problems;
    registry::ModelPatch patch;
    readFields(body, patch, problems);
    const QString comment = stringField(body, "comment");
    const QString actor = author(request);
    const config::Config config = fileConfig(*snapshot);

    if (method == "POST" && path == "/admin/v1/registry/models") {
        registry::ModelRecord record;
        record.name = stringField(body, "name");
        record.version = stringField(body, "version");
        record.kind = patch.kind.value_or(QString());
        record.endpoints = patch.endpoints.value_or(QStringList());
        record.contextLength = patch.contextLength.value_or(0);
        record.capacity = patch.capacity.value_or(0);
        record.status = patch.status.value_or(registry::ModelStatus::Active);
        record.notes = patch.notes.value_or(QString());
        if (!problems.isEmpty()) {
            sendError(responder, 422, QStringLiteral("registry_invalid"), QStringLiteral("The registry refused the change; nothing was stored."), problems);
            return true;
        }
        answerChange(gateway, context, responder, [models, config, record, actor, comment]() { return models->add(config, record, actor, comment); }, 201);
        return true;
    }
    const QString name = method == "PATCH" ? query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded) : stringField(body, "name");
    const QString version = method == "PATCH" ? query.queryItemValue(QStringLiteral("version"), QUrl::FullyDecoded) : stringField(body, "version");
    if (name.isEmpty() || version.isEmpty())
        problems.append(QStringLiteral("name and version are required"));
    if (!problems.isEmpty()) {
        sendError(responder, 422, QStringLiteral("registry_invalid"), QStringLiteral("The registry refused the change; nothing was stored."), problems);
        return true;
    }
    if (method == "PATCH")
        answerChange(gateway, context, responder, [models, config, name, version, patch, actor, comment]() { return models->edit(config, name, version, patch, actor, comment); }, 200);
    else
        answerChange(gateway, context, responder, [models, config, name, version, actor, comment]() { return models->retire(config, name, version, actor, comment); }, 200);
    return true;
}

} // namespace perimeter::gateway
