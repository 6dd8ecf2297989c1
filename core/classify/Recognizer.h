// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "TriggerBytes.h"
#include <QString>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perimeter::classify {

// A candidate span in the normalised UTF-8 text (byte offsets, end exclusive).
struct Candidate {
    size_t start = 0;
    size_t end = 0;
    double score = 0.0;
    QString subtype; // null: the recognizer's own subtype (a validator sets one to override it)
};

// Confirms a pattern match (checksum, format, context in C++) and may narrow the span (e.g. to
// the value of a `key = value` assignment) or change score and subtype. Returning false drops
// the match. `text` is the whole normalised text so validators can look around the match.
using Validator = std::function<bool(std::string_view text, Candidate &candidate)>;

// Where a pattern is run. Text: over the whole normalised text by the Hyperscan text database
// (give the pattern a literal factor, or it slows every scan). DigitWindows: as part of one
// AnchoredAutomaton, from each start in the short windows around digits (a digit run with the
// tokens and separators next to it), where the identifier patterns made of character classes
// alone (\d{9}, [A-Z]\d{7}[A-Z]) cost little; the pattern must contain a digit and reach at most
// ~12 characters of other tokens away from its digits.
// Native: not compiled at all; `find` reports the end offsets of `pattern` over the whole text
// (see NativeTriggers), which must be FromEnd or fixed width so no start has to be re-matched.
// StartWindows: `pattern` runs as an AnchoredAutomaton from the positions `startWindows` names;
// for patterns whose only literal is a common byte (':' of IPv6) but whose start is near a
// rarer shape (two colons close together). A pattern outside the automaton's syntax subset
// runs as Text instead.
enum class ScanMode { Text, DigitWindows, Native, StartWindows };

// Appends ranges [from, to) of offsets where a match of a StartWindows recognizer's pattern may
// start: the leftmost start of every match must be inside one (tst_anchoredautomaton checks).
// The text comes with the offsets of the trigger bytes (Recognizer::triggers).
using StartFinder = std::function<void(const TriggerBytes &text, std::vector<std::pair<size_t, size_t>> &ranges)>;

// Appends the end offsets of every match of a Native recognizer's pattern in the text.
using TriggerFinder = std::function<void(const TriggerBytes &text, std::vector<size_t> &ends)>;

// How the start of a Text-mode match is found. Leftmost: the leftmost start of the pattern (the
// engine reports end offsets only; fixed-width patterns get end - width, others are re-matched
// on a small window). FromEnd: the candidate is [end - minimum width, end) and the validator
// derives the span itself (for patterns that are a trigger, e.g. "://" or "@domain.").
enum class StartMode { Leftmost, FromEnd };

// One pattern of the compiled database. The pattern is Hyperscan syntax and only has to find
// candidates; precision comes from the validator and the context words.
struct Recognizer {
    QString name;                       // reported as Finding::recognizer
    QString type;                       // vocabulary type, e.g. "CREDIT_CARD"
    QString subtype;                    // SECRET subtype (a validator may override it)
    std::string pattern;
    unsigned int flags = 0;             // extra HS_FLAG_* (the engine adds SOM where it needs it)
    double score = 0.5;                 // score of a validated match without context
    std::vector<std::string> context;   // lower-case words that raise the score when nearby
    // Weak formats that only mean something next to a context word (a bare "450 0840" is a
    // phone number after "call me on", an amount or a code elsewhere): without one the match is
    // dropped, not merely scored low. For Leftmost patterns the words are looked for around the
    // longest match before the validator runs, so a validator may trim the end but should not
    // move the start.
    bool requireContext = false;
    Validator validate;                 // optional
    // Optional: a necessary condition of the validator that looks only at the end offset (what
    // follows the match), checked before the start of a Text-mode match is recovered. A pattern
    // that fires on every "::" of C++ code then costs a byte test per hit, not a re-match.
    std::function<bool(std::string_view text, size_t end)> endCheck;
    ScanMode scan = ScanMode::Text;
    TriggerFinder find;                 // ScanMode::Native only
    StartFinder startWindows;           // ScanMode::StartWindows only
    std::string triggers;               // the bytes `find` or `startWindows` starts from (indexed in one pass)
    StartMode start = StartMode::Leftmost;
};

} // namespace perimeter::classify
