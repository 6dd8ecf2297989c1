// SPDX-License-Identifier: Apache-2.0
#include "NativeTriggers.h"
#include "AsciiBytes.h"
#include <algorithm>
#include <cstdint>

namespace perimeter::classify {

namespace {

inline bool isAlnum(unsigned char c) { return ascii::isAlnum(char(c)); }
inline bool isWord(unsigned char c) { return ascii::isWordChar(char(c)); }
inline bool isBase64Body(unsigned char c) { return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-'; }
inline bool isTokenByte(unsigned char c) { return isAlnum(c) || c == '-' || c == '_'; }
inline bool isTokenLabel(unsigned char c) { return isAlnum(c) || c == '-'; }

// Calls f on the offsets of two bytes in ascending order (two sorted lists merged).
template <typename F>
void forEachOf(const TriggerBytes &t, char a, char b, F f)
{
    const auto &x = t.positions(a);
    const auto &y = t.positions(b);
    size_t i = 0, j = 0;
    while (i < x.size() || j < y.size()) {
        if (j >= y.size() || (i < x.size() && x[i] < y[j]))
            f(size_t(x[i++]));
        else
            f(size_t(y[j++]));
    }
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

void NativeTriggers::quotedRun(const TriggerBytes &t, size_t n, std::vector<size_t> &ends)
{
    const std::string_view text = t.text();
    forEachOf(t, '"', '\'', [&](size_t q) {
        if (runOf(text, q + 1, n, isBase64Body))
            ends.push_back(q + 1 + n);
    });
}

void NativeTriggers::pipeToken(const TriggerBytes &t, size_t n, std::vector<size_t> &ends)
{
    const std::string_view text = t.text();
    const char *p = text.data();
    forEachOf(t, '|', '%', [&](size_t q) {
        size_t body = q + 1;
        if (p[q] == '%') {
            if (q + 3 > text.size() || p[q + 1] != '7' || p[q + 2] != 'C')
                return;
            body = q + 3;
        }
        if (runOf(text, body, n, isTokenByte))
            ends.push_back(body + n);
    });
}

void NativeTriggers::wordDotRun(const TriggerBytes &t, std::string_view word, size_t n, std::vector<size_t> &ends)
{
    const std::string_view text = t.text();
    const size_t w = word.size();
    for (const uint32_t dot : t.positions('.')) {
        const size_t d = dot;
        if (d < w || text.substr(d - w, w) != word || (d > w && isWord(static_cast<unsigned char>(text[d - w - 1]))))
            continue;
        if (!runOf(text, d + 1, n, isAlnum))
            continue;
        const size_t end = d + 1 + n;
        if (end < text.size() && isWord(static_cast<unsigned char>(text[end])))
            continue;
        ends.push_back(end);
    }
}

void NativeTriggers::atDomain(const TriggerBytes &t, std::vector<size_t> &ends)
{
    const std::string_view text = t.text();
    const size_t size = text.size();
    for (const uint32_t at : t.positions('@')) {
        // the label cannot contain the dot, so it is the whole run after '@': one end at most
        size_t j = size_t(at) + 1;
        while (j < size && isTokenLabel(static_cast<unsigned char>(text[j])))
            ++j;
        if (j > size_t(at) + 1 && j + 1 < size && text[j] == '.' && isAlnum(static_cast<unsigned char>(text[j + 1])))
            ends.push_back(j + 2);
    }
}


void NativeTriggers::colonPairStarts(const TriggerBytes &t, std::vector<std::pair<size_t, size_t>> &ranges)
{
    const std::string_view text = t.text();
    const char *p = text.data();
    const size_t n = text.size();
    for (const uint32_t colon : t.positions(':')) {
        const size_t c = colon;
        for (size_t k = c + 1; k < n && k <= c + 5; ++k) {
            if (p[k] == ':') {
                // a match may start anywhere in the up to four hex digits before the colon, but
                // every end one of those starts reaches, the first of them reaches too (with a
                // longer first group), and the leftmost start is the one reported: only it is run
                size_t start = c;
                while (start > 0 && c - start < 4 && ascii::isHexDigit(p[start - 1]))
                    --start;
                ranges.emplace_back(start, start + 1);
                break;
            }
            if (!ascii::isHexDigit(p[k]))
                break;
        }
    }
}

void NativeTriggers::dotPairStarts(const TriggerBytes &t, size_t gap, size_t minBefore, size_t maxBefore,
                                   std::vector<std::pair<size_t, size_t>> &ranges)
{
    const std::string_view text = t.text();
    const char *p = text.data();
    const size_t n = text.size();
    for (const uint32_t dot : t.positions('.')) {
        const size_t d = dot;
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

void NativeTriggers::domainSuffix(const TriggerBytes &t, const Suffixes &suffixes, std::vector<size_t> &ends)
{
    const size_t longest = std::min<size_t>(suffixes.longest(), 31);
    const std::string_view text = t.text();
    const char *p = text.data();
    const size_t size = text.size();
    for (const uint32_t dot : t.positions('.')) {
        const size_t from = size_t(dot) + 1;
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
