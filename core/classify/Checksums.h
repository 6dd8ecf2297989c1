// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <string_view>

// Check-digit algorithms of the identifiers the classifier recognises. They take the
// candidate's characters (separators already removed unless stated) and never log them.
namespace perimeter::classify::checksums {

std::string digitsOnly(std::string_view s);            // keeps [0-9]
std::string alnumUpper(std::string_view s);            // keeps [0-9A-Za-z], upper-cased

bool luhn(std::string_view digits);
bool ibanValid(std::string_view compactUpper);         // country length table + mod-97
bool verhoeff(std::string_view digits);
bool ukNhs(std::string_view digits);                   // 10 digits, weighted mod 11
bool esNifLetter(std::string_view compactUpper);       // 8 digits + letter (7 digits padded)
bool esNie(std::string_view compactUpper);             // X/Y/Z + 7 digits + letter
bool itFiscalCode(std::string_view upper16);
bool itVatCode(std::string_view digits11);
bool auAbn(std::string_view digits11);
bool auAcn(std::string_view digits9);
bool auTfn(std::string_view digits9);
bool auMedicare(std::string_view digits);              // 10 or 11 digits
bool plPesel(std::string_view digits11);
bool fiPersonalIdentityCode(std::string_view code11);  // ddmmyyCzzzQ
bool deaNumber(std::string_view upper9);
bool sgNricFin(std::string_view upper9);
bool base58Check(std::string_view address);
bool bech32Address(std::string_view address);          // bc1 / tb1, bech32 or bech32m
double shannonEntropy(std::string_view s);             // bits per character

} // namespace perimeter::classify::checksums
