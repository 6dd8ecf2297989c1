// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AsciiBytes.h"
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
using ascii::isAlnum;
using ascii::isAlpha;
using ascii::isDigit;
using ascii::isWordChar; // [A-Za-z0-9_]
bool alnumBoundary(std::string_view t, size_t start, size_t end);     // no letter/digit around
bool digitBoundary(std::string_view t, size_t start, size_t end);     // no digit around
bool consistentSeparators(std::string_view s);                       // at most one kind of separator
std::string upper(std::string_view s);
std::string lowerStr(std::string_view s);
} // namespace textutil

} // namespace perimeter::classify
