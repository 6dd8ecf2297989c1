// SPDX-License-Identifier: Apache-2.0
#include "Checksums.h"
#include <algorithm>
#include <openssl/sha.h>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace perimeter::classify::checksums {

namespace {
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
int dv(char c) { return c - '0'; }

bool allDigits(std::string_view s)
{
    for (char c : s)
        if (!isDigit(c))
            return false;
    return !s.empty();
}

bool validDate(int day, int month, int year)
{
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return day <= (leap ? 29 : 28);
    }
    return day <= days[month - 1];
}

// ISO 13616 registry: total IBAN length per country.
int ibanLength(std::string_view cc)
{
    struct Entry { const char *cc; int len; };
    static constexpr Entry table[] = {
        {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
        {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
        {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
        {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
        {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
        {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
        {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
        {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
        {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
        {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
        {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
        {"YE", 30},
    };
    for (const auto &e : table)
        if (cc == e.cc)
            return e.len;
    return 0;
}

std::array<uint8_t, 32> sha256(const uint8_t *data, size_t len)
{
    std::array<uint8_t, 32> out{};
    SHA256(data, len, out.data());
    return out;
}
} // namespace

std::string digitsOnly(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s)
        if (isDigit(c))
            out.push_back(c);
    return out;
}

std::string alnumUpper(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (isDigit(c) || isUpper(c))
            out.push_back(c);
        else if (c >= 'a' && c <= 'z')
            out.push_back(char(c - 'a' + 'A'));
    }
    return out;
}

bool luhn(std::string_view digits)
{
    if (!allDigits(digits))
        return false;
    int sum = 0;
    bool dbl = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        int d = dv(*it);
        if (dbl) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        dbl = !dbl;
    }
    return sum % 10 == 0;
}

bool ibanValid(std::string_view s)
{
    if (s.size() < 15 || s.size() > 34 || !isUpper(s[0]) || !isUpper(s[1]) || !isDigit(s[2]) || !isDigit(s[3]))
        return false;
    const int expected = ibanLength(s.substr(0, 2));
    if (expected == 0 || int(s.size()) != expected)
        return false;
    int rem = 0;
    auto feed = [&rem](char c) {
        if (isDigit(c)) {
            rem = (rem * 10 + dv(c)) % 97;
        } else if (isUpper(c)) {
            const int v = c - 'A' + 10;
            rem = (rem * 100 + v) % 97;
        }
    };
    for (size_t i = 4; i < s.size(); ++i) {
        if (!isDigit(s[i]) && !isUpper(s[i]))
            return false;
        feed(s[i]);
    }
    for (size_t i = 0; i < 4; ++i)
        feed(s[i]);
    return rem == 1;
}

bool verhoeff(std::string_view digits)
{
    static constexpr int d[10][10] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    static constexpr int p[8][10] = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    if (!allDigits(digits))
        return false;
    int c = 0;
    int i = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++i)
        c = d[c][p[i % 8][dv(*it)]];
    return c == 0;
}

bool ukNhs(std::string_view s)
{
    if (s.size() != 10 || !allDigits(s))
        return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += dv(s[size_t(i)]) * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11)
        check = 0;
    if (check == 10)
        return false;
    return check == dv(s[9]);
}

namespace {
constexpr std::string_view kNifLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
}

bool esNifLetter(std::string_view s)
{
    if (s.size() < 8 || s.size() > 9 || !isUpper(s.back()))
        return false;
    const auto num = s.substr(0, s.size() - 1);
    if (!allDigits(num))
        return false;
    long n = std::stol(std::string(num));
    return kNifLetters[size_t(n % 23)] == s.back();
}

bool esNie(std::string_view s)
{
    if (s.size() != 9)
        return false;
    const char first = s[0];
    if (first != 'X' && first != 'Y' && first != 'Z')
        return false;
    std::string num(1, char('0' + (first - 'X')));
    num.append(s.substr(1, 7));
    if (!allDigits(num) || !isUpper(s[8]))
        return false;
    return kNifLetters[size_t(std::stol(num) % 23)] == s[8];
}

bool itFiscalCode(std::string_view s)
{
    if (s.size() != 16)
        return false;
    static constexpr int oddValues[36] = {
        // 0-9
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21,
        // A-Z
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    int sum = 0;
    for (int i = 0; i < 15; ++i) {
        const char c = s[size_t(i)];
        int idx;
        if (isDigit(c))
            idx = dv(c);
        else if (isUpper(c))
            idx = 10 + (c - 'A');
        else
            return false;
        if (i % 2 == 0) // 1-based odd position
            sum += oddValues[idx];
        else
            sum += isDigit(c) ? dv(c) : (c - 'A');
    }
    return s[15] == char('A' + sum % 26);
}

bool itVatCode(std::string_view s)
{
    if (s.size() != 11 || !allDigits(s) || s == "00000000000")
        return false;
    int x = 0, y = 0;
    for (int i = 0; i < 10; i += 2)
        x += dv(s[size_t(i)]);
    for (int i = 1; i < 10; i += 2) {
        const int v = 2 * dv(s[size_t(i)]);
        y += v > 9 ? v - 9 : v;
    }
    return (10 - (x + y) % 10) % 10 == dv(s[10]);
}

bool auAbn(std::string_view s)
{
    static constexpr int w[11] = {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    if (s.size() != 11 || !allDigits(s) || s[0] == '0')
        return false;
    int sum = 0;
    for (int i = 0; i < 11; ++i) {
        int d = dv(s[size_t(i)]);
        if (i == 0)
            d -= 1;
        sum += d * w[i];
    }
    return sum % 89 == 0;
}

bool auAcn(std::string_view s)
{
    static constexpr int w[8] = {8, 7, 6, 5, 4, 3, 2, 1};
    if (s.size() != 9 || !allDigits(s))
        return false;
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += dv(s[size_t(i)]) * w[i];
    const int check = (10 - sum % 10) % 10;
    return check == dv(s[8]);
}

bool auTfn(std::string_view s)
{
    static constexpr int w[9] = {1, 4, 3, 7, 5, 8, 6, 9, 10};
    if (s.size() != 9 || !allDigits(s))
        return false;
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += dv(s[size_t(i)]) * w[i];
    return sum % 11 == 0;
}

bool auMedicare(std::string_view s)
{
    static constexpr int w[8] = {1, 3, 7, 9, 1, 3, 7, 9};
    if ((s.size() != 10 && s.size() != 11) || !allDigits(s) || s[0] < '2' || s[0] > '6')
        return false;
    int sum = 0;
    for (int i = 0; i < 8; ++i)
        sum += dv(s[size_t(i)]) * w[i];
    return sum % 10 == dv(s[8]);
}

bool plPesel(std::string_view s)
{
    static constexpr int w[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    if (s.size() != 11 || !allDigits(s))
        return false;
    int month = dv(s[2]) * 10 + dv(s[3]);
    const int day = dv(s[4]) * 10 + dv(s[5]);
    int year = dv(s[0]) * 10 + dv(s[1]);
    const int century = month / 20; // 0:1900 1:2000 2:2100 3:2200 4:1800
    static constexpr int base[5] = {1900, 2000, 2100, 2200, 1800};
    month %= 20;
    year += base[century];
    if (!validDate(day, month, year))
        return false;
    int sum = 0;
    for (int i = 0; i < 10; ++i)
        sum += dv(s[size_t(i)]) * w[i];
    return (10 - sum % 10) % 10 == dv(s[10]);
}

bool fiPersonalIdentityCode(std::string_view s)
{
    static constexpr std::string_view controls = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    if (s.size() != 11 || !allDigits(s.substr(0, 6)) || !allDigits(s.substr(7, 3)))
        return false;
    const char sep = s[6];
    int centuryBase;
    switch (sep) {
    case '+': centuryBase = 1800; break;
    case '-': case 'Y': case 'X': case 'W': case 'V': case 'U': centuryBase = 1900; break;
    case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': centuryBase = 2000; break;
    default: return false;
    }
    const int day = dv(s[0]) * 10 + dv(s[1]);
    const int month = dv(s[2]) * 10 + dv(s[3]);
    const int year = centuryBase + dv(s[4]) * 10 + dv(s[5]);
    if (!validDate(day, month, year))
        return false;
    std::string num(s.substr(0, 6));
    num.append(s.substr(7, 3));
    return controls[size_t(std::stol(num) % 31)] == s[10];
}

bool deaNumber(std::string_view s)
{
    if (s.size() != 9 || !isUpper(s[0]) || !(isUpper(s[1]) || s[1] == '9') || !allDigits(s.substr(2)))
        return false;
    const int sum = dv(s[2]) + dv(s[4]) + dv(s[6]) + 2 * (dv(s[3]) + dv(s[5]) + dv(s[7]));
    return sum % 10 == dv(s[8]);
}

bool sgNricFin(std::string_view s)
{
    static constexpr int w[7] = {2, 7, 6, 5, 4, 3, 2};
    if (s.size() != 9 || !allDigits(s.substr(1, 7)))
        return false;
    int sum = 0;
    for (int i = 0; i < 7; ++i)
        sum += dv(s[size_t(i + 1)]) * w[i];
    const char p = s[0];
    if (p == 'T' || p == 'G')
        sum += 4;
    else if (p == 'M')
        sum += 3;
    const int r = sum % 11;
    static constexpr std::string_view st = "JZIHGFEDCBA";
    static constexpr std::string_view fg = "XWUTRQPNMLK";
    static constexpr std::string_view m = "XWUTRQPNJLK";
    if (p == 'S' || p == 'T')
        return st[size_t(r)] == s[8];
    if (p == 'F' || p == 'G')
        return fg[size_t(r)] == s[8];
    if (p == 'M')
        return m[size_t(10 - r)] == s[8];
    return false;
}

bool base58Check(std::string_view address)
{
    static constexpr std::string_view alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    if (address.size() < 25 || address.size() > 35)
        return false;
    std::vector<uint8_t> bytes(25, 0);
    for (char c : address) {
        const auto pos = alphabet.find(c);
        if (pos == std::string_view::npos)
            return false;
        unsigned carry = unsigned(pos);
        for (auto it = bytes.rbegin(); it != bytes.rend(); ++it) {
            carry += 58u * *it;
            *it = uint8_t(carry & 0xff);
            carry >>= 8;
        }
        if (carry != 0)
            return false; // longer than 25 bytes
    }
    const auto h1 = sha256(bytes.data(), 21);
    const auto h2 = sha256(h1.data(), h1.size());
    return std::equal(h2.begin(), h2.begin() + 4, bytes.begin() + 21);
}

bool bech32Address(std::string_view address)
{
    static constexpr std::string_view charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    std::string a;
    bool lower = false, upper = false;
    for (char c : address) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        if (c >= 'A' && c <= 'Z') {
            upper = true;
            c = char(c - 'A' + 'a');
        }
        a.push_back(c);
    }
    if (lower && upper)
        return false;
    const auto sep = a.rfind('1');
    if (sep == std::string::npos || sep < 1 || sep + 7 > a.size() || a.size() > 90)
        return false;
    const std::string hrp = a.substr(0, sep);
    if (hrp != "bc" && hrp != "tb")
        return false;
    auto polymod = [](const std::vector<uint8_t> &values) {
        static constexpr uint32_t gen[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        uint32_t chk = 1;
        for (uint8_t v : values) {
            const uint32_t b = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; ++i)
                if ((b >> i) & 1)
                    chk ^= gen[i];
        }
        return chk;
    };
    std::vector<uint8_t> values;
    for (char c : hrp)
        values.push_back(uint8_t(c) >> 5);
    values.push_back(0);
    for (char c : hrp)
        values.push_back(uint8_t(c) & 31);
    std::vector<uint8_t> data;
    for (size_t i = sep + 1; i < a.size(); ++i) {
        const auto pos = charset.find(a[i]);
        if (pos == std::string_view::npos)
            return false;
        data.push_back(uint8_t(pos));
    }
    values.insert(values.end(), data.begin(), data.end());
    const uint32_t pm = polymod(values);
    if (data.empty())
        return false;
    const int witnessVersion = data[0];
    if (pm == 1)
        return witnessVersion == 0;
    if (pm == 0x2bc830a3)
        return witnessVersion >= 1 && witnessVersion <= 16;
    return false;
}

double shannonEntropy(std::string_view s)
{
    if (s.empty())
        return 0.0;
    // The distinct bytes are summed in ascending order, as a walk over all 256 counts would (the
    // same result to the last bit), found through a presence mask rather than that walk or a
    // sort. A value's bytes mostly occur once or twice, so each term p * log2(p) is computed
    // once per distinct count and reused (the same operands give the same rounded term).
    int counts[256] = {};
    uint64_t present[4] = {};
    for (unsigned char c : s) {
        ++counts[c];
        present[c >> 6] |= uint64_t(1) << (c & 63);
    }
    constexpr int kCached = 64;
    double term[kCached];
    uint64_t known = 0;
    double h = 0.0;
    const double n = double(s.size());
    for (int w = 0; w < 4; ++w) {
        for (uint64_t bits = present[w]; bits != 0; bits &= bits - 1) {
            const int count = counts[w * 64 + __builtin_ctzll(bits)];
            if (count < kCached && ((known >> count) & 1))
                h -= term[count];
            else {
                const double p = count / n;
                const double t = p * std::log2(p);
                if (count < kCached) {
                    term[count] = t;
                    known |= uint64_t(1) << count;
                }
                h -= t;
            }
        }
    }
    return h;
}

} // namespace perimeter::classify::checksums
