// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ClassifierSettings.h"
#include "PayloadClassifier.h"
#include "common/Result.h"
#include <memory>

namespace perimeter::classify {

// Builds the classifier of one settings/policy version: the built-in recognizers plus the
// policy's markers and custom recognizers compiled into Hyperscan databases. Call once per
// policy version and share the result. Compiling takes about half a second; the databases are
// shared inside the process and cached on disk per pattern set (CompiledDatabases), so a
// policy load with a set seen before takes tens of milliseconds.
class ClassifierFactory {
public:
    static Result<std::shared_ptr<const PayloadClassifier>> build(const ClassifierSettings &settings);
};

} // namespace perimeter::classify
