// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <bitset>
#include <optional>
#include <string>
#include <vector>

namespace perimeter::classify {

// The part of the Hyperscan pattern syntax the identifier patterns are written in: literals,
// classes ([...], \d \w \s and their negations, .), non-capturing and plain groups, alternation,
// the quantifiers ? * + {m} {m,} {m,n} (lazy forms have the same matches), and \b at the edges
// of the pattern. HS_FLAG_CASELESS is applied to the parsed classes; any other flag, and any
// other construct (anchors, lookaround, back-references, \B, Unicode classes), is outside the
// subset, and the pattern is then left to Hyperscan.
class PatternSubset {
public:
    struct Node {
        enum class Kind { Class, Sequence, Alternation, Repeat, WordBoundary };
        Kind kind = Kind::Sequence;
        std::bitset<256> bytes;     // Class
        std::vector<Node> children; // Sequence, Alternation; Repeat: one child
        int min = 0;                // Repeat
        int max = 0;                // Repeat; -1: unbounded
    };

    // The syntax tree, or nullopt (with the reason in `why`) when the pattern is outside the subset.
    static std::optional<Node> parse(const std::string &pattern, unsigned int flags, std::string *why = nullptr);
};

} // namespace perimeter::classify
