// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace perimeter::classify {

// The context words of a recognizer set ("card", "passport no", "tel"), found only where a
// candidate asks for them. Prose is full of "number", "id" and "date": reporting every one from
// the pattern pass cost more than all the candidates that need them, so the text is indexed
// lazily in 32-byte blocks, each block at most once per scan, and only around candidates.
//
// A word matches in any ASCII case; a word that starts with a letter, digit or '_' must start a
// word of the text ("tel" is not in "hotel"; "card" is in "cards").
class ContextWords {
public:
    // Per-scan state; reuse one per thread (it only grows).
    class Scan {
    public:
        Scan() = default;

    private:
        friend class ContextWords;
        struct Hit {
            uint32_t word;
            uint32_t start;
        };
        std::string_view text;
        std::vector<uint32_t> blockFirst; // index into hits; kUnscanned until the block is indexed
        std::vector<uint32_t> blockEnd;
        std::vector<Hit> hits;
    };

    ContextWords() = default;
    explicit ContextWords(std::vector<std::string> lowerCaseWords);

    size_t size() const { return m_words.size(); }
    size_t indexOf(std::string_view lowerCaseWord) const; // size() when absent

    void begin(Scan &scan, std::string_view text) const;
    // Whether a word whose bit is set in `wanted` lies wholly inside [from, to) and wholly
    // before or after the value [valueStart, valueEnd) (a value is not its own context).
    bool anyAround(Scan &scan, const std::vector<uint64_t> &wanted, size_t from, size_t to, size_t valueStart,
                   size_t valueEnd) const;

private:
    void indexBlock(Scan &scan, size_t block) const;

    std::vector<std::string> m_words;
    bool m_nonWordFirst = false;                      // some word starts with a byte outside [A-Za-z0-9_]
    std::vector<uint16_t> m_pairBucket;               // (first, second) byte code -> bucket + 1 (fits L1)
    struct Candidate {
        uint32_t word;
        uint32_t head; // the first four bytes (fewer: zero), each OR 0x20: a one-compare filter
        uint32_t mask;
    };
    std::vector<std::vector<Candidate>> m_buckets;    // the words of each pair bucket
    std::vector<std::vector<uint32_t>> m_singleByte;  // per first byte: words of length one
    bool m_hasSingleByte = false;
};

} // namespace perimeter::classify
