// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Stage.h"

namespace perimeter::gateway {

// Forwards the request to the chosen endpoint and relays the answer as it arrives. The
// caller's credential is never forwarded; the endpoint's own credential is added.
class ForwardStage final : public Stage {
public:
    const char *name() const override { return "forward"; }
    StageStatus run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline) override;

    // Attempts per request, the first included. Retries happen only before any byte of an
    // answer reached the caller and only among endpoints of the permitted tiers.
    static constexpr int maxAttempts = 3;

    // The body sent upstream: the caller's, plus stream_options.include_usage for streams so
    // that token usage can be accounted.
    static QByteArray upstreamBody(const Exchange &exchange);
};

} // namespace perimeter::gateway
