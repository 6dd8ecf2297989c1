// SPDX-License-Identifier: Apache-2.0
#include "ParseStage.h"
#include "Pipeline.h"

namespace perimeter::gateway {

namespace {

struct TooDeep {};

StageStatus invalid(Exchange &exchange, const QString &message)
{
    return Pipeline::reject(exchange, 400, QStringLiteral("invalid_request"), message);
}

bool isStringOrStringArray(const nlohmann::json &v, bool allowTokenArrays)
{
    if (v.is_string())
        return true;
    if (!v.is_array() || v.empty())
        return false;
    for (const auto &item : v) {
        if (item.is_string())
            continue;
        if (allowTokenArrays && (item.is_number_integer() || (item.is_array() && !item.empty())))
            continue;
        return false;
    }
    return true;
}

} // namespace

StageStatus ParseStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &)
{
    auto &ex = *exchange;
    // Like OpenAI-compatible servers, the body is read as JSON whatever the Content-Type says
    // (curl -d sends form encoding); only multipart uploads are refused outright.
    if (ex.request.header("content-type").toLower().startsWith("multipart/"))
        return invalid(ex, QStringLiteral("Content-Type must be application/json."));

    if (ex.request.hasHeader("x-perimeter-classification")) {
        const auto label = parseSensitivity(QString::fromLatin1(ex.request.header("x-perimeter-classification")).trimmed().toLower());
        if (!label)
            return invalid(ex, QStringLiteral("X-Perimeter-Classification must be one of public, internal, confidential, restricted."));
        ex.callerLabel = label;
    }
    if (ex.request.hasHeader("x-perimeter-latency")) {
        const QByteArray pref = ex.request.header("x-perimeter-latency").trimmed().toLower();
        if (pref != "low" && pref != "normal")
            return invalid(ex, QStringLiteral("X-Perimeter-Latency must be low or normal."));
        ex.latencyLow = pref == "low";
    }

    try {
        const nlohmann::json::parser_callback_t depthGuard = [](int depth, nlohmann::json::parse_event_t, nlohmann::json &) {
            if (depth > maxJsonDepth)
                throw TooDeep{};
            return true;
        };
        ex.body = nlohmann::json::parse(ex.request.body.constBegin(), ex.request.body.constEnd(), depthGuard);
    } catch (const TooDeep &) {
        return invalid(ex, QStringLiteral("The JSON body is nested deeper than %1 levels.").arg(maxJsonDepth));
    } catch (const nlohmann::json::exception &) {
        return invalid(ex, QStringLiteral("The body is not valid JSON."));
    }
    if (!ex.body.is_object())
        return invalid(ex, QStringLiteral("The body must be a JSON object."));

    const auto model = ex.body.find("model");
    if (model == ex.body.end() || !model->is_string() || model->get_ref<const std::string &>().empty())
        return invalid(ex, QStringLiteral("'model' is required and must be a non-empty string."));
    ex.model = QString::fromStdString(model->get<std::string>());

    if (const auto stream = ex.body.find("stream"); stream != ex.body.end() && !stream->is_null()) {
        if (!stream->is_boolean())
            return invalid(ex, QStringLiteral("'stream' must be true or false."));
        ex.stream = stream->get<bool>();
    }

    if (ex.pathKind == QLatin1String("chat")) {
        const auto messages = ex.body.find("messages");
        if (messages == ex.body.end() || !messages->is_array() || messages->empty())
            return invalid(ex, QStringLiteral("'messages' is required and must be a non-empty array."));
        for (size_t i = 0; i < messages->size(); ++i) {
            const auto &m = (*messages)[i];
            if (!m.is_object() || !m.contains("role") || !m["role"].is_string())
                return invalid(ex, QStringLiteral("messages[%1] must be an object with a string 'role'.").arg(i));
        }
    } else if (ex.pathKind == QLatin1String("completion")) {
        const auto prompt = ex.body.find("prompt");
        if (prompt == ex.body.end() || !isStringOrStringArray(*prompt, true))
            return invalid(ex, QStringLiteral("'prompt' is required and must be a string or an array."));
    } else if (ex.pathKind == QLatin1String("embedding")) {
        if (ex.stream)
            return invalid(ex, QStringLiteral("Embeddings cannot be streamed."));
        const auto input = ex.body.find("input");
        if (input == ex.body.end() || !isStringOrStringArray(*input, true))
            return invalid(ex, QStringLiteral("'input' is required and must be a string or an array."));
    }
    return StageStatus::Continue;
}

} // namespace perimeter::gateway
