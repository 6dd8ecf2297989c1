// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace perimeter::classify {

// The windows around digits where the identifier patterns (ScanMode::DigitWindows) are run.
// Those patterns all contain digits and reach beyond their digit tokens at most a separator or
// two and a token of up to three characters (a NINO's "AB 12 34 56 C", "+44 (20)",
// "12:30 p.m.") or a month name next to them ("Sept. 15, 2024", "15 September"), so every
// match starts inside a window (tst_digitwindows checks this against
// Hyperscan on the whole text); the automaton runs from those starts over the whole text. Digit
// tokens joined by short gaps form one window ("MH 12 AB 1234"); windows start and end at token
// boundaries so word-boundary assertions hold as in the text.
class DigitWindows {
public:
    struct Window {
        size_t bufferStart; // offset of the window's first byte in the compacted buffer
        size_t textStart;
        size_t length;
    };

    // How far a window reaches. Matches: far enough that the whole of every match lies in one
    // (for a Hyperscan pass over the compacted windows). Starts: only as far as a match may
    // start, which ends a window at its last digit token: nothing after it starts a match
    // whose digits are in this window (the next digit is more than the gap away, and the next
    // window's margin covers what precedes it). For the automaton, which runs on past the end.
    enum class Reach { Matches, Starts };

    // Appends the windows of `text`, in order and not overlapping.
    static void find(std::string_view text, std::vector<Window> &windows, Reach reach = Reach::Matches);
    // Copies the windows into one buffer, each after a byte no pattern accepts or treats as a
    // word (for a Hyperscan pass over the windows only), and sets their bufferStart.
    static void compact(std::string_view text, std::vector<Window> &windows, std::string &buffer);
};

} // namespace perimeter::classify
