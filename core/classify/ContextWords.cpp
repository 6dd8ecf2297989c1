// SPDX-License-Identifier: Apache-2.0
#include "ContextWords.h"
#include "AsciiBytes.h"
#include <algorithm>
#include <climits>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perimeter::classify {

namespace {


inline unsigned char lowerByte(char c) { return static_cast<unsigned char>(ascii::toLower(c)); }
inline bool isWordByte(unsigned char c) { return ascii::isWordChar(char(c)); }

// Bytes as 37 codes for the pair table: letters (any case), digits, and one code for the rest
// (words whose second byte is punctuation land in one bucket and are told apart by comparing).
constexpr size_t kCodes = 37;
struct CodeTable {
    uint8_t code[256] = {};
    constexpr CodeTable()
    {
        for (int c = 0; c < 256; ++c)
            code[c] = (c >= 'a' && c <= 'z') ? uint8_t(c - 'a')
                : (c >= 'A' && c <= 'Z')     ? uint8_t(c - 'A')
                : (c >= '0' && c <= '9')     ? uint8_t(26 + c - '0')
                                             : uint8_t(36);
    }
};
constexpr CodeTable kCode;
inline size_t codeOf(unsigned char c) { return kCode.code[c]; }
inline size_t pairKey(unsigned char a, unsigned char b) { return codeOf(a) * kCodes + codeOf(b); }

} // namespace

ContextWords::ContextWords(std::vector<std::string> lowerCaseWords)
    : m_words(std::move(lowerCaseWords))
    , m_pairBucket(kCodes * kCodes, 0)
    , m_singleByte(256)
{
    for (size_t k = 0; k < m_words.size(); ++k) {
        const std::string &w = m_words[k];
        if (w.empty())
            continue;
        const auto c0 = static_cast<unsigned char>(w[0]);
        if (w.size() == 1) {
            m_singleByte[c0].push_back(uint32_t(k));
            continue;
        }
        const size_t key = pairKey(c0, static_cast<unsigned char>(w[1]));
        if (m_pairBucket[key] == 0) {
            m_buckets.emplace_back();
            m_pairBucket[key] = uint16_t(m_buckets.size());
        }
        uint32_t head = 0, mask = 0;
        for (size_t q = 0; q < 4 && q < w.size(); ++q) {
            head |= uint32_t(static_cast<unsigned char>(w[q]) | 0x20) << (8 * q);
            mask |= uint32_t(0xFF) << (8 * q);
        }
        m_buckets[m_pairBucket[key] - 1].push_back({uint32_t(k), head, mask});
    }
}

size_t ContextWords::indexOf(std::string_view lowerCaseWord) const
{
    return size_t(std::find(m_words.begin(), m_words.end(), lowerCaseWord) - m_words.begin());
}

ContextWords::Wanted ContextWords::select(const std::vector<uint64_t> &words) const
{
    Wanted w;
    w.m_words = words;
    w.m_words.resize((m_words.size() + 63) / 64 + 1, 0);
    w.m_pairs.assign((kCodes * kCodes + 63) / 64, 0);
    for (size_t k = 0; k < m_words.size(); ++k) {
        if (!((w.m_words[k >> 6] >> (k & 63)) & 1) || m_words[k].empty())
            continue;
        const std::string &word = m_words[k];
        const auto c0 = static_cast<unsigned char>(word[0]);
        w.m_any = true;
        w.m_nonWordFirst = w.m_nonWordFirst || !isWordByte(c0);
        if (word.size() == 1) {
            w.m_single[c0 >> 6] |= uint64_t(1) << (c0 & 63);
            w.m_hasSingle = true;
            continue;
        }
        const size_t key = pairKey(c0, static_cast<unsigned char>(word[1]));
        w.m_pairs[key >> 6] |= uint64_t(1) << (key & 63);
    }
    return w;
}

void ContextWords::begin(Scan &scan, std::string_view text) const
{
    scan.text = text;
}

namespace {

// Bit i set when byte i of the (up to 64-byte) block is in [A-Za-z0-9_].
uint64_t wordMask(const unsigned char *p, size_t len)
{
    uint64_t mask = 0;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i bias = _mm_set1_epi8(char(0x80)); // signed compares on unsigned bytes
    const auto below = [&](__m128i x, char lo, char hi) { // lo <= x <= hi
        const __m128i v = _mm_xor_si128(x, bias);
        const __m128i l = _mm_set1_epi8(char(lo ^ 0x80));
        const __m128i h = _mm_set1_epi8(char(hi ^ 0x80));
        return _mm_andnot_si128(_mm_or_si128(_mm_cmpgt_epi8(l, v), _mm_cmpgt_epi8(v, h)), _mm_set1_epi8(-1));
    };
    for (; i + 16 <= len; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
        const __m128i word = _mm_or_si128(_mm_or_si128(below(x, '0', '9'), below(folded, 'a', 'z')),
                                          _mm_cmpeq_epi8(x, _mm_set1_epi8('_')));
        mask |= uint64_t(uint32_t(_mm_movemask_epi8(word)) & 0xFFFFu) << i;
    }
#endif
    for (; i < len; ++i)
        if (isWordByte(p[i]))
            mask |= uint64_t(1) << i;
    return mask;
}

} // namespace

bool ContextWords::anyStartingIn(std::string_view t, const Wanted &wanted, size_t from, size_t until, size_t limit) const
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(t.data());
    const size_t size = t.size();
    for (size_t chunk = from; chunk < until; chunk += 64) {
        const size_t len = std::min<size_t>(64, until - chunk);
        // words that start with a letter, digit or '_' are tried only where a word of the text
        // starts: a few positions per chunk, found 16 bytes at a time
        const uint64_t word = wordMask(bytes + chunk, len);
        const uint64_t before = (chunk > 0 && isWordByte(bytes[chunk - 1])) ? 1 : 0;
        const uint64_t inChunk = len == 64 ? ~uint64_t(0) : ((uint64_t(1) << len) - 1);
        uint64_t starts = word & ~((word << 1) | before);
        if (wanted.m_nonWordFirst) // and the others wherever their first byte is
            starts |= ~word & inChunk;
        for (; starts != 0; starts &= starts - 1) {
            const size_t p = chunk + size_t(__builtin_ctzll(starts));
            const unsigned char c0 = lowerByte(char(bytes[p]));
            if (wanted.m_hasSingle && ((wanted.m_single[c0 >> 6] >> (c0 & 63)) & 1) && p + 1 <= limit)
                for (uint32_t k : m_singleByte[c0])
                    if ((wanted.m_words[k >> 6] >> (k & 63)) & 1)
                        return true;
            if (p + 2 > limit)
                continue; // no word of two bytes or more fits before the limit
            // the recognizer's own pair table rules out almost every position
            const size_t key = pairKey(c0, bytes[p + 1]);
            if (!((wanted.m_pairs[key >> 6] >> (key & 63)) & 1))
                continue;
            uint32_t text4 = 0;
            if (p + 4 <= size) {
                std::memcpy(&text4, bytes + p, 4);
            } else {
                for (size_t q = 0; p + q < size; ++q)
                    text4 |= uint32_t(bytes[p + q]) << (8 * q);
            }
            text4 |= 0x20202020u;
            for (const Candidate &cand : m_buckets[m_pairBucket[key] - 1]) {
                if ((text4 & cand.mask) != cand.head || !((wanted.m_words[cand.word >> 6] >> (cand.word & 63)) & 1))
                    continue;
                const std::string &w = m_words[cand.word];
                if (p + w.size() > limit)
                    continue;
                size_t q = 0; // the filter folds a few punctuation pairs together: compare all
                while (q < w.size() && lowerByte(char(bytes[p + q])) == static_cast<unsigned char>(w[q]))
                    ++q;
                if (q >= w.size())
                    return true;
            }
        }
    }
    return false;
}

bool ContextWords::anyAround(const Scan &scan, const Wanted &wanted, size_t from, size_t to, size_t valueStart,
                             size_t valueEnd) const
{
    const std::string_view t = scan.text;
    to = std::min(to, t.size());
    if (from >= to || !wanted.m_any)
        return false;
    // before the value: words that end by its start; after it: words that start at its end or later
    const size_t beforeLimit = std::min(valueStart, to);
    if (from < beforeLimit && anyStartingIn(t, wanted, from, beforeLimit, beforeLimit))
        return true;
    const size_t afterFrom = std::max(valueEnd, from);
    return afterFrom < to && anyStartingIn(t, wanted, afterFrom, to, to);
}

} // namespace perimeter::classify
