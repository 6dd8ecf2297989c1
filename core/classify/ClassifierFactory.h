// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ClassifierSettings.h"
#include "PayloadClassifier.h"
#include "common/Result.h"
#include <memory>

namespace perimeter::classify {

// Builds the classifier of one settings/policy version: the built-in recognizers plus the
// policy's markers and custom recognizers compiled into one Hyperscan database. Call once per
// policy version (compilation takes milliseconds to a second) and share the result.
class ClassifierFactory {
public:
    static Result<std::shared_ptr<const PayloadClassifier>> build(const ClassifierSettings &settings);
};

} // namespace perimeter::classify
