// SPDX-License-Identifier: Apache-2.0
#include "ContextWords.h"
#include <algorithm>
#include <climits>

namespace perimeter::classify {

namespace {

constexpr size_t kBlock = 64;
constexpr uint32_t kUnscanned = UINT32_MAX;

inline unsigned char lowerByte(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') ? static_cast<unsigned char>(u - 'A' + 'a') : u;
}

inline bool isWordByte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

} // namespace

ContextWords::ContextWords(std::vector<std::string> lowerCaseWords)
    : m_words(std::move(lowerCaseWords))
    , m_pairBucket(size_t(1) << 16, 0)
    , m_singleByte(256)
{
    for (size_t k = 0; k < m_words.size(); ++k) {
        const std::string &w = m_words[k];
        if (w.empty())
            continue;
        const auto c0 = static_cast<unsigned char>(w[0]);
        m_firstBytes[c0 >> 6] |= uint64_t(1) << (c0 & 63);
        if (w.size() == 1) {
            m_singleByte[c0].push_back(uint32_t(k));
            continue;
        }
        const size_t key = size_t(c0) << 8 | static_cast<unsigned char>(w[1]);
        if (m_pairBucket[key] == 0) {
            m_buckets.emplace_back();
            m_pairBucket[key] = uint16_t(m_buckets.size());
        }
        m_buckets[m_pairBucket[key] - 1].push_back(uint32_t(k));
    }
}

size_t ContextWords::indexOf(std::string_view lowerCaseWord) const
{
    return size_t(std::find(m_words.begin(), m_words.end(), lowerCaseWord) - m_words.begin());
}

void ContextWords::begin(Scan &scan, std::string_view text) const
{
    scan.text = text;
    const size_t blocks = (text.size() + kBlock - 1) / kBlock;
    scan.blockFirst.assign(blocks, kUnscanned);
    scan.blockEnd.resize(blocks);
    scan.hits.clear();
}

void ContextWords::indexBlock(Scan &scan, size_t block) const
{
    const std::string_view t = scan.text;
    const size_t from = block * kBlock;
    const size_t to = std::min(t.size(), from + kBlock);
    scan.blockFirst[block] = uint32_t(scan.hits.size());
    for (size_t p = from; p < to; ++p) {
        const unsigned char c0 = lowerByte(t[p]);
        if (!((m_firstBytes[c0 >> 6] >> (c0 & 63)) & 1))
            continue;
        if (isWordByte(c0) && p > 0 && isWordByte(static_cast<unsigned char>(t[p - 1])))
            continue; // inside a word of the text
        const auto matchesAt = [&](uint32_t k) {
            const std::string &w = m_words[k];
            if (p + w.size() > t.size())
                return false;
            for (size_t q = 1; q < w.size(); ++q)
                if (lowerByte(t[p + q]) != static_cast<unsigned char>(w[q]))
                    return false;
            return true;
        };
        for (uint32_t k : m_singleByte[c0])
            scan.hits.push_back({k, uint32_t(p)});
        if (p + 1 < t.size()) {
            const uint16_t bucket = m_pairBucket[size_t(c0) << 8 | lowerByte(t[p + 1])];
            if (bucket != 0)
                for (uint32_t k : m_buckets[bucket - 1])
                    if (matchesAt(k))
                        scan.hits.push_back({k, uint32_t(p)});
        }
    }
    scan.blockEnd[block] = uint32_t(scan.hits.size());
}

bool ContextWords::anyAround(Scan &scan, const std::vector<uint64_t> &wanted, size_t from, size_t to, size_t valueStart,
                             size_t valueEnd) const
{
    to = std::min(to, scan.text.size());
    if (from >= to)
        return false;
    for (size_t block = from / kBlock; block <= (to - 1) / kBlock; ++block) {
        if (scan.blockFirst[block] == kUnscanned)
            indexBlock(scan, block);
        for (uint32_t h = scan.blockFirst[block]; h < scan.blockEnd[block]; ++h) {
            const auto &hit = scan.hits[h];
            if (!((wanted[hit.word >> 6] >> (hit.word & 63)) & 1))
                continue;
            const size_t start = hit.start;
            const size_t end = start + m_words[hit.word].size();
            if (start >= from && end <= to && (end <= valueStart || start >= valueEnd))
                return true;
        }
    }
    return false;
}

} // namespace perimeter::classify
