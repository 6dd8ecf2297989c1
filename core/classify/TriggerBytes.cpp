// SPDX-License-Identifier: Apache-2.0
#include "TriggerBytes.h"
#include <algorithm>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perimeter::classify {

namespace {
// More than this many bytes in one pass: the rest get a pass of their own (more compares per
// 16 bytes than a second pass costs).
constexpr size_t kBytesPerPass = 8;
} // namespace

void TriggerBytes::index(std::string_view text, std::string_view bytes)
{
    m_text = text;
    m_slot.fill(0);
    m_used = 0;
    for (size_t k = 0; k < bytes.size(); k += kBytesPerPass)
        indexBytes(bytes.substr(k, kBytesPerPass));
}

std::span<const uint32_t> TriggerBytes::positions(char byte) const
{
    const auto u = static_cast<unsigned char>(byte);
    if (m_slot[u] == 0)
        indexBytes(std::string_view(&byte, 1));
    const List &list = m_lists[size_t(m_slot[u] - 1)];
    return {list.data.get(), list.size};
}

void TriggerBytes::List::reserveMore(size_t extra)
{
    if (size + extra <= capacity)
        return;
    const size_t grown = std::max(size + extra, capacity * 2);
    auto bigger = std::make_unique_for_overwrite<uint32_t[]>(grown);
    std::copy(data.get(), data.get() + size, bigger.get());
    data = std::move(bigger);
    capacity = grown;
}

namespace {

// The wanted bytes as a "shufti" pair of nibble tables: a byte is wanted when
// low[byte & 15] & high[byte >> 4] is not zero. Each bucket bit stands for one high nibble, so
// the test is exact for up to eight distinct high nibbles (always the case here: a handful of
// punctuation bytes); `exact` is false otherwise.
struct NibbleTables {
    alignas(16) uint8_t low[16] = {};
    alignas(16) uint8_t high[16] = {};
    bool exact = true;

    explicit NibbleTables(std::string_view bytes)
    {
        int buckets = 0;
        for (const char c : bytes) {
            const auto u = static_cast<unsigned char>(c);
            const unsigned hi = u >> 4, lo = u & 15;
            if (high[hi] == 0) {
                if (buckets == 8) {
                    exact = false;
                    return;
                }
                high[hi] = uint8_t(1u << buckets++);
            }
            low[lo] |= high[hi];
        }
    }
};

#if defined(__x86_64__) && defined(__GNUC__)
// 32 bytes a time with AVX2 where the processor has it (two table lookups and a compare,
// whatever the number of bytes); the caller takes the tail.
__attribute__((target("avx2"))) size_t scanAvx2(const unsigned char *p, size_t n, uint32_t base, const NibbleTables &tables,
                                                uint32_t **cursor, const std::array<int8_t, 256> &slot)
{
    const __m256i low = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i *>(tables.low)));
    const __m256i high = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i *>(tables.high)));
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i zero = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 32 <= n; i += 32) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(p + i));
        const __m256i lo = _mm256_shuffle_epi8(low, _mm256_and_si256(x, nibble));
        const __m256i hi = _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble));
        const __m256i miss = _mm256_cmpeq_epi8(_mm256_and_si256(lo, hi), zero);
        for (unsigned mask = ~unsigned(_mm256_movemask_epi8(miss)); mask != 0; mask &= mask - 1) {
            const size_t at = i + size_t(__builtin_ctz(mask));
            *cursor[slot[p[at]] - 1]++ = base + uint32_t(at);
        }
    }
    return i;
}

bool hasAvx2()
{
    static const bool has = __builtin_cpu_supports("avx2");
    return has;
}
#endif

} // namespace

void TriggerBytes::indexBytes(std::string_view wanted) const
{
    // one list per distinct byte not indexed yet
    std::string bytes;
    for (const char c : wanted)
        if (m_slot[static_cast<unsigned char>(c)] == 0 && bytes.find(c) == std::string::npos)
            bytes.push_back(c);
    if (bytes.empty())
        return;
    m_lists.reserve(256); // one list per byte value at most: references stay valid as lists are added
    for (const char c : bytes) {
        if (m_used == m_lists.size())
            m_lists.emplace_back();
        m_lists[m_used].size = 0;
        m_slot[static_cast<unsigned char>(c)] = int8_t(++m_used);
    }
    const auto *p = reinterpret_cast<const unsigned char *>(m_text.data());
    const size_t n = m_text.size();
    std::array<bool, 256> isWanted{};
    for (const char c : bytes)
        isWanted[static_cast<unsigned char>(c)] = true;
    // the lists of this pass, written through cursors a stretch at a time
    std::array<uint32_t *, 256> cursor{};
    const auto open = [&](size_t stretch) {
        for (const char c : bytes) {
            List &list = m_lists[size_t(m_slot[static_cast<unsigned char>(c)] - 1)];
            list.reserveMore(stretch);
            cursor[size_t(m_slot[static_cast<unsigned char>(c)] - 1)] = list.data.get() + list.size;
        }
    };
    const auto close = [&]() {
        for (const char c : bytes) {
            List &list = m_lists[size_t(m_slot[static_cast<unsigned char>(c)] - 1)];
            list.size = size_t(cursor[size_t(m_slot[static_cast<unsigned char>(c)] - 1)] - list.data.get());
        }
    };
    constexpr size_t kStretch = 4096;
#if defined(__x86_64__) && defined(__GNUC__)
    const NibbleTables tables(bytes);
    const bool avx2 = tables.exact && hasAvx2();
#else
    const bool avx2 = false;
#endif
    for (size_t from = 0; from < n; from += kStretch) {
        const size_t len = std::min(kStretch, n - from);
        open(len);
        size_t i = 0;
#if defined(__x86_64__) && defined(__GNUC__)
        if (avx2)
            i = scanAvx2(p + from, len, uint32_t(from), tables, cursor.data(), m_slot);
#endif
#if defined(__SSE2__)
        if (i == 0) {
            __m128i needles[kBytesPerPass];
            const size_t k = bytes.size();
            for (size_t j = 0; j < kBytesPerPass; ++j)
                needles[j] = _mm_set1_epi8(bytes[j < k ? j : 0]); // padded with the first byte
            for (; i + 16 <= len; i += 16) {
                const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + from + i));
                __m128i hit = _mm_cmpeq_epi8(x, needles[0]);
                for (size_t j = 1; j < kBytesPerPass; ++j) // a constant count: unrolled
                    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, needles[j]));
                for (unsigned mask = unsigned(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1) {
                    const size_t at = i + size_t(__builtin_ctz(mask));
                    *cursor[size_t(m_slot[p[from + at]] - 1)]++ = uint32_t(from + at);
                }
            }
        }
#endif
        for (; i < len; ++i)
            if (isWanted[p[from + i]])
                *cursor[size_t(m_slot[p[from + i]] - 1)]++ = uint32_t(from + i);
        close();
    }
}

} // namespace perimeter::classify
