// SPDX-License-Identifier: Apache-2.0
#include "ForwardStage.h"
#include "Pipeline.h"
#include "UpstreamRelay.h"

namespace perimeter::gateway {

QByteArray ForwardStage::upstreamBody(const Exchange &exchange)
{
    if (!exchange.stream || exchange.pathKind == QLatin1String("embedding"))
        return exchange.request.body;
    auto body = exchange.body;
    auto &options = body["stream_options"];
    if (!options.is_object())
        options = nlohmann::json::object();
    if (!options.contains("include_usage"))
        options["include_usage"] = true;
    return QByteArray::fromStdString(body.dump());
}

StageStatus ForwardStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline)
{
    UpstreamRelay::start(exchange, pipeline, upstreamBody(*exchange));
    return StageStatus::Pending;
}

} // namespace perimeter::gateway
