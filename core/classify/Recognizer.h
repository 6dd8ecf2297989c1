// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QString>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace perimeter::classify {

// A candidate span in the normalised UTF-8 text (byte offsets, end exclusive).
struct Candidate {
    size_t start = 0;
    size_t end = 0;
    double score = 0.0;
    QString subtype;
};

// Confirms a pattern match (checksum, format, context in C++) and may narrow the span (e.g. to
// the value of a `key = value` assignment) or change score and subtype. Returning false drops
// the match. `text` is the whole normalised text so validators can look around the match.
using Validator = std::function<bool(std::string_view text, Candidate &candidate)>;

// One pattern of the compiled database. The pattern is Hyperscan syntax and only has to find
// candidates; precision comes from the validator and the context words.
struct Recognizer {
    QString name;                       // reported as Finding::recognizer
    QString type;                       // vocabulary type, e.g. "CREDIT_CARD"
    QString subtype;                    // SECRET subtype (a validator may override it)
    std::string pattern;
    unsigned int flags = 0;             // extra HS_FLAG_* (SOM_LEFTMOST is always added)
    double score = 0.5;                 // score of a validated match without context
    std::vector<std::string> context;   // lower-case words that raise the score when nearby
    Validator validate;                 // optional
};

} // namespace perimeter::classify
