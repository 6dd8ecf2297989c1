// SPDX-License-Identifier: Apache-2.0
#include "TextNormalizer.h"
#include "AsciiBytes.h"
#include <QChar>
#include <QList>
#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace perimeter::classify {

namespace {

void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xF0 | (cp >> 18)));
        out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

bool isInvisible(char32_t cp)
{
    if (cp == 0x034F || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x180B && cp <= 0x180D)
        || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0)
        return true;
    return QChar::category(cp) == QChar::Other_Format; // ZW(N)J, ZWSP, BOM, soft hyphen, bidi marks, tags
}

// Appends the folded form of one non-escape code point.
void foldCodePoint(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(char(cp));
        return;
    }
    if (isInvisible(cp))
        return;
    const auto cat = QChar::category(cp);
    if (cat == QChar::Number_DecimalDigit) {
        const int v = QChar::digitValue(cp);
        if (v >= 0) {
            out.push_back(char('0' + v));
            return;
        }
    }
    if (cat == QChar::Separator_Space || cp == 0x2028 || cp == 0x2029) {
        out.push_back(' ');
        return;
    }
    if (cat == QChar::Punctuation_Dash || cp == 0x2212) {
        out.push_back('-');
        return;
    }
    const auto tag = QChar::decompositionTag(cp);
    if (tag != QChar::NoDecomposition && tag != QChar::Canonical) {
        const QString folded = QString::fromUcs4(&cp, 1).normalized(QString::NormalizationForm_KC);
        // spacing diacritics (U+00A8, U+00B4, ...) decompose to a space plus a combining mark:
        // folding them would split a token in two
        if (folded.startsWith(QLatin1Char(' '))) {
            appendUtf8(out, cp);
            return;
        }
        for (char32_t c : folded.toUcs4()) {
            if (c == cp) {
                appendUtf8(out, c);
            } else {
                foldCodePoint(out, c);
            }
        }
        return;
    }
    appendUtf8(out, cp);
}


// Decodes an escape at text[i] ("\uXXXX" with any number of backslashes, surrogate pairs
// joined; "&#NNN;" / "&#xHH;"). Returns the UTF-16 length consumed and the code point.
int decodeEscape(const QString &text, qsizetype i, char32_t &cp)
{
    const qsizetype n = text.size();
    const char16_t c = text.at(i).unicode();
    if (c == '\\') {
        qsizetype j = i;
        while (j < n && text.at(j) == QLatin1Char('\\'))
            ++j;
        if (j + 5 > n || (text.at(j) != QLatin1Char('u') && text.at(j) != QLatin1Char('U')))
            return 0;
        uint32_t v = 0;
        for (int k = 1; k <= 4; ++k) {
            const int h = ascii::hexValue(text.at(j + k).unicode());
            if (h < 0)
                return 0;
            v = v * 16 + uint32_t(h);
        }
        int consumed = int(j + 5 - i);
        if (v >= 0xD800 && v <= 0xDBFF) {
            // high surrogate: join with a following \uDCxx escape
            qsizetype k = j + 5;
            qsizetype m = k;
            while (m < n && text.at(m) == QLatin1Char('\\'))
                ++m;
            if (m > k && m + 5 <= n && (text.at(m) == QLatin1Char('u') || text.at(m) == QLatin1Char('U'))) {
                uint32_t lo = 0;
                bool ok = true;
                for (int q = 1; q <= 4; ++q) {
                    const int h = ascii::hexValue(text.at(m + q).unicode());
                    if (h < 0) {
                        ok = false;
                        break;
                    }
                    lo = lo * 16 + uint32_t(h);
                }
                if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
                    return int(m + 5 - i);
                }
            }
            return 0;
        }
        if (v >= 0xDC00 && v <= 0xDFFF)
            return 0;
        cp = v;
        return consumed;
    }
    if (c == '&' && i + 3 < n && text.at(i + 1) == QLatin1Char('#')) {
        qsizetype j = i + 2;
        int base = 10;
        if (text.at(j) == QLatin1Char('x') || text.at(j) == QLatin1Char('X')) {
            base = 16;
            ++j;
        }
        uint32_t v = 0;
        int digits = 0;
        while (j < n && digits < 7) {
            const int h = ascii::hexValue(text.at(j).unicode());
            if (h < 0 || h >= base)
                break;
            v = v * uint32_t(base) + uint32_t(h);
            ++digits;
            ++j;
        }
        if (digits == 0 || j >= n || text.at(j) != QLatin1Char(';') || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        cp = v;
        return int(j + 1 - i);
    }
    return 0;
}

// Index of the first unit at or after i that is not ASCII or is a backslash or an ampersand
// (what may start an escape), or n; 8 units at a time where SSE2 is available.
qsizetype nextSpecial(const char16_t *d, qsizetype i, qsizetype n)
{
#if defined(__SSE2__)
    const __m128i high = _mm_set1_epi16(short(0xFF80));
    const __m128i zero = _mm_setzero_si128();
    const __m128i backslash = _mm_set1_epi16('\\');
    const __m128i ampersand = _mm_set1_epi16('&');
    while (i + 8 <= n) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
        const __m128i ascii = _mm_cmpeq_epi16(_mm_and_si128(x, high), zero);
        const __m128i special = _mm_or_si128(_mm_cmpeq_epi16(x, backslash), _mm_cmpeq_epi16(x, ampersand));
        const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi16(ascii, zero), special));
        if (mask != 0)
            return i + qsizetype(__builtin_ctz(unsigned(mask)) / 2);
        i += 8;
    }
#endif
    while (i < n && d[i] < 0x80 && d[i] != '\\' && d[i] != '&')
        ++i;
    return i;
}

} // namespace

void NormalizedText::source(size_t b, qint64 &start, qint64 &end) const
{
    // the last piece starting at or before b (dropped characters at b come before b's own piece)
    const auto it = std::upper_bound(pieces.begin(), pieces.end(), b, [](size_t v, const Piece &p) { return v < p.byteStart; });
    if (it == pieces.begin()) {
        start = qint64(b);
        end = start + 1;
        return;
    }
    const Piece &p = *(it - 1);
    if (b < size_t(p.byteStart) + p.byteLength) {
        start = p.cpStart;
        end = qint64(p.cpStart) + p.cpLength;
        return;
    }
    start = qint64(p.cpStart) + p.cpLength + qint64(b - p.byteStart - p.byteLength);
    end = start + 1;
}

void NormalizedText::toOriginal(size_t from, size_t to, qint64 &start, qint64 &end) const
{
    if (identity) {
        start = qint64(from);
        end = qint64(to);
        return;
    }
    if (bytes.empty() || from >= bytes.size()) {
        start = end = originalCodePoints;
        return;
    }
    qint64 ignored = 0;
    source(from, start, ignored);
    if (to == 0) {
        end = start;
        return;
    }
    source(std::min(to, bytes.size()) - 1, ignored, end);
    if (end < start)
        end = start;
}

NormalizedText TextNormalizer::normalize(const QString &text)
{
    NormalizedText out;
    const char16_t *data = reinterpret_cast<const char16_t *>(text.utf16());
    const qsizetype n = text.size();
    // fast pass: ASCII without anything that could start an escape ("\\u", "&#") maps to
    // itself; backslashes and ampersands alone (code, "R&D") do not need the slow path. The
    // check is one narrowing pass (SSE2 where available), then memchr for the two starters.
    out.bytes.resize(size_t(n));
    char *dst = out.bytes.data();
    char16_t any = 0;
    qsizetype i0 = 0;
#if defined(__SSE2__)
    // narrow 8 units at a time while OR-ing them together (packus saturates; `any` decides)
    __m128i acc = _mm_setzero_si128();
    for (; i0 + 8 <= n; i0 += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i0));
        acc = _mm_or_si128(acc, v);
        _mm_storel_epi64(reinterpret_cast<__m128i *>(dst + i0), _mm_packus_epi16(v, v));
    }
    alignas(16) char16_t lanes[8];
    _mm_store_si128(reinterpret_cast<__m128i *>(lanes), acc);
    for (char16_t l : lanes)
        any |= l;
#endif
    for (qsizetype i = i0; i < n; ++i) {
        any |= data[i];
        dst[i] = char(data[i]);
    }
    if (any < 0x80) {
        const std::string_view b(out.bytes);
        bool simple = true;
        for (size_t k = b.find('\\'); simple && k != std::string_view::npos; k = b.find('\\', k)) {
            size_t j = k;
            while (j < b.size() && b[j] == '\\')
                ++j;
            simple = !(j < b.size() && (b[j] == 'u' || b[j] == 'U'));
            k = j;
        }
        for (size_t k = b.find('&'); simple && k != std::string_view::npos; k = b.find('&', k + 1))
            simple = !(k + 1 < b.size() && b[k + 1] == '#');
        if (simple) {
            out.identity = true;
            out.originalCodePoints = n;
            return out;
        }
    }
    // slow pass: ASCII runs are taken from the narrowed copy; everything else goes through the
    // escape decoder and the fold, and becomes a piece when it does not map one to one
    const std::string narrowed = std::move(out.bytes);
    out.bytes.clear();
    out.bytes.reserve(size_t(n) + 16);
    uint32_t cpIndex = 0;
    qsizetype i = 0;
    while (i < n) {
        // a backslash or ampersand that does not start an escape is plain (code is full of them)
        qsizetype run = nextSpecial(data, i, n);
        while (run < n && data[run] < 0x80) {
            if (data[run] == '&') {
                if (run + 1 < n && data[run + 1] == '#')
                    break;
                run = nextSpecial(data, run + 1, n);
                continue;
            }
            qsizetype j = run; // a backslash
            while (j < n && data[j] == '\\')
                ++j;
            if (j < n && (data[j] == 'u' || data[j] == 'U'))
                break;
            run = nextSpecial(data, j, n);
        }
        if (run > i) {
            out.bytes.append(narrowed, size_t(i), size_t(run - i));
            cpIndex += uint32_t(run - i);
            i = run;
            if (i >= n)
                break;
        }
        char32_t cp;
        qsizetype units = 1;
        uint32_t cpsConsumed = 1;
        const char16_t c = data[i];
        int escLen = (c == '\\' || c == '&') ? decodeEscape(text, i, cp) : 0;
        if (escLen > 0) {
            units = escLen;
            cpsConsumed = uint32_t(escLen); // escapes are ASCII: one code point per unit
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(data[i + 1])) {
            cp = QChar::surrogateToUcs4(c, data[i + 1]);
            units = 2;
        } else {
            cp = c;
        }
        const size_t before = out.bytes.size();
        foldCodePoint(out.bytes, cp);
        const size_t produced = out.bytes.size() - before;
        if (produced != 1 || cpsConsumed != 1)
            out.pieces.push_back({uint32_t(before), uint32_t(produced), cpIndex, cpsConsumed});
        cpIndex += cpsConsumed;
        i += units;
    }
    out.originalCodePoints = cpIndex;
    return out;
}

std::string TextNormalizer::normalizeTerm(const QString &term)
{
    return normalize(term).bytes;
}

} // namespace perimeter::classify
