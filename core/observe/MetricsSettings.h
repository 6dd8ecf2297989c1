// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"

namespace perimeter::observe {

// The config's "metrics" object.
struct MetricsSettings {
    // GET /metrics answers 401 unless "Authorization: Bearer <admin token>" is sent.
    bool requireAdminToken = false;
};

} // namespace perimeter::observe
