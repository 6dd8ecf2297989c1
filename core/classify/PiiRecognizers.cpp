// SPDX-License-Identifier: Apache-2.0
#include "BuiltinRecognizers.h"
#include "Checksums.h"
#include "NativeTriggers.h"
#include <QHostAddress>
#include <hs/hs.h>
#include <algorithm>
#include <array>
#include <string>

namespace perimeter::classify {

namespace textutil {
bool alnumBoundary(std::string_view t, size_t start, size_t end)
{
    if (start > 0 && isAlnum(t[start - 1]))
        return false;
    return !(end < t.size() && isAlnum(t[end]));
}

bool digitBoundary(std::string_view t, size_t start, size_t end)
{
    if (start > 0 && isDigit(t[start - 1]))
        return false;
    return !(end < t.size() && isDigit(t[end]));
}

bool consistentSeparators(std::string_view s)
{
    char sep = 0;
    for (char c : s) {
        if (isAlnum(c))
            continue;
        if (sep == 0)
            sep = c;
        else if (c != sep)
            return false;
    }
    return true;
}

std::string upper(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    return out;
}

std::string lowerStr(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return out;
}
} // namespace textutil

using namespace textutil;
namespace cs = checksums;

namespace {

std::string_view sv(std::string_view t, const Candidate &c) { return t.substr(c.start, c.end - c.start); }

Recognizer make(const char *name, const char *type, std::string pattern, double score, Validator v = {},
                std::vector<std::string> context = {}, unsigned flags = 0)
{
    Recognizer r;
    r.name = QString::fromLatin1(name);
    r.type = QString::fromLatin1(type);
    r.pattern = std::move(pattern);
    r.score = score;
    r.validate = std::move(v);
    r.context = std::move(context);
    r.flags = flags;
    r.scan = ScanMode::DigitWindows; // identifiers are digit-shaped; the few others say so
    return r;
}

// Digits with separators: rejects mixed separators and lost boundaries.
Validator digitsValidator(size_t minDigits, size_t maxDigits, std::function<bool(std::string_view)> check)
{
    return [=](std::string_view t, Candidate &c) {
        if (!alnumBoundary(t, c.start, c.end))
            return false;
        const auto s = sv(t, c);
        if (!consistentSeparators(s))
            return false;
        // the digits on the stack: this runs for every card-, account- and ID-shaped number
        char d[32];
        size_t n = 0;
        for (char ch : s) {
            if (!isDigit(ch))
                continue;
            if (n >= maxDigits || n >= sizeof d)
                return false;
            d[n++] = ch;
        }
        if (n < minDigits)
            return false;
        return !check || check(std::string_view(d, n));
    };
}

bool allSame(std::string_view d)
{
    return std::all_of(d.begin(), d.end(), [&](char c) { return c == d.front(); });
}

// The number made of the first `count` digits of d (d has at least that many).
int leadingNumber(std::string_view d, size_t count)
{
    int v = 0;
    for (size_t i = 0; i < count && i < d.size(); ++i)
        v = v * 10 + (d[i] - '0');
    return v;
}

bool cardPrefix(std::string_view d)
{
    const auto two = leadingNumber(d, 2);
    const auto four = leadingNumber(d, 4);
    switch (d[0]) {
    case '4': return true;                                              // Visa
    case '5': return true;                                              // Mastercard, Maestro, Dankort
    case '2': return (four >= 2221 && four <= 2720) || (four >= 2200 && four <= 2204); // Mastercard, Mir
    case '3': return two == 34 || two == 37 || two == 35 || two == 36 || two == 38 || two == 30 || two == 39;
    case '6': return true;                                              // Discover, UnionPay, Maestro, RuPay
    case '1': return d.size() == 15 && d[0] == '1';                     // UATP
    default: return false;
    }
}

// Default-policy choice: a structured format of a restricted identifier (letters and digits in
// the issuer's fixed layout: A12803456, AA1234567, A1234567Z, ABCDE1234F) scores kShapeScore,
// which reaches the 0.4 threshold of the weak types without a context word: a false negative
// sends a national ID to the cloud, a false positive only keeps a request on-prem. Bare digit
// runs (any 9-digit number as an SSN, ITIN or passport, 6-14 digits as a driving licence, 8-17
// as a bank account) and the loose US licence shapes (a letter and 3-14 digits: "H100", "A380")
// stay below it and count only near a context word, or every order number and product name
// would pin traffic on-prem.
constexpr double kShapeScore = 0.4;

// Context words (lower case).
const std::vector<std::string> kCardCtx = {"credit", "card", "visa", "mastercard", "amex", "cc ", "debit", "payment"};
const std::vector<std::string> kSsnCtx = {"ssn", "social security", "social sec", "ssns", "ss#", "ssid"};
const std::vector<std::string> kItinCtx = {"itin", "individual taxpayer", "taxpayer", "tax id", "tin"};
const std::vector<std::string> kPassportCtx = {"passport", "travel document", "passport#", "passport no", "pasaporte",
                                               "passaporto"};
const std::vector<std::string> kDlCtx = {"driver", "driving", "licence", "license", "dl#", "dl ", "permit", "patente"};
const std::vector<std::string> kBankCtx = {"bank", "account", "acct", "checking", "saving", "routing", "debit"};
const std::vector<std::string> kPhoneCtx = {"phone", "tel", "mobile", "cell", "call", "fax", "number", "contact",
                                            "whatsapp", "telepono", "telefon", "phone#"};

// Words that make a bare digit group a phone number (no "number": card and account numbers).
const std::vector<std::string> kPhoneNationalCtx = {"phone", "telephone", "tel", "mobile", "cell", "call", "fax", "sms",
                                                    "text me", "message", "dial", "ring me", "reach me", "answer",
                                                    "whatsapp", "landline", "hotline", "contact"};

bool isEmailLocalChar(char c) { return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool isLabelChar(char c) { return isAlnum(c) || c == '-'; }

// [start, end) with '@' at `at`: the checks of an address once its span is known.
bool emailSpanOk(std::string_view t, size_t start, size_t at, size_t end)
{
    if (at == start || at - start > 64)
        return false;
    if (end < t.size() && (t[end] == '-' || isAlnum(t[end])))
        return false;
    // user:password@host inside a URL is not an address
    for (size_t b = start; b > 0 && start - b < 256;) {
        --b;
        if (t[b] == ' ' || t[b] == '\n' || t[b] == '\t' || t[b] == '"' || t[b] == '\'')
            break;
        if (t[b] == '/' && b > 0 && t[b - 1] == '/' && b > 1 && t[b - 2] == ':')
            return false;
    }
    const auto domain = t.substr(at + 1, end - at - 1);
    const auto dot = domain.rfind('.');
    if (dot == std::string_view::npos)
        return false;
    const auto tld = domain.substr(dot + 1);
    if (tld.size() < 2 || tld.size() > 63)
        return false;
    if (tld.substr(0, 4) == "xn--")
        return tld.size() > 4;
    return std::all_of(tld.begin(), tld.end(), [](char ch) { return isAlpha(ch); });
}

// c.end is just past "@label.x": find the '@', grow the local part left and the domain right.
bool emailFromTrigger(std::string_view t, Candidate &c)
{
    size_t at = c.end;
    while (at > 0 && t[at - 1] != '@')
        --at;
    if (at == 0)
        return false;
    --at;
    size_t start = at;
    while (start > 0 && at - start < 256 && isEmailLocalChar(t[start - 1]))
        --start;
    while (start < at && !isAlnum(t[start]))
        ++start;
    size_t end = at + 1;
    while (end < t.size() && (isLabelChar(t[end]) || (t[end] == '.' && end + 1 < t.size() && isLabelChar(t[end + 1]))))
        ++end;
    // the longest domain first, then without its last labels ("a@b.com.x1" is a@b.com)
    while (end > at + 1) {
        if (emailSpanOk(t, start, at, end)) {
            c.start = start;
            c.end = end;
            return true;
        }
        while (end > at + 1 && t[end - 1] != '.')
            --end;
        if (end > at + 1)
            --end;
    }
    return false;
}

// c.end is just past "scheme://": the scheme is the longest known suffix before it, the URL
// runs to the next space, quote or angle bracket.
bool urlFromScheme(std::string_view t, Candidate &c)
{
    const size_t colon = c.end - 3;
    size_t start = colon;
    for (std::string_view scheme : {"https", "http", "ftp", "wss", "ws"}) {
        if (colon >= scheme.size() && lowerStr(t.substr(colon - scheme.size(), scheme.size())) == scheme) {
            start = colon - scheme.size();
            break;
        }
    }
    if (start == colon)
        return false;
    size_t end = c.end;
    while (end < t.size()) {
        const auto ch = static_cast<unsigned char>(t[end]);
        if (ch <= 0x20 || ch == '"' || ch == '\'' || ch == '<' || ch == '>' || ch == '`' || ch == 0x7f)
            break;
        ++end;
    }
    if (end == c.end)
        return false;
    c.start = start;
    c.end = end;
    while (c.end > c.start && std::string_view(".,;:!?)]}'\"").find(t[c.end - 1]) != std::string_view::npos)
        --c.end;
    const auto s = sv(t, c);
    const auto hostStart = s.find("://") + 3;
    auto hostEnd = s.find_first_of("/?#", hostStart);
    if (hostEnd == std::string_view::npos)
        hostEnd = s.size();
    auto host = s.substr(hostStart, hostEnd - hostStart);
    const auto at = host.rfind('@');
    if (at != std::string_view::npos)
        host = host.substr(at + 1);
    const auto colonPos = host.rfind(':');
    if (colonPos != std::string_view::npos && host.find(']') == std::string_view::npos)
        host = host.substr(0, colonPos);
    if (host.empty())
        return false;
    if (host == "localhost" || host.front() == '[')
        return true;
    const auto dot = host.rfind('.');
    if (dot == std::string_view::npos || dot + 2 > host.size())
        return false;
    const auto tld = host.substr(dot + 1);
    if (std::all_of(tld.begin(), tld.end(), [](char ch) { return isDigit(ch); }))
        return true; // numeric host
    return std::all_of(tld.begin(), tld.end(), [](char ch) { return isAlpha(ch) || ch == '-' || isDigit(ch); });
}

// c.end is just past ".tld": the domain is the run of labels before the dot.
bool bareDomainFromTld(std::string_view t, Candidate &c)
{
    size_t dot = c.end;
    while (dot > 0 && isAlpha(t[dot - 1]))
        --dot;
    if (dot == 0 || t[dot - 1] != '.')
        return false;
    --dot;
    size_t start = dot;
    for (;;) {
        size_t p = start;
        while (p > 0 && isLabelChar(t[p - 1]))
            --p;
        if (p == start)
            break; // empty label
        start = p;
        if (start >= 2 && t[start - 1] == '.' && isLabelChar(t[start - 2]))
            --start;
        else
            break;
    }
    while (start < dot && t[start] == '-')
        ++start;
    if (start >= dot || t[start] == '.')
        return false;
    c.start = start;
    if (c.start > 0 && (t[c.start - 1] == '@' || t[c.start - 1] == '.' || t[c.start - 1] == '-' || t[c.start - 1] == '/' || isAlnum(t[c.start - 1])))
        return false;
    if (c.end < t.size() && (t[c.end] == '@' || t[c.end] == '-' || t[c.end] == '_' || (t[c.end] == '.' && c.end + 1 < t.size() && isAlnum(t[c.end + 1]))))
        return false;
    return true;
}

} // namespace

std::vector<Recognizer> BuiltinRecognizers::pii()
{
    std::vector<Recognizer> r;

    // --- Payment cards: Luhn + issuer prefix; separators must be consistent.
    auto card = digitsValidator(12, 19, [](std::string_view d) {
        if (d.size() == 12 && !(d[0] == '6' || d.compare(0, 2, "50") == 0 || (d[0] == '5' && d[1] >= '6' && d[1] <= '8')))
            return false; // 12 digits: Maestro only
        return (cardPrefix(d) || (d.size() == 15 && (d.compare(0, 4, "2131") == 0 || d.compare(0, 4, "1800") == 0)))
            && cs::luhn(d) && !allSame(d);
    });
    r.push_back(make("CreditCardRecognizer", "CREDIT_CARD", R"(\b\d{4}[ .\-]?\d{4}[ .\-]?\d{4}(?:[ .\-]?\d{1,7})?\b)", 1.0, card, kCardCtx));
    r.push_back(make("CreditCardRecognizer", "CREDIT_CARD", R"(\b3\d{3}[ .\-]?\d{6}[ .\-]?\d{4,5}\b)", 1.0, card, kCardCtx));

    // --- IBAN: country length + mod 97; spaces or dashes between groups, any case.
    r.push_back(make("IbanRecognizer", "IBAN", R"(\b[A-Za-z]{2}\d{2}(?:[ \-]?[A-Za-z0-9]{1,4}){3,9}\b)", 1.0,
                     [](std::string_view t, Candidate &c) {
                         if (!alnumBoundary(t, c.start, c.end))
                             return false;
                         const auto s = sv(t, c);
                         if (!consistentSeparators(s))
                             return false;
                         const bool lowerSeen = std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
                         const bool upperSeen = std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
                         if (lowerSeen && upperSeen)
                             return false;
                         return cs::ibanValid(cs::alnumUpper(s));
                     },
                     {"iban", "bank", "account", "transfer"}));

    // --- US SSN (Presidio's invalidation rules).
    auto ssnValid = [](std::string_view t, Candidate &c) {
        if (!alnumBoundary(t, c.start, c.end))
            return false;
        const auto s = sv(t, c);
        if (!consistentSeparators(s))
            return false;
        const std::string d = cs::digitsOnly(s);
        if (d.size() != 9 || allSame(d))
            return false;
        if (d.compare(3, 2, "00") == 0 || d.compare(5, 4, "0000") == 0)
            return false;
        for (const char *sample : {"000", "666", "123456789", "98765432", "078051120"})
            if (d.rfind(sample, 0) == 0)
                return false;
        return true;
    };
    r.push_back(make("UsSsnRecognizer", "US_SSN", R"(\b\d{3}[ .\-]\d{2}[ .\-]\d{4}\b)", 0.5, ssnValid, kSsnCtx));
    r.push_back(make("UsSsnRecognizer", "US_SSN", R"(\b\d{9}\b)", 0.05, ssnValid, kSsnCtx));
    r.push_back(make("UsSsnRecognizer", "US_SSN", R"(\b(?:\d{5}-\d{4}|\d{3}-\d{6})\b)", 0.05, ssnValid, kSsnCtx));

    // --- US ITIN: 9xx-[50-65,70-88,90-92,94-99]-xxxx.
    auto itin = [](std::string_view t, Candidate &c) {
        return alnumBoundary(t, c.start, c.end) && consistentSeparators(sv(t, c));
    };
    r.push_back(make("UsItinRecognizer", "US_ITIN", R"(\b9\d{2}[ \-](?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])[ \-]\d{4}\b)", 0.5, itin, kItinCtx));
    // compact: a leading 9 and a group in the ITIN ranges is the issuer's layout (no SSN starts
    // with 9), not any 9-digit number, so it counts like the other structured formats
    r.push_back(make("UsItinRecognizer", "US_ITIN", R"(\b9\d{2}(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])\d{4}\b)", kShapeScore,
                     [itin](std::string_view t, Candidate &c) {
                         // inside a longer dotted or dashed number (a version, a reference) it is not one
                         if (c.start > 0 && std::string_view("-./,").find(t[c.start - 1]) != std::string_view::npos)
                             return false;
                         if (c.end + 1 < t.size() && std::string_view("-./,").find(t[c.end]) != std::string_view::npos && isDigit(t[c.end + 1]))
                             return false;
                         return itin(t, c);
                     },
                     kItinCtx));
    r.push_back(make("UsItinRecognizer", "US_ITIN", R"(\b9\d{2}(?:-(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])\d{4}|(?:5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])-\d{4})\b)", 0.05, itin, kItinCtx));

    // --- Weak US formats: count only with context (thresholds in TypeLevelMap::defaults()).
    r.push_back(make("UsPassportRecognizer", "US_PASSPORT", R"(\b[A-Z]\d{8,9}\b)", kShapeScore,
                     [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); }, kPassportCtx));
    r.push_back(make("UsPassportRecognizer", "US_PASSPORT", R"(\b\d{9}\b)", 0.1,
                     [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); }, kPassportCtx));
    // A letter and 7-14 digits is the layout of most states' numbers (CA, NY: 7; FL, MN: 12;
    // IL: 11; WI: 13) and long enough not to be a model name ("H100", "A380", "B737").
    r.push_back(make("UsDriverLicenseRecognizer", "US_DRIVER_LICENSE", R"(\b[A-Z]\d{7,14}\b)", kShapeScore,
                     [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); }, kDlCtx));
    r.push_back(make("UsDriverLicenseRecognizer", "US_DRIVER_LICENSE",
                     R"(\b(?:[A-Z]\d{3,6}|[A-Z]{2}\d{2,7}|\d{2}[A-Z]{3}\d{5,6}|\d{9}[A-Z]|[A-Z]{2}\d{6}[A-Z]|\d{8}[A-Z]{2}|\d{3}[A-Z]{2}\d{4}|[A-Z]\d[A-Z]{2}\d{5}|[A-Z]\d{3}[A-Z]{4}\d{2})\b)",
                     0.3, [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); }, kDlCtx));
    r.push_back(make("UsDriverLicenseRecognizer", "US_DRIVER_LICENSE", R"(\b\d{6,14}\b)", 0.01,
                     [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); }, kDlCtx));
    r.push_back(make("UsBankRecognizer", "US_BANK_NUMBER", R"(\b\d{8,17}\b)", 0.05,
                     [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); }, kBankCtx));

    // --- UK
    r.push_back(make("NhsRecognizer", "UK_NHS", R"(\b\d{3}[ \-]?\d{3}[ \-]?\d{4}\b)", 0.5,
                     digitsValidator(10, 10, [](std::string_view d) { return cs::ukNhs(d) && !allSame(d); }),
                     {"nhs", "health service", "national health", "patient"}));
    r.push_back(make("UkNinoRecognizer", "UK_NINO",
                     R"(\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b)", 0.5,
                     [](std::string_view t, Candidate &c) {
                         const std::string p = upper(t.substr(c.start, 2));
                         for (const char *bad : {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})
                             if (p == bad)
                                 return false;
                         return true;
                     },
                     {"national insurance", "nino", "ni number", "insurance number"}, HS_FLAG_CASELESS));

    // --- Spain
    r.push_back(make("EsNifRecognizer", "ES_NIF", R"(\b\d{7,8}-?[A-Za-z]\b)", 0.5,
                     [](std::string_view t, Candidate &c) {
                         return alnumBoundary(t, c.start, c.end) && cs::esNifLetter(cs::alnumUpper(sv(t, c)));
                     },
                     {"nif", "dni", "documento", "identidad"}));
    r.push_back(make("EsNieRecognizer", "ES_NIE", R"(\b[XYZxyz]-?\d{7}-?[A-Za-z]\b)", 0.5,
                     [](std::string_view t, Candidate &c) {
                         return alnumBoundary(t, c.start, c.end) && cs::esNie(cs::alnumUpper(sv(t, c)));
                     },
                     {"nie", "extranjero", "identificación", "identificacion"}));
    for (auto *rec : {&r[r.size() - 2], &r[r.size() - 1]})
        rec->score = 1.0;

    // --- Italy
    r.push_back(make("ItFiscalCodeRecognizer", "IT_FISCAL_CODE",
                     R"(\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b)", 0.3,
                     [](std::string_view t, Candidate &c) {
                         // omocodia: when codes collide the registry replaces digits, from the
                         // right, with L M N P Q R S T U V (0-9); the check character is computed
                         // over the letters as written. The decoded day must be a day of the month
                         // (01-31, +40 for women).
                         const std::string code = upper(sv(t, c));
                         const auto digit = [](char ch) {
                             static constexpr std::string_view omocodia = "LMNPQRSTUV";
                             const auto k = omocodia.find(ch);
                             return k == std::string_view::npos ? ch - '0' : int(k);
                         };
                         const int day = digit(code[9]) * 10 + digit(code[10]);
                         if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)))
                             return false;
                         if (cs::itFiscalCode(code))
                             c.score = 1.0;
                         return true;
                     },
                     {"codice fiscale", "fiscal code", "cf", "tax code"}, HS_FLAG_CASELESS));
    r.push_back(make("ItVatCodeRecognizer", "IT_VAT_CODE", R"(\b(?:IT)?\d{11}\b)", 0.9,
                     [](std::string_view t, Candidate &c) {
                         auto s = sv(t, c);
                         if (s.size() == 13)
                             s = s.substr(2);
                         return cs::itVatCode(s);
                     },
                     {"partita iva", "p.iva", "piva", "vat"}));
    r.push_back(make("ItDriverLicenseRecognizer", "IT_DRIVER_LICENSE",
                     R"(\b(?:[A-Z]{2}\d{7}[A-Z]|U1[BCDEFGHLJKMNPRSTUWYXZ0-9]{7}[A-Z])\b)", kShapeScore, {},
                     {"patente", "license", "licence", "driver", "guida"}, HS_FLAG_CASELESS));
    r.push_back(make("ItPassportRecognizer", "IT_PASSPORT", R"(\b[A-Z]{2}\d{7}\b)", kShapeScore, {},
                     {"passaporto", "passport", "elettronico", "documento"}, HS_FLAG_CASELESS));
    r.push_back(make("ItIdentityCardRecognizer", "IT_IDENTITY_CARD",
                     R"(\b(?:[A-Z]{2}\d{5}[A-Z]{2}|\d{7}[A-Z]{2}|C[A-Z]\d{5}[A-Z]{2})\b)", kShapeScore, {},
                     {"carta", "identità", "identita", "identity card", "documento", "cie"}, HS_FLAG_CASELESS));

    // --- Australia
    r.push_back(make("AuAbnRecognizer", "AU_ABN", R"(\b\d{2} ?\d{3} ?\d{3} ?\d{3}\b)", 1.0,
                     digitsValidator(11, 11, [](std::string_view d) { return cs::auAbn(d); }),
                     {"abn", "australian business"}));
    r.push_back(make("AuAcnRecognizer", "AU_ACN", R"(\b\d{3} ?\d{3} ?\d{3}\b)", 1.0,
                     digitsValidator(9, 9, [](std::string_view d) { return cs::auAcn(d) && !allSame(d); }),
                     {"acn", "australian company"}));
    r.push_back(make("AuTfnRecognizer", "AU_TFN", R"(\b\d{3} ?\d{3} ?\d{3}\b)", 1.0,
                     digitsValidator(9, 9, [](std::string_view d) { return cs::auTfn(d) && !allSame(d); }),
                     {"tfn", "tax file"}));
    r.push_back(make("AuMedicareRecognizer", "AU_MEDICARE", R"(\b[2-6]\d{3} ?\d{5} ?\d\b)", 1.0,
                     digitsValidator(10, 10, [](std::string_view d) { return cs::auMedicare(d); }),
                     {"medicare"}));

    // --- India
    r.push_back(make("InPanRecognizer", "IN_PAN", R"(\b[A-Z]{3}[ABCFGHLJPTK][A-Z]\d{4}[A-Z]\b)", 0.5, {},
                     {"pan", "permanent account"}));
    r.push_back(make("InPanRecognizer", "IN_PAN", R"(\b[A-Z]{5}\d{4}[A-Z]\b)", kShapeScore, {}, {"pan", "permanent account"}));
    r.push_back(make("InAadhaarRecognizer", "IN_AADHAAR", R"(\b[2-9]\d{3}[ :\-]?\d{4}[ :\-]?\d{4}\b)", 1.0,
                     digitsValidator(12, 12, [](std::string_view d) {
                         return cs::verhoeff(d) && !std::equal(d.begin(), d.end(), d.rbegin());
                     }),
                     {"aadhaar", "aadhar", "uidai", "uid"}));
    r.push_back(make("InVehicleRegistrationRecognizer", "IN_VEHICLE_REGISTRATION",
                     R"(\b[A-Z]{2}[ \-]?\d{1,2}[ \-]?[A-Z]{1,3}[ \-]?\d{4}\b)", 1.0,
                     [](std::string_view t, Candidate &c) {
                         static const std::array<const char *, 38> states = {
                             "AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN", "GA", "GJ", "HP",
                             "HR", "JH", "JK", "KA", "KL", "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL",
                             "OD", "OR", "PB", "PY", "RJ", "SK", "TN", "TR", "TS", "UK", "UP", "WB"};
                         const std::string st(t.substr(c.start, 2));
                         return consistentSeparators(sv(t, c))
                             && std::any_of(states.begin(), states.end(), [&](const char *s) { return st == s; });
                     },
                     {"vehicle", "registration", "number plate", "rto"}));
    r.push_back(make("InVoterRecognizer", "IN_VOTER", R"(\b[A-Z]{3}\d{7}\b)", 0.4, {},
                     {"voter", "epic", "election", "vote"}));
    r.push_back(make("InPassportRecognizer", "IN_PASSPORT", R"(\b[A-Z][1-9]\d ?\d{4}[1-9]\b)", kShapeScore, {},
                     {"passport", "travel document"}));

    // --- Singapore, Poland, Finland
    r.push_back(make("SgFinRecognizer", "SG_NRIC_FIN", R"(\b[STFGM]\d{7}[A-Z]\b)", 0.5,
                     [](std::string_view t, Candidate &c) {
                         if (cs::sgNricFin(upper(sv(t, c))))
                             c.score = 1.0;
                         return true;
                     },
                     {"nric", "fin", "singapore", "ic number"}, HS_FLAG_CASELESS));
    r.push_back(make("SgFinRecognizer", "SG_NRIC_FIN", R"(\b[A-Z]\d{7}[A-Z]\b)", kShapeScore, {}, {"nric", "fin", "singapore"}));
    r.push_back(make("PlPeselRecognizer", "PL_PESEL", R"(\b\d{11}\b)", 0.5,
                     [](std::string_view t, Candidate &c) { return cs::plPesel(std::string(sv(t, c))); },
                     {"pesel"}));
    // The code may follow letters ("HETU131052-308T") but not a digit. A pattern without a
    // leading \b would start inside every digit run (six digits on from each digit, all of
    // them rejected here); this one starts at a boundary or at the letter before the code, and
    // the validator takes the code's fixed eleven bytes from the end.
    r.push_back(make("FiPersonalIdentityCodeRecognizer", "FI_PERSONAL_IDENTITY_CODE",
                     R"((?:\b\d{6}|[A-Za-z_]\d{6})[+\-A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b)", 1.0,
                     [](std::string_view t, Candidate &c) {
                         if (c.end - c.start < 11)
                             return false;
                         c.start = c.end - 11;
                         return digitBoundary(t, c.start, c.end) && cs::fiPersonalIdentityCode(upper(sv(t, c)));
                     },
                     {"hetu", "henkilötunnus", "henkilotunnus", "identity code", "personal identity"}));

    // --- Contact data
    // E-mail: triggered by "@label." and grown both ways in C++ (a pattern with a leading class
    // run would need start-of-match tracking over the whole text).
    r.push_back(make("EmailRecognizer", "EMAIL_ADDRESS", R"(@[A-Za-z0-9\-]+\.[A-Za-z0-9])", 1.0, emailFromTrigger,
                     {"email", "e-mail", "mail"}));
    r.back().start = StartMode::FromEnd;
    r.back().scan = ScanMode::Native; // '@' alone would be Hyperscan's literal
    r.back().triggers = "@";
    r.back().find = [](const TriggerBytes &t, std::vector<size_t> &ends) { NativeTriggers::atDomain(t, ends); };

    // Phone numbers: international (+cc), NANP, and national formats with trunk prefix.
    const auto phoneWithMin = [](size_t minDigits) {
      return [minDigits](std::string_view t, Candidate &c) {
        while (c.end > c.start && !isDigit(t[c.end - 1]))
            --c.end;
        if (c.start > 0 && (isAlnum(t[c.start - 1]) || t[c.start - 1] == '+' || t[c.start - 1] == '-' || t[c.start - 1] == '.' || t[c.start - 1] == '/'))
            return false;
        if (c.end < t.size() && (isAlnum(t[c.end]) || t[c.end] == '-' || (t[c.end] == '.' && c.end + 1 < t.size() && isDigit(t[c.end + 1]))))
            return false;
        const auto s = sv(t, c);
        // one pass: this runs for most digit groups of a text
        size_t digits = 0;
        char first = 0;
        bool same = true;
        bool dateOrTime = false; // dates and times look like numbers with separators
        int dots = 0;
        for (char ch : s) {
            if (!isDigit(ch)) {
                dateOrTime = dateOrTime || ch == ':' || ch == '/';
                dots += ch == '.';
                continue;
            }
            if (digits++ == 0)
                first = ch;
            else
                same = same && ch == first;
        }
        if (digits < minDigits || digits > 15 || same || dateOrTime)
            return false;
        return dots == 0 || dots >= 2;
      };
    };
    const auto phone = phoneWithMin(8);
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER",
                     R"(\+\d{1,3}(?:[ .\-]?\(\d{1,4}\))?(?:[ .\-]?\d{1,5}){2,6})", 0.4, phone, kPhoneCtx));
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER",
                     R"((?:\(\d{3}\)[ .\-]?|\b\d{3}[ .\-])\d{3}[ .\-]\d{4}\b)", 0.4, phone, kPhoneCtx));
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER",
                     R"(\b0(?:[ ]?\(\d{2,5}\)[ ]?|\d{1,4}[ .\-])\d{2,4}(?:[ .\-]?\d{2,4}){1,2}\b)", 0.4, phone, kPhoneCtx));
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER", R"(\b\d{2,3}[ \-]\d{3,4}[ \-]\d{4}\b)", 0.4, phone, kPhoneCtx));
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER", R"(\b\d{3}[ \-]\d{3}[ \-]\d{2}[ \-]\d{2}\b)", 0.4, phone, kPhoneCtx));
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER", R"(\b\d{1,3}[ \-]\d{3}[ \-]\d{3}[ \-]\d{4}\b)", 0.4, phone, kPhoneCtx));
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER", R"(\b(?:0\d{10}|1[3-9]\d{9}|[2-9]\d{9})\b)", 0.3, phone, kPhoneCtx));
    // National formats without trunk prefix or area code ("450 0840", "9472 7916", "99 668472",
    // "699 956 915"): digit groups that are only a phone number when a phone word is near.
    r.push_back(make("PhoneRecognizer", "PHONE_NUMBER", R"(\b\d{2,4}(?:[ .\-]\d{2,7}){1,4}\b)", 0.4,
                     [local = phoneWithMin(7)](std::string_view t, Candidate &c) {
                         if (!local(t, c))
                             return false;
                         const auto s = sv(t, c);
                         if (!consistentSeparators(s))
                             return false;
                         // group lengths: reject what reads as a date (12-05-2024, 2024.05.12);
                         // counted without a container, this runs on most digit groups
                         size_t groups[3] = {};
                         size_t count = 0, run = 0;
                         for (char ch : s) {
                             if (isDigit(ch)) {
                                 ++run;
                             } else {
                                 if (count < 3)
                                     groups[count] = run;
                                 ++count;
                                 run = 0;
                             }
                         }
                         if (count < 3)
                             groups[count] = run;
                         ++count;
                         if (count == 3 && ((groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4) || (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2)))
                             return false;
                         return true;
                     },
                     kPhoneNationalCtx));
    r.back().requireContext = true;

    // IP addresses: v4 (optionally with CIDR) and v6 (compressed, zone, embedded v4), parsed.
    r.push_back(make("IpRecognizer", "IP_ADDRESS", R"(\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?:/\d{1,2})?\b)", 0.6,
                     [](std::string_view t, Candidate &c) {
                         if (c.start > 0 && (isAlnum(t[c.start - 1]) || t[c.start - 1] == '.'))
                             return false;
                         if (c.end < t.size() && t[c.end] == '.' && c.end + 1 < t.size() && isDigit(t[c.end + 1]))
                             return false;
                         std::string s(sv(t, c));
                         const auto slash = s.find('/');
                         if (slash != std::string::npos) {
                             if (std::stoi(s.substr(slash + 1)) > 32)
                                 return false;
                             s.resize(slash);
                         }
                         int part = 0;
                         size_t pos = 0;
                         while (pos <= s.size()) {
                             const auto dot = std::min(s.find('.', pos), s.size());
                             const std::string octet = s.substr(pos, dot - pos);
                             if (octet.empty() || octet.size() > 3 || (octet.size() > 1 && octet[0] == '0') || std::stoi(octet) > 255)
                                 return false;
                             ++part;
                             pos = dot + 1;
                         }
                         return part == 4;
                     },
                     {"ip", "address", "server", "host"}));
    r.push_back(make("IpRecognizer", "IP_ADDRESS",
                     R"([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?:\d{1,3}\.){3}\d{1,3})?(?:%[0-9A-Za-z]{1,16})?(?:/\d{1,3})?)", 0.6,
                     [](std::string_view t, Candidate &c) {
                         if (c.start > 0 && (isWordChar(t[c.start - 1]) || t[c.start - 1] == ':' || t[c.start - 1] == '.'))
                             return false;
                         if (c.end < t.size() && (isWordChar(t[c.end]) || t[c.end] == ':'))
                             return false;
                         if (c.end + 1 < t.size() && t[c.end] == '.' && isAlnum(t[c.end + 1]))
                             return false;
                         std::string s(sv(t, c));
                         const auto slash = s.find('/');
                         if (slash != std::string::npos) {
                             if (std::stoi(s.substr(slash + 1)) > 128)
                                 return false;
                             s.resize(slash);
                         }
                         std::string addr = s;
                         const auto pct = addr.find('%');
                         if (pct != std::string::npos)
                             addr.resize(pct);
                         if (addr.find("::") == std::string::npos && std::count(addr.begin(), addr.end(), ':') < 7
                             && addr.find('.') == std::string::npos)
                             return false;
                         QHostAddress a;
                         if (!a.setAddress(QString::fromLatin1(addr.data(), qsizetype(addr.size())))
                             || a.protocol() != QAbstractSocket::IPv6Protocol)
                             return false;
                         if (addr == "::")
                             c.score = 0.1;
                         return true;
                     },
                     {"ip", "ipv6", "address", "server", "host"}));
    // "::" and hex groups need no digit, and the only literal, ':', is everywhere in JSON and
    // logs: run from the starts near two close colons instead
    r.back().scan = ScanMode::StartWindows;
    r.back().triggers = ":";
    r.back().startWindows = [](const TriggerBytes &t, std::vector<std::pair<size_t, size_t>> &ranges) {
        NativeTriggers::colonPairStarts(t, ranges);
    };
    // the validator's test of what follows, so "std::vector" costs no re-match
    r.back().endCheck = [](std::string_view t, size_t end) {
        if (end < t.size() && (isWordChar(t[end]) || t[end] == ':'))
            return false;
        return !(end + 1 < t.size() && t[end] == '.' && isAlnum(t[end + 1]));
    };

    // URLs: with scheme, or bare domains under common TLDs.
    r.push_back(make("UrlRecognizer", "URL", R"((?:https?|ftp|wss?)://)", 0.6, urlFromScheme, {"url", "website", "link", "site"},
                     HS_FLAG_CASELESS));
    r.back().scan = ScanMode::Text;
    r.back().start = StartMode::FromEnd;
    static const NativeTriggers::Suffixes tlds({
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "co", "app", "dev", "site",
        "online", "store", "tech", "cloud", "me", "tv", "xyz", "ly", "uk", "us", "ca", "de", "fr", "es", "it",
        "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "ie", "il", "in", "jp", "cn", "kr", "au",
        "nz", "br", "mx", "ar", "ru", "ua", "za", "sg", "hk", "tw", "eu", "asia", "vlaanderen", "museum", "aero",
        "jobs", "mobi", "name", "pro", "travel", "email", "blog", "news", "shop", "page"});
    std::string tldPattern = R"(\.(?:)";
    for (size_t k = 0; k < tlds.all().size(); ++k)
        tldPattern += (k ? "|" : "") + tlds.all()[k];
    tldPattern += R"()\b)";
    r.push_back(make("UrlRecognizer", "URL", tldPattern, 0.5, bareDomainFromTld, {"url", "website", "domain", "site"},
                     HS_FLAG_CASELESS));
    r.back().scan = ScanMode::Native; // a dot ends every sentence
    r.back().start = StartMode::FromEnd;
    r.back().triggers = ".";
    r.back().find = [](const TriggerBytes &t, std::vector<size_t> &ends) { NativeTriggers::domainSuffix(t, tlds, ends); };

    // Crypto wallets: Base58Check (P2PKH/P2SH) and Bech32/Bech32m.
    r.push_back(make("CryptoRecognizer", "CRYPTO", R"(\b[13][a-km-zA-HJ-NP-Z1-9]{25,34}\b)", 1.0,
                     [](std::string_view t, Candidate &c) { return cs::base58Check(sv(t, c)); },
                     {"wallet", "btc", "bitcoin", "crypto"}));
    r.push_back(make("CryptoRecognizer", "CRYPTO", R"(\b(?:bc1|tb1|BC1|TB1)[A-Za-z0-9]{6,87}\b)", 1.0,
                     [](std::string_view t, Candidate &c) { return cs::bech32Address(sv(t, c)); },
                     {"wallet", "btc", "bitcoin", "crypto"}));

    // Dates and times in numeric formats.
    const std::string mon = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}";
    auto dateBoundary = [](std::string_view t, Candidate &c) { return alnumBoundary(t, c.start, c.end); };
    r.push_back(make("DateRecognizer", "DATE_TIME",
                     R"(\b\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+\-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)",
                     0.6, [](std::string_view t, Candidate &c) { return !(c.start > 0 && isAlnum(t[c.start - 1])); },
                     {"date", "time", "birthday", "born", "dob"}));
    r.push_back(make("DateRecognizer", "DATE_TIME", R"(\b\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})\b)", 0.6,
                     [](std::string_view t, Candidate &c) {
                         if (!alnumBoundary(t, c.start, c.end))
                             return false;
                         // part of a longer dotted/slashed number (version, IP) is not a date
                         if (c.start > 0 && (t[c.start - 1] == '.' || t[c.start - 1] == '/' || t[c.start - 1] == '-'))
                             return false;
                         return !(c.end + 1 < t.size() && (t[c.end] == '.' || t[c.end] == '/' || t[c.end] == '-') && isDigit(t[c.end + 1]));
                     },
                     {"date", "time", "birthday", "born", "dob"}));
    r.push_back(make("DateRecognizer", "DATE_TIME", R"(\b\d{4}[/.](?:0?[1-9]|1[0-2])[/.](?:0?[1-9]|[12]\d|3[01])\b)", 0.6,
                     dateBoundary, {"date", "time"}));
    r.push_back(make("DateRecognizer", "DATE_TIME",
                     R"(\b(?:\d{1,2}[ \-]?)?)" + mon + R"([ \-,.]{1,2}(?:\d{1,2}(?:st|nd|rd|th)?,? )?\d{2,4}\b|\b\d{1,2}[ \-])" + mon + R"(\b)",
                     0.6, dateBoundary, {"date", "time", "birthday", "born", "dob"}, HS_FLAG_CASELESS));
    // a digit window reaches over a month name next to its digits (DigitWindows)
    r.push_back(make("DateRecognizer", "DATE_TIME", R"(\b(?:0?[1-9]|1[0-2])/(?:\d{2}|\d{4})\b)", 0.1,
                     [](std::string_view t, Candidate &c) {
                         return alnumBoundary(t, c.start, c.end) && !(c.end < t.size() && t[c.end] == '/');
                     },
                     {"date", "expiry", "expires", "valid"}));
    r.push_back(make("DateRecognizer", "DATE_TIME", R"(\b(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s?(?:[AaPp]\.?[Mm]\.?)\b)", 0.5,
                     dateBoundary, {"time", "at"}));

    // DEA registration numbers.
    r.push_back(make("MedicalLicenseRecognizer", "MEDICAL_LICENSE", R"(\b[ABCDEFGHJKLMNPRSTUX][A-Z9]\d{7}\b)", 1.0,
                     [](std::string_view t, Candidate &c) { return cs::deaNumber(upper(sv(t, c))); },
                     {"dea", "medical", "certificate", "license", "licence", "prescriber"}, HS_FLAG_CASELESS));
    return r;
}

} // namespace perimeter::classify
