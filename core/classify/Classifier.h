// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Finding.h"
#include "common/Result.h"

namespace perimeter::classify {

// Finds sensitive entities in one string. Implementations are immutable after construction
// and scan() is thread-safe, so one instance per policy version serves every thread.
// Levels are not set here (TypeLevelMap does that); an Error means the text could not be
// scanned and the caller must fail closed.
class Classifier {
public:
    virtual ~Classifier() = default;
    virtual Result<Findings> scan(const QString &text) const = 0;
};

} // namespace perimeter::classify
