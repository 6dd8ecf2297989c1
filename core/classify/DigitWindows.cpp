// SPDX-License-Identifier: Apache-2.0
#include "DigitWindows.h"
#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perimeter::classify {

namespace {

inline bool isDigitByte(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool isAlnumByte(char c) { return isDigitByte(c) || static_cast<unsigned char>((c | 0x20) - 'a') < 26; }
inline bool isWordByte(char c) { return isAlnumByte(c) || c == '_'; }

constexpr size_t kDigitGap = 12; // an IBAN may have two letter groups in a row ("2345 MTLC AST0")
constexpr size_t kMarginBefore = 4;
constexpr size_t kMarginAfter = 6;

// Index of the first ASCII digit at or after i, or n. Prose is mostly non-digits, so this runs
// 16 bytes at a time where SSE2 is available (every x86-64).
size_t nextDigit(const char *p, size_t i, size_t n)
{
#if defined(__SSE2__)
    const __m128i zero = _mm_set1_epi8('0');
    const __m128i nine = _mm_set1_epi8(9);
    while (i + 16 <= n) {
        const __m128i x = _mm_sub_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i)), zero);
        // unsigned x <= 9  <=>  min(x, 9) == x
        const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, nine), x));
        if (mask != 0)
            return i + size_t(__builtin_ctz(unsigned(mask)));
        i += 16;
    }
#endif
    while (i < n && !isDigitByte(p[i]))
        ++i;
    return i;
}

inline char lowerByte(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// A month name as the date patterns spell it: one of the twelve three-letter prefixes followed
// by up to seven more letters ("Sept", "September", "MAR").
bool isMonthToken(const char *p, size_t s, size_t e)
{
    if (e - s < 3 || e - s > 10)
        return false;
    for (size_t k = s; k < e; ++k)
        if (static_cast<unsigned char>((p[k] | 0x20) - 'a') >= 26)
            return false;
    static constexpr const char *months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    const char a = lowerByte(p[s]), b = lowerByte(p[s + 1]), c = lowerByte(p[s + 2]);
    for (const char *m : months)
        if (m[0] == a && m[1] == b && m[2] == c)
            return true;
    return false;
}

// The start of a month name ending at most two separators before `at` ("September 15",
// "Sept. 15", "Mar, 2024"), or `at` when there is none.
size_t monthBefore(const char *p, size_t at)
{
    size_t k = at;
    for (int seps = 0; seps < 2 && k > 0 && std::strchr(" -,.", p[k - 1]) && p[k - 1] != '\0'; ++seps)
        --k;
    if (k == at)
        return at;
    size_t s = k;
    while (s > 0 && isAlnumByte(p[s - 1]))
        --s;
    return (s < k && (s == 0 || !isWordByte(p[s - 1])) && isMonthToken(p, s, k)) ? s : at;
}

// The end of a month name starting one separator after `at` ("15 September", "4-Jul"), or
// `at` when there is none.
size_t monthAfter(const char *p, size_t n, size_t at)
{
    if (at >= n || (p[at] != ' ' && p[at] != '-'))
        return at;
    size_t e = at + 1;
    while (e < n && isAlnumByte(p[e]))
        ++e;
    return (e > at + 1 && isMonthToken(p, at + 1, e)) ? e : at;
}

} // namespace

void DigitWindows::find(std::string_view t, std::vector<Window> &windows)
{
    const size_t n = t.size();
    const char *p = t.data();
    size_t i = 0;
    while (i < n) {
        i = nextDigit(p, i, n);
        if (i >= n)
            break;
        size_t first = i;
        while (first > 0 && isAlnumByte(p[first - 1]))
            --first;
        size_t e = i + 1;
        for (;;) {
            while (e < n && isAlnumByte(p[e]))
                ++e;
            const size_t lim = std::min(n, e + kDigitGap);
            size_t k = e;
            while (k < lim && !isDigitByte(p[k]))
                ++k;
            if (k >= lim)
                break;
            e = k + 1;
        }
        // margins end at token boundaries; a token only partly inside a margin is left out
        size_t ws = first > kMarginBefore ? first - kMarginBefore : 0;
        while (ws > 0 && ws < first && isWordByte(p[ws - 1]))
            ++ws;
        size_t we = std::min(n, e + kMarginAfter);
        while (we > e && we < n && isWordByte(p[we]))
            --we;
        // except a month name next to the digits: the date patterns start or end with one
        ws = std::min(ws, monthBefore(p, first));
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
