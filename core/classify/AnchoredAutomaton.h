// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perimeter::classify {

// A set of patterns as one deterministic automaton, run anchored from each candidate start of
// a scan: the identifier patterns (card numbers, national IDs, phones, dates:
// ScanMode::DigitWindows) from each start inside the windows around digits, and a few others
// from the starts their trigger finders name (ScanMode::StartWindows). It replaces Hyperscan
// passes that had to track where each match starts: Hyperscan runs an automaton per pattern
// over every byte; here every start costs a table lookup and most die on their first or
// second byte.
//
// Semantics are Hyperscan's with HS_FLAG_SOM_LEFTMOST: for every pattern and every offset where
// a match of it ends, one match with the leftmost start (tst_anchoredautomaton compares the two
// on the corpus, edge cases and random text). Built from the patterns' syntax trees
// (PatternSubset) by the position (Glushkov) construction and subset construction, eagerly, so
// the result is immutable and shared by all threads.
class AnchoredAutomaton {
public:
    struct Pattern {
        unsigned int id;
        std::string pattern;
        unsigned int flags;
    };
    struct Match {
        unsigned int id;
        size_t start;
        size_t end;
        bool operator==(const Match &) const = default;
    };

    // The automaton of the patterns inside the subset; the indices (into `patterns`) of the
    // others are appended to `rejected` and must be run elsewhere. Null when none is inside or
    // the automaton would be too large (then all are rejected).
    static std::shared_ptr<const AnchoredAutomaton> build(const std::vector<Pattern> &patterns, std::vector<size_t> &rejected);

    // Appends the matches that start in [from, to) (they may end past `to`), in ascending order of
    // start and, within a start, descending order of end.
    void scan(std::string_view text, size_t from, size_t to, std::vector<Match> &out) const;
    // The same over a std::string: when no pattern reads a NUL (checked when the automaton is
    // built), the string's terminator stops every run, so a step needs no test for the end of
    // the text.
    void scanTerminated(const std::string &text, size_t from, size_t to, std::vector<Match> &out) const;
    // Whether scanTerminated() can rely on the terminator (for tests).
    bool stopsAtNul() const { return m_nulIsDead; }
    // Appends the matches that start in any of `ranges` (sorted here; overlaps are fine), each
    // start once and in ascending order, so keepLeftmost() applies.
    void scan(std::string_view text, std::vector<std::pair<size_t, size_t>> &ranges, std::vector<Match> &out) const;
    // Keeps, for each (id, end), only the first match: the one with the leftmost start when the
    // matches are in ascending order of start, as successive scan() calls over ascending ranges
    // append them. Order is preserved. `table` is scratch space (reuse it; it only grows).
    static void keepLeftmost(std::vector<Match> &matches, std::vector<uint64_t> &table);

    size_t stateCount() const { return m_acceptBegin.size(); }
    size_t classCount() const { return m_classes; }

private:
    AnchoredAutomaton() = default;
    template <bool Bounded>
    void run(std::string_view text, size_t from, size_t to, std::vector<Match> &out) const;

    uint8_t m_classOf[256] = {};
    size_t m_classes = 0;
    std::vector<int32_t> m_next;           // state * classes + class -> target * classes; 0 is dead, < 0 accepts
    std::vector<uint32_t> m_acceptBegin;   // per state, into m_accepts: patterns matching here
    std::vector<uint32_t> m_acceptBoundary; // from here on, those that need a word boundary after
    std::vector<uint32_t> m_acceptEnd;
    std::vector<unsigned int> m_accepts;   // pattern ids
    bool m_nulIsDead = false;              // every state dies on a NUL byte
};

} // namespace perimeter::classify
