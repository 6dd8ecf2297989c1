// SPDX-License-Identifier: Apache-2.0
#include "DigitWindows.h"
#include "AsciiBytes.h"
#include <algorithm>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perimeter::classify {

namespace {

using ascii::isAlnum;
using ascii::isDigit;
using ascii::isWordChar;

constexpr size_t kDigitGap = 12; // an IBAN may have two letter groups in a row ("2345 MTLC AST0")
constexpr size_t kMarginBefore = 4;
constexpr size_t kMarginAfter = 6;

#if defined(__SSE2__)
// Bit k set when p[k] is an ASCII digit / letter or digit, for the 16 bytes at p.
inline unsigned digitMask16(const char *p)
{
    const __m128i x = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), _mm_set1_epi8('0'));
    // unsigned x <= 9  <=>  min(x, 9) == x
    return unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(9)), x)));
}

inline unsigned alnumMask16(const char *p)
{
    const __m128i raw = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
    const __m128i letter = _mm_sub_epi8(_mm_or_si128(raw, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    const __m128i isLetter = _mm_cmpeq_epi8(_mm_min_epu8(letter, _mm_set1_epi8(25)), letter);
    const __m128i digit = _mm_sub_epi8(raw, _mm_set1_epi8('0'));
    const __m128i isDigit = _mm_cmpeq_epi8(_mm_min_epu8(digit, _mm_set1_epi8(9)), digit);
    return unsigned(_mm_movemask_epi8(_mm_or_si128(isLetter, isDigit)));
}
#endif

// Index of the first ASCII digit at or after i, or n. Prose is mostly non-digits, so this and
// the token scans below run 16 bytes at a time where SSE2 is available (every x86-64); byte
// loops here mispredicted on every token.
inline __attribute__((always_inline)) size_t nextDigit(const char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
    // 64 bytes a step (one branch where there were four: the gaps between digit runs are a few
    // dozen bytes), then 16
    while (i + 64 <= n) {
        const uint64_t mask = uint64_t(digitMask16(p + i)) | uint64_t(digitMask16(p + i + 16)) << 16
            | uint64_t(digitMask16(p + i + 32)) << 32 | uint64_t(digitMask16(p + i + 48)) << 48;
        if (mask != 0)
            return i + size_t(__builtin_ctzll(mask));
        i += 64;
    }
    while (i + 16 <= n) {
        if (const unsigned mask = digitMask16(p + i))
            return i + size_t(__builtin_ctz(mask));
        i += 16;
    }
#endif
    while (i < n && !isDigit(p[i]))
        ++i;
    return i;
}

// The first digit in [i, lim), or lim; lim - i is at most 16.
inline __attribute__((always_inline)) size_t digitWithin(const char *p, size_t i, size_t lim, size_t n)
{
#if defined(__SSE2__)
    if (i + 16 <= n) {
        const unsigned mask = digitMask16(p + i) & ((1u << (lim - i)) - 1u);
        return mask ? i + size_t(__builtin_ctz(mask)) : lim;
    }
#else
    (void)n;
#endif
    while (i < lim && !isDigit(p[i]))
        ++i;
    return i;
}

// The end of the run of letters and digits starting at i (i itself when p[i] is neither).
inline __attribute__((always_inline)) size_t alnumRunEnd(const char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
    while (i + 16 <= n) {
        if (const unsigned mask = ~alnumMask16(p + i) & 0xFFFFu)
            return i + size_t(__builtin_ctz(mask));
        i += 16;
    }
#endif
    while (i < n && isAlnum(p[i]))
        ++i;
    return i;
}

// The start of the run of letters and digits ending at i (i itself when p[i - 1] is neither).
inline __attribute__((always_inline)) size_t alnumRunStart(const char *p, size_t i)
{
#if defined(__SSE2__)
    while (i >= 16) {
        if (const unsigned mask = ~alnumMask16(p + i - 16) & 0xFFFFu)
            return i - 16 + size_t(32 - __builtin_clz(mask));
        i -= 16;
    }
#endif
    while (i > 0 && isAlnum(p[i - 1]))
        --i;
    return i;
}


// The twelve three-letter month prefixes as a set of 26^3 bits (2.2 KB), so a token is tested
// with one lookup instead of twelve comparisons.
struct MonthPrefixes {
    uint64_t bits[(26 * 26 * 26 + 63) / 64] = {};
    static constexpr unsigned key(char a, char b, char c) { return unsigned(a - 'a') * 676 + unsigned(b - 'a') * 26 + unsigned(c - 'a'); }
    constexpr MonthPrefixes()
    {
        constexpr const char *months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (const char *m : months)
            bits[key(m[0], m[1], m[2]) / 64] |= uint64_t(1) << (key(m[0], m[1], m[2]) % 64);
    }
};
constexpr MonthPrefixes kMonths;

// A month name as the date patterns spell it: one of the twelve three-letter prefixes followed
// by up to seven more letters ("Sept", "September", "MAR").
inline __attribute__((always_inline)) bool isMonthToken(const char *p, size_t s, size_t e)
{
    if (e - s < 3 || e - s > 10)
        return false;
    // the prefix first: it rules out almost every word without looking at the rest
    for (size_t k = s; k < s + 3; ++k)
        if (static_cast<unsigned char>((p[k] | 0x20) - 'a') >= 26)
            return false;
    const unsigned key = MonthPrefixes::key(ascii::toLower(p[s]), ascii::toLower(p[s + 1]), ascii::toLower(p[s + 2]));
    if (!((kMonths.bits[key / 64] >> (key % 64)) & 1u))
        return false;
    for (size_t k = s + 3; k < e; ++k)
        if (static_cast<unsigned char>((p[k] | 0x20) - 'a') >= 26)
            return false;
    return true;
}

// The first letters of the month names: j f m a s o n d, in either case.
inline bool isMonthInitial(char c)
{
    switch (c | 0x20) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
        return true;
    default:
        return false;
    }
}

inline bool isDateSeparator(char c) { return c == ' ' || c == '-' || c == ',' || c == '.'; }

// The start of a month name ending at most two separators before `at` ("September 15",
// "Sept. 15", "Mar, 2024"), or `at` when there is none.
size_t monthBefore(const char *p, size_t at)
{
    size_t k = at;
    for (int seps = 0; seps < 2 && k > 0 && isDateSeparator(p[k - 1]); ++seps)
        --k;
    if (k == at || k == 0 || !isAlnum(p[k - 1]))
        return at;
    const size_t s = alnumRunStart(p, k);
    return ((s == 0 || !isWordChar(p[s - 1])) && isMonthInitial(p[s]) && isMonthToken(p, s, k)) ? s : at;
}

// The end of a month name starting one separator after `at` ("15 September", "4-Jul"), or
// `at` when there is none.
size_t monthAfter(const char *p, size_t n, size_t at)
{
    if (at + 1 >= n || (p[at] != ' ' && p[at] != '-') || !isMonthInitial(p[at + 1]))
        return at;
    const size_t e = alnumRunEnd(p, at + 1, n);
    return isMonthToken(p, at + 1, e) ? e : at;
}

} // namespace

void DigitWindows::find(std::string_view t, std::vector<Window> &windows, Reach reach)
{
    const bool wholeMatches = reach == Reach::Matches;
    const size_t n = t.size();
    const char *p = t.data();
    size_t i = 0;
    while (i < n) {
        i = nextDigit(p, i, n);
        if (i >= n)
            break;
        const size_t first = alnumRunStart(p, i);
        size_t e = i + 1;
        for (;;) {
            e = alnumRunEnd(p, e, n);
            const size_t lim = std::min(n, e + kDigitGap);
            const size_t k = digitWithin(p, e, lim, n);
            if (k >= lim)
                break;
            e = k + 1;
        }
        // margins end at token boundaries; a token only partly inside a margin is left out
        size_t ws = first > kMarginBefore ? first - kMarginBefore : 0;
        while (ws > 0 && ws < first && isWordChar(p[ws - 1]))
            ++ws;
        size_t we = e;
        if (wholeMatches) {
            we = std::min(n, e + kMarginAfter);
            while (we > e && we < n && isWordChar(p[we]))
                --we;
        }
        // except a month name next to the digits: the date patterns start or end with one
        ws = std::min(ws, monthBefore(p, first));
        if (wholeMatches)
            we = std::max(we, monthAfter(p, n, e));
        if (!windows.empty() && ws <= windows.back().textStart + windows.back().length) {
            Window &last = windows.back();
            last.length = std::max(last.length, we - last.textStart);
        } else {
            windows.push_back({0, ws, we - ws});
        }
        i = std::max(e, we);
    }
}

void DigitWindows::compact(std::string_view text, std::vector<Window> &windows, std::string &buffer)
{
    size_t total = 0;
    for (const auto &w : windows)
        total += w.length + 1;
    buffer.resize(total);
    size_t pos = 0;
    for (auto &w : windows) {
        buffer[pos++] = '\x01';
        w.bufferStart = pos;
        std::memcpy(buffer.data() + pos, text.data() + w.textStart, w.length);
        pos += w.length;
    }
}


} // namespace perimeter::classify
