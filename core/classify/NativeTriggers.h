// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "TriggerBytes.h"
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perimeter::classify {

// Trigger finders for the few patterns whose only literal is one common byte (a quote, a dot, a
// pipe, '@'). Hyperscan has to verify each of those bytes with an automaton; walking the byte's
// offsets (TriggerBytes, one pass for all finders) with a short class check in C++ costs a
// fraction of that. Each finder appends exactly the end offsets Hyperscan reports for the
// pattern it stands for (kept on the recognizer as the specification; tst_nativetriggers
// compares the two on the corpus and on edge cases), in ascending order. The bytes each one
// reads are listed with it, for Recognizer::triggers.
class NativeTriggers {
public:
    // ["'][A-Za-z0-9+/=_\-]{N}: a quote followed by N body characters. Reads " and '.
    static void quotedRun(const TriggerBytes &text, size_t n, std::vector<size_t> &ends);
    // (?:\||%7C)[0-9A-Za-z\-_]{N}: a pipe (or its URL escape) followed by N token characters.
    // Reads | and %.
    static void pipeToken(const TriggerBytes &text, size_t n, std::vector<size_t> &ends);
    // \bW\.[A-Za-z0-9]{N}\b for a word W: the word, a dot and N letters or digits ("s." and 24
    // of a Vault token). Reads '.'.
    static void wordDotRun(const TriggerBytes &text, std::string_view word, size_t n, std::vector<size_t> &ends);
    // @[A-Za-z0-9\-]+\.[A-Za-z0-9]: '@', a domain label, a dot and one letter or digit (an
    // e-mail address's domain). Reads '@'.
    static void atDomain(const TriggerBytes &text, std::vector<size_t> &ends);
    // Start windows (ScanMode::StartWindows). IPv6-shaped patterns ([0-9A-Fa-f]{0,4} then
    // colon groups): a colon followed, after at most four hex digits, by another colon; the
    // leftmost start of a match is the first of the (at most four) hex digits before it, or the
    // colon itself. Reads ':'.
    static void colonPairStarts(const TriggerBytes &text, std::vector<std::pair<size_t, size_t>> &ranges);
    // Dotted tokens: two dots `gap` bytes apart with only [A-Za-z0-9_-] between; a match starts
    // `minBefore` to `maxBefore` bytes before the first. Reads '.'.
    static void dotPairStarts(const TriggerBytes &text, size_t gap, size_t minBefore, size_t maxBefore,
                              std::vector<std::pair<size_t, size_t>> &ranges);

    // A set of lower-case domain suffixes ("com", "co", "uk"), looked up by their first two bytes.
    class Suffixes {
    public:
        explicit Suffixes(std::vector<std::string> lowerCase);
        const std::vector<std::string> &all() const { return m_all; }
        size_t longest() const { return m_longest; }
        bool contains(std::string_view lowerCase) const;

    private:
        std::vector<std::string> m_all;
        std::vector<std::vector<std::string>> m_buckets; // by the low five bits of the first two bytes
        size_t m_longest = 0;
    };
    // \.(?:suffix1|suffix2|...)\b, caseless: a dot followed by a word that is one of `suffixes`.
    // Reads '.'.
    static void domainSuffix(const TriggerBytes &text, const Suffixes &suffixes, std::vector<size_t> &ends);
};

} // namespace perimeter::classify
