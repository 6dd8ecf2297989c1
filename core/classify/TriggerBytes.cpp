// SPDX-License-Identifier: Apache-2.0
#include "TriggerBytes.h"
#include <algorithm>
#if defined(__SSE2__)
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

const std::vector<uint32_t> &TriggerBytes::positions(char byte) const
{
    const auto u = static_cast<unsigned char>(byte);
    if (m_slot[u] == 0)
        indexBytes(std::string_view(&byte, 1));
    return m_lists[size_t(m_slot[u] - 1)];
}

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
        m_lists[m_used].clear();
        m_slot[static_cast<unsigned char>(c)] = int8_t(++m_used);
    }
    const auto *p = reinterpret_cast<const unsigned char *>(m_text.data());
    const size_t n = m_text.size();
    const auto add = [&](size_t at) { m_lists[size_t(m_slot[p[at]] - 1)].push_back(uint32_t(at)); };
    std::array<bool, 256> isWanted{};
    for (const char c : bytes)
        isWanted[static_cast<unsigned char>(c)] = true;
    size_t i = 0;
#if defined(__SSE2__)
    __m128i needles[kBytesPerPass];
    const size_t k = bytes.size();
    for (size_t j = 0; j < k; ++j)
        needles[j] = _mm_set1_epi8(bytes[j]);
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        __m128i hit = _mm_cmpeq_epi8(x, needles[0]);
        for (size_t j = 1; j < k; ++j)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, needles[j]));
        for (unsigned mask = unsigned(_mm_movemask_epi8(hit)); mask != 0; mask &= mask - 1)
            add(i + size_t(__builtin_ctz(mask)));
    }
#endif
    for (; i < n; ++i)
        if (isWanted[p[i]])
            add(i);
}

} // namespace perimeter::classify
