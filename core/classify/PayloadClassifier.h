// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ClassificationReport.h"
#include "Classifier.h"
#include "TypeLevelMap.h"
#include <nlohmann/json_fwd.hpp>
#include <memory>

namespace perimeter::classify {

struct PayloadLimits {
    qint64 maxScanChars = 4 * 1024 * 1024; // more text than this is not scanned: fail closed
    qint64 maxDecodedBytes = 1024 * 1024;  // base64 / data-URL strings up to this decoded size are decoded and scanned
    int maxDepth = 128;                    // deeper JSON nesting fails closed
};

// Classifies whole payloads: a plain text, or an OpenAI request body in which every string
// is scanned (messages of every role, content parts, tool calls and their arguments,
// function definitions, `input` of embeddings, `prompt`, ...). Object keys are scanned too.
// Fails closed: a scan error or a payload over the limit yields level restricted.
class PayloadClassifier {
public:
    PayloadClassifier(std::shared_ptr<const Classifier> classifier, TypeLevelMap levels, PayloadLimits limits = {});

    ClassificationReport classifyText(const QString &text) const;
    ClassificationReport classifyRequest(const nlohmann::json &body) const;

    const TypeLevelMap &levels() const { return m_levels; }
    const PayloadLimits &limits() const { return m_limits; }

private:
    struct Walk;
    void walk(const nlohmann::json &node, const QString &pointer, int depth, Walk &state) const;
    bool scanString(const QString &text, const QString &pointer, Walk &state) const;
    void finish(ClassificationReport &report) const;

    std::shared_ptr<const Classifier> m_classifier;
    TypeLevelMap m_levels;
    PayloadLimits m_limits;
};

} // namespace perimeter::classify
