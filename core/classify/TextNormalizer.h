// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QString>
#include <cstdint>
#include <string>
#include <vector>

namespace perimeter::classify {

// The text the pattern engine scans: UTF-8, with evasions undone (compatibility forms such as
// full-width digits folded by NFKC, other decimal-digit scripts mapped to ASCII, invisible
// format characters dropped, Unicode spaces and dashes mapped to ASCII, \uXXXX and &#NN;
// escapes decoded), plus a map from every byte back to code points of the ORIGINAL string so
// findings point at what the caller sent.
struct NormalizedText {
    std::string bytes;
    bool identity = false;              // pure ASCII without escapes: byte i == code point i
    qint64 originalCodePoints = 0;
    // The pieces of `bytes` that do not map one byte to one code point: an escape, a character
    // folded to several bytes, one dropped (no bytes). Every byte of a piece came from the
    // piece's code points; between pieces, bytes and code points advance together. Most text is
    // ASCII with a few such pieces, so this costs a small fraction of a per-byte map.
    struct Piece {
        uint32_t byteStart;
        uint32_t byteLength;
        uint32_t cpStart;
        uint32_t cpLength;
    };
    std::vector<Piece> pieces;

    // Maps a byte range [from, to) of `bytes` to code points [start, end) of the original.
    void toOriginal(size_t from, size_t to, qint64 &start, qint64 &end) const;

private:
    // The original code points [start, end) byte b came from.
    void source(size_t b, qint64 &start, qint64 &end) const;
};

class TextNormalizer {
public:
    static NormalizedText normalize(const QString &text);
    // Normalises a policy term (markers, context words) the same way, without offset maps.
    static std::string normalizeTerm(const QString &term);
};

} // namespace perimeter::classify
