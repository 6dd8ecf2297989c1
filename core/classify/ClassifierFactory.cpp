// SPDX-License-Identifier: Apache-2.0
#include "ClassifierFactory.h"
#include "BuiltinRecognizers.h"
#include "HyperscanClassifier.h"
#include "TextNormalizer.h"
#include <hs/hs.h>

namespace perimeter::classify {

namespace {

// Escapes a normalised term for Hyperscan; whitespace runs match any whitespace run.
std::string termPattern(const std::string &term)
{
    std::string out;
    bool inSpace = false;
    for (unsigned char c : term) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!inSpace)
                out += "\\s+";
            inSpace = true;
            continue;
        }
        inSpace = false;
        if (std::isalnum(c) || c >= 0x80) {
            out.push_back(char(c));
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        }
    }
    const auto isWord = [](unsigned char c) { return std::isalnum(c) || c == '_'; };
    if (!term.empty() && isWord(static_cast<unsigned char>(term.front())))
        out = "\\b" + out;
    if (!term.empty() && isWord(static_cast<unsigned char>(term.back())))
        out += "\\b";
    return out;
}

} // namespace

Result<std::shared_ptr<const PayloadClassifier>> ClassifierFactory::build(const ClassifierSettings &settings)
{
    std::vector<Recognizer> recognizers;
    for (auto &r : BuiltinRecognizers::all())
        if (!settings.disabledTypes.contains(r.type))
            recognizers.push_back(std::move(r));

    for (const auto &list : settings.markers) {
        for (const auto &term : list.terms) {
            const std::string normalized = TextNormalizer::normalizeTerm(term.trimmed());
            if (normalized.empty())
                continue;
            Recognizer r;
            r.name = QStringLiteral("MarkerRecognizer:") + list.name;
            r.type = list.type;
            r.pattern = termPattern(normalized);
            r.flags = HS_FLAG_CASELESS | HS_FLAG_UTF8;
            r.score = list.score;
            recognizers.push_back(std::move(r));
        }
    }
    for (const auto &c : settings.customRecognizers) {
        Recognizer r;
        r.name = QStringLiteral("CustomRecognizer:") + c.name;
        r.type = c.type;
        r.pattern = c.pattern.toStdString();
        r.flags = HS_FLAG_UTF8 | (c.caseInsensitive ? HS_FLAG_CASELESS : 0u);
        r.score = c.context.isEmpty() ? c.score : c.score / 2.0;
        for (const auto &w : c.context)
            r.context.push_back(TextNormalizer::normalizeTerm(w.toLower()));
        recognizers.push_back(std::move(r));
    }

    auto compiled = HyperscanClassifier::create(std::move(recognizers));
    if (!compiled)
        return compiled.error();
    return std::shared_ptr<const PayloadClassifier>(
        std::make_shared<PayloadClassifier>(compiled.value(), settings.typeLevelMap(), settings.limits));
}

} // namespace perimeter::classify
