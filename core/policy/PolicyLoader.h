// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Policy.h"
#include "common/Result.h"
#include <nlohmann/json_fwd.hpp>

namespace perimeter::policy {

// Loads, validates and compiles policy.json. An invalid policy is refused whole with every
// problem listed by JSON pointer (one per line of the Error message); the caller keeps the
// policy it had. Document shape:
//   {"version": "2026-11-24.1",               optional; default: "sha256:" + 12 hex of the content
//    "comment": "...",                        optional
//    "levels": {"public": ["onprem", "cloud"], "internal": [...], "confidential": ["onprem"], "restricted": ["onprem"]},
//    "routing": {"overflow_threshold": 0.8},  optional; utilization at which the next permitted tier is preferred
//    "classifier": {...}}                     optional; see classify/ClassifierSettings.h
// Every level must be listed (or none, for the defaults); a tier list is in preference order,
// may be empty (that level is refused everywhere), and may not let a more sensitive level
// reach a tier a less sensitive one cannot.
class PolicyLoader {
public:
    static Result<std::shared_ptr<const Policy>> defaults();
    static Result<std::shared_ptr<const Policy>> loadFile(const QString &path);
    static Result<std::shared_ptr<const Policy>> fromBytes(const QByteArray &bytes);
    static Result<std::shared_ptr<const Policy>> fromJson(const nlohmann::json &document);
};

} // namespace perimeter::policy
