// SPDX-License-Identifier: Apache-2.0
#include "NativeTriggers.h"
#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perimeter::classify {

namespace {

inline bool isAlnum(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }
inline bool isWord(unsigned char c) { return isAlnum(c) || c == '_'; }
inline bool isBase64Body(unsigned char c) { return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-'; }
inline bool isTokenByte(unsigned char c) { return isAlnum(c) || c == '-' || c == '_'; }

// Index of the first byte at or after i that is `a` or `b`, or n (16 bytes at a time with SSE2).
size_t nextOf(const char *p, size_t i, size_t n, char a, char b)
{
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a);
    const __m128i vb = _mm_set1_epi8(b);
    while (i + 16 <= n) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
        if (mask != 0)
            return i + size_t(__builtin_ctz(unsigned(mask)));
        i += 16;
    }
#endif
    while (i < n && p[i] != a && p[i] != b)
        ++i;
    return i;
}

template <typename InClass>
bool runOf(std::string_view t, size_t from, size_t n, InClass inClass)
{
    if (from + n > t.size())
        return false;
    for (size_t k = from; k < from + n; ++k)
        if (!inClass(static_cast<unsigned char>(t[k])))
            return false;
    return true;
}

} // namespace

void NativeTriggers::quotedRun(std::string_view text, size_t n, std::vector<size_t> &ends)
{
    const char *p = text.data();
    for (size_t q = nextOf(p, 0, text.size(), '"', '\''); q < text.size(); q = nextOf(p, q + 1, text.size(), '"', '\'')) {
        if (runOf(text, q + 1, n, isBase64Body))
            ends.push_back(q + 1 + n);
    }
}

void NativeTriggers::pipeToken(std::string_view text, size_t n, std::vector<size_t> &ends)
{
    const char *p = text.data();
    for (size_t q = nextOf(p, 0, text.size(), '|', '%'); q < text.size(); q = nextOf(p, q + 1, text.size(), '|', '%')) {
        size_t body = q + 1;
        if (p[q] == '%') {
            if (q + 3 > text.size() || p[q + 1] != '7' || p[q + 2] != 'C')
                continue;
            body = q + 3;
        }
        if (runOf(text, body, n, isTokenByte))
            ends.push_back(body + n);
    }
}

namespace {
inline bool isHex(unsigned char c) { return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
} // namespace

void NativeTriggers::colonPairStarts(std::string_view text, std::vector<std::pair<size_t, size_t>> &ranges)
{
    const char *p = text.data();
    const size_t n = text.size();
    for (const char *colon = static_cast<const char *>(std::memchr(p, ':', n)); colon;
         colon = static_cast<const char *>(std::memchr(colon + 1, ':', size_t(p + n - colon - 1)))) {
        const size_t c = size_t(colon - p);
        for (size_t k = c + 1; k < n && k <= c + 5; ++k) {
            if (p[k] == ':') {
                ranges.emplace_back(c >= 4 ? c - 4 : 0, c + 1);
                break;
            }
            if (!isHex(static_cast<unsigned char>(p[k])))
                break;
        }
    }
}

void NativeTriggers::dotPairStarts(std::string_view text, size_t gap, size_t minBefore, size_t maxBefore,
                                   std::vector<std::pair<size_t, size_t>> &ranges)
{
    const char *p = text.data();
    const size_t n = text.size();
    for (const char *dot = static_cast<const char *>(std::memchr(p, '.', n)); dot;
         dot = static_cast<const char *>(std::memchr(dot + 1, '.', size_t(p + n - dot - 1)))) {
        const size_t d = size_t(dot - p);
        if (d < minBefore || d + gap >= n || p[d + gap] != '.' || !runOf(text, d + 1, gap - 1, isTokenByte))
            continue;
        ranges.emplace_back(d >= maxBefore ? d - maxBefore : 0, d - minBefore + 1);
    }
}

namespace {
size_t bucketOf(std::string_view w) { return w.size() < 2 ? 0 : (size_t(w[0] & 31) << 5 | size_t(w[1] & 31)); }
} // namespace

NativeTriggers::Suffixes::Suffixes(std::vector<std::string> lowerCase)
    : m_all(std::move(lowerCase))
    , m_buckets(1024)
{
    for (const auto &s : m_all) {
        m_longest = std::max(m_longest, s.size());
        m_buckets[bucketOf(s)].push_back(s);
    }
}

bool NativeTriggers::Suffixes::contains(std::string_view lowerCase) const
{
    for (const auto &s : m_buckets[bucketOf(lowerCase)])
        if (s == lowerCase)
            return true;
    return false;
}

void NativeTriggers::domainSuffix(std::string_view text, const Suffixes &suffixes, std::vector<size_t> &ends)
{
    const size_t longest = std::min<size_t>(suffixes.longest(), 31);
    const char *p = text.data();
    const size_t size = text.size();
    for (const char *dot = static_cast<const char *>(std::memchr(p, '.', size)); dot;
         dot = static_cast<const char *>(std::memchr(dot + 1, '.', size_t(p + size - dot - 1)))) {
        const size_t from = size_t(dot - p) + 1;
        size_t end = from;
        char word[32];
        while (end < size && end - from <= longest && isWord(static_cast<unsigned char>(p[end]))) {
            const char c = p[end];
            if (end - from < sizeof word)
                word[end - from] = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
            ++end;
        }
        const size_t len = end - from;
        // nothing after the dot, or a word longer than any suffix (no \b inside it)
        if (len == 0 || len > longest)
            continue;
        if (suffixes.contains(std::string_view(word, len)))
            ends.push_back(end);
    }
}

} // namespace perimeter::classify
