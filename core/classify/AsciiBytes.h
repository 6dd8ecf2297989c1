// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <cstdint>

namespace perimeter::classify::ascii {

// ASCII byte classes for the scanners and validators, as one 256-entry table: a load and a test
// per byte (the scans call these on most bytes of a text). Bytes from 0x80 up are in no class,
// as in Hyperscan's \w and \b without Unicode mode.
namespace detail {
constexpr uint8_t kDigit = 1, kAlpha = 2, kWord = 4, kHex = 8;
struct Classes {
    uint8_t bits[256] = {};
    constexpr Classes()
    {
        for (int c = 0; c < 256; ++c) {
            const bool digit = c >= '0' && c <= '9';
            const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            bits[c] = uint8_t((digit ? kDigit : 0) | (alpha ? kAlpha : 0) | (digit || alpha || c == '_' ? kWord : 0) | (hex ? kHex : 0));
        }
    }
};
inline constexpr Classes kClasses;
constexpr uint8_t bitsOf(char c) { return kClasses.bits[static_cast<unsigned char>(c)]; }
} // namespace detail

constexpr bool isDigit(char c) { return detail::bitsOf(c) & detail::kDigit; }
constexpr bool isAlpha(char c) { return detail::bitsOf(c) & detail::kAlpha; }
constexpr bool isAlnum(char c) { return detail::bitsOf(c) & (detail::kDigit | detail::kAlpha); }
constexpr bool isWordChar(char c) { return detail::bitsOf(c) & detail::kWord; } // [A-Za-z0-9_]
constexpr bool isHexDigit(char c) { return detail::bitsOf(c) & detail::kHex; }
constexpr char toLower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
// The value of a hex digit (any case), or -1.
constexpr int hexValue(char32_t c)
{
    return (c >= '0' && c <= '9') ? int(c - '0') : (c >= 'a' && c <= 'f') ? int(c - 'a' + 10) : (c >= 'A' && c <= 'F') ? int(c - 'A' + 10) : -1;
}

} // namespace perimeter::classify::ascii
