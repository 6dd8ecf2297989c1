// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Recognizer.h"
#include <vector>

namespace perimeter::classify {

// The built-in recognizer tables: personal and financial identifiers (PiiRecognizers.cpp) and
// credentials (SecretRecognizers.cpp). Formats follow the public specifications of each
// identifier and token issuer; the code is our own.
class BuiltinRecognizers {
public:
    static std::vector<Recognizer> pii();
    static std::vector<Recognizer> secrets();
    static std::vector<Recognizer> all();
};

// Helpers shared by the recognizer tables.
namespace textutil {
// inline: the validators call these tens of thousands of times per megabyte
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool isAlnum(char c) { return isDigit(c) || isAlpha(c); }
inline bool isWordChar(char c) { return isAlnum(c) || c == '_'; }    // [A-Za-z0-9_]
bool alnumBoundary(std::string_view t, size_t start, size_t end);     // no letter/digit around
bool digitBoundary(std::string_view t, size_t start, size_t end);     // no digit around
bool consistentSeparators(std::string_view s);                       // at most one kind of separator
std::string upper(std::string_view s);
std::string lowerStr(std::string_view s);
} // namespace textutil

} // namespace perimeter::classify
