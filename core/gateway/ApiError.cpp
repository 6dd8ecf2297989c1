// SPDX-License-Identifier: Apache-2.0
#include "ApiError.h"
#include <nlohmann/json.hpp>

namespace perimeter::gateway {

QString ApiError::typeForStatus(int status)
{
    switch (status) {
    case 401: return QStringLiteral("authentication_error");
    case 403: return QStringLiteral("permission_error");
    case 404: return QStringLiteral("not_found_error");
    case 429: return QStringLiteral("rate_limit_error");
    case 503: return QStringLiteral("service_unavailable_error");
    default: return status >= 500 ? QStringLiteral("api_error") : QStringLiteral("invalid_request_error");
    }
}

QByteArray ApiError::body(int status, const QString &code, const QString &message, const QString &requestId,
                          const QString &sensitivity, const QString &reason)
{
    nlohmann::json perimeter = {{"request_id", requestId.toStdString()}, {"reason", reason.toStdString()}};
    perimeter["sensitivity"] = sensitivity.isEmpty() ? nlohmann::json(nullptr) : nlohmann::json(sensitivity.toStdString());
    const nlohmann::json doc = {
        {"error", {{"message", message.toStdString()}, {"type", typeForStatus(status).toStdString()},
                   {"code", code.toStdString()}, {"param", nullptr}}},
        {"perimeter", perimeter}};
    return QByteArray::fromStdString(doc.dump());
}

} // namespace perimeter::gateway
