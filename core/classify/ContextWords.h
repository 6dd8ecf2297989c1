// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perimeter::classify {

// The context words of a recognizer set ("card", "passport no", "tel"), looked for only where a
// candidate asks for them. Prose is full of "number", "id" and "date": reporting every one from
// the pattern pass cost more than all the candidates that need them. Each lookup reads the few
// dozen bytes around its candidate once, testing each word start there against the words of
// that recognizer only (a table of the byte pairs they begin with rules out almost every start),
// so a recognizer with five words does not pay for the other hundred and fifty.
//
// A word matches in any ASCII case; a word that starts with a letter, digit or '_' must start a
// word of the text ("tel" is not in "hotel"; "card" is in "cards").
class ContextWords {
public:
    // Per-scan state; reuse one per thread.
    class Scan {
    public:
        Scan() = default;

    private:
        friend class ContextWords;
        std::string_view text;
    };

    // The words one recognizer looks for, prepared for lookups (build once per recognizer).
    class Wanted {
    public:
        Wanted() = default;
        bool empty() const { return !m_any; }

    private:
        friend class ContextWords;
        std::vector<uint64_t> m_words;  // bit per word index
        std::vector<uint64_t> m_pairs;  // bit per (first, second) byte code that begins a wanted word
        std::array<uint64_t, 4> m_single{}; // lower-case bytes that are a wanted word on their own
        bool m_hasSingle = false;
        bool m_nonWordFirst = false;    // a wanted word starts with a byte outside [A-Za-z0-9_]
        bool m_any = false;
    };

    ContextWords() = default;
    explicit ContextWords(std::vector<std::string> lowerCaseWords);

    size_t size() const { return m_words.size(); }
    size_t indexOf(std::string_view lowerCaseWord) const; // size() when absent
    // The words whose bits are set in `words` (bit k: word k).
    Wanted select(const std::vector<uint64_t> &words) const;

    void begin(Scan &scan, std::string_view text) const;
    // Whether a wanted word lies wholly inside [from, to) and wholly before or after the value
    // [valueStart, valueEnd) (a value is not its own context).
    bool anyAround(const Scan &scan, const Wanted &wanted, size_t from, size_t to, size_t valueStart, size_t valueEnd) const;

private:
    // Whether a wanted word starts in [from, until) and ends at or before `limit`.
    bool anyStartingIn(std::string_view text, const Wanted &wanted, size_t from, size_t until, size_t limit) const;

    std::vector<std::string> m_words;
    std::vector<uint16_t> m_pairBucket;               // (first, second) byte code -> bucket + 1 (fits L1)
    struct Candidate {
        uint32_t word;
        uint32_t head; // the first four bytes (fewer: zero), each OR 0x20: a one-compare filter
        uint32_t mask;
    };
    std::vector<std::vector<Candidate>> m_buckets;    // the words of each pair bucket
    std::vector<std::vector<uint32_t>> m_singleByte;  // per first byte: words of length one
};

} // namespace perimeter::classify
