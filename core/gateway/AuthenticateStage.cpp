// SPDX-License-Identifier: Apache-2.0
#include "AuthenticateStage.h"
#include "Pipeline.h"
#include "auth/ApiKeyAuthenticator.h"

namespace perimeter::gateway {

StageStatus AuthenticateStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline)
{
    const int count = exchange->request.headerCount("authorization");
    if (count > 1)
        return Pipeline::reject(*exchange, 400, QStringLiteral("invalid_request"),
                                QStringLiteral("More than one Authorization header."));
    if (count == 0)
        return Pipeline::reject(*exchange, 401, QStringLiteral("unauthenticated"),
                                QStringLiteral("Missing credential: send 'Authorization: Bearer <api key>'."));
    const auto *authenticator = pipeline.context().authenticator;
    if (!authenticator)
        return Pipeline::fail(*exchange, 500, QStringLiteral("internal_error"), QStringLiteral("No authenticator configured."));
    auto principal = authenticator->authenticate(exchange->request.header("authorization"));
    if (!principal.ok())
        return Pipeline::reject(*exchange, 401, QStringLiteral("unauthenticated"),
                                QStringLiteral("Invalid, revoked or expired credential."));
    exchange->principal = principal.value();
    return StageStatus::Continue;
}

} // namespace perimeter::gateway
