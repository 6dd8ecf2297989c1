// SPDX-License-Identifier: Apache-2.0
#include "BuiltinRecognizers.h"
#include "Checksums.h"
#include "NativeTriggers.h"
#include <hs/hs.h>
#include <nlohmann/json.hpp>
#include <QByteArray>
#include <algorithm>
#include <array>

namespace perimeter::classify {

using namespace textutil;
namespace cs = checksums;

namespace {

std::string_view sv(std::string_view t, const Candidate &c) { return t.substr(c.start, c.end - c.start); }


// Case-insensitive equality with a lower-case word, without building a lower-case copy.
bool equalsCi(std::string_view s, std::string_view lowerWord)
{
    if (s.size() != lowerWord.size())
        return false;
    for (size_t k = 0; k < s.size(); ++k)
        if (ascii::toLower(s[k]) != lowerWord[k])
            return false;
    return true;
}

// Whether `hay` contains the lower-case `needle` in any case. Candidate positions are found by
// the needle's first byte in either case, so most of the text is skipped without comparing.
bool containsCi(std::string_view hay, std::string_view needle)
{
    if (needle.empty())
        return true;
    if (needle.size() > hay.size())
        return false;
    const char first = needle[0];
    const char firstUpper = (first >= 'a' && first <= 'z') ? char(first - 'a' + 'A') : first;
    const size_t last = hay.size() - needle.size();
    for (size_t i = 0; i <= last; ++i) {
        if (hay[i] != first && hay[i] != firstUpper)
            continue;
        if (equalsCi(hay.substr(i + 1, needle.size() - 1), needle.substr(1)))
            return true;
    }
    return false;
}

// Redaction templates and documentation examples are not credentials.
bool isPlaceholderToken(std::string_view v)
{
    int run = 1;
    for (size_t i = 1; i < v.size(); ++i) {
        const char c = v[i];
        if ((c == 'x' || c == 'X' || c == '*' || c == '#') && (v[i - 1] == c || (v[i - 1] | 0x20) == (c | 0x20))) {
            if (++run >= 8)
                return true;
        } else {
            run = 1;
        }
    }
    if (v.find("EXAMPLE") != std::string_view::npos)
        return true;
    return containsCi(v, "example") && containsCi(v, "key") && v.size() < 60;
}

Validator tokenValidator(double minEntropy, size_t prefixLen = 0)
{
    return [=](std::string_view t, Candidate &c) {
        const auto v = sv(t, c);
        if (isPlaceholderToken(v))
            return false;
        const auto body = v.substr(std::min(prefixLen, v.size()));
        if (!body.empty()) {
            const bool allX = std::all_of(body.begin(), body.end(), [](char ch) { return ch == 'x' || ch == 'X' || !isAlnum(ch); });
            if (allX)
                return false;
        }
        return cs::shannonEntropy(body.empty() ? v : body) >= minEntropy;
    };
}

// Extends the span over characters of `cls` (for long tokens whose pattern only matches a head).
Validator extendingValidator(std::string_view cls, size_t minTotal, double minEntropy)
{
    const std::string chars(cls);
    return [=](std::string_view t, Candidate &c) {
        while (c.end < t.size() && (isAlnum(t[c.end]) || chars.find(t[c.end]) != std::string::npos))
            ++c.end;
        if (c.end - c.start < minTotal)
            return false;
        const auto v = sv(t, c);
        return !isPlaceholderToken(v) && cs::shannonEntropy(v) >= minEntropy;
    };
}

Recognizer secret(const char *subtype, std::string pattern, double score, Validator v, unsigned flags = 0)
{
    Recognizer r;
    r.name = QStringLiteral("SecretRecognizer:") + QString::fromLatin1(subtype);
    r.type = QStringLiteral("SECRET");
    r.subtype = QString::fromLatin1(subtype);
    r.pattern = std::move(pattern);
    r.score = score;
    r.validate = std::move(v);
    r.flags = flags;
    return r;
}

// ---- keyword assignments (`password = "..."`, `api_key: ...`, `if ("..." == secret)`) ----

enum class Tier { None, Password, Key };

bool isIdentChar(char c) { return isWordChar(c) || c == '-' || c == '.'; }

// Splits an identifier into lower-case words (snake, kebab, camel and Pascal case), into
// `tokens`, which the caller reuses: this runs on every keyword hit.
void splitIdentifier(std::string_view id, std::vector<std::string> &tokens)
{
    tokens.clear();
    std::string cur;
    auto flush = [&]() {
        while (!cur.empty() && isDigit(cur.back()))
            cur.pop_back();
        if (!cur.empty())
            tokens.push_back(lowerStr(cur));
        cur.clear();
    };
    for (size_t i = 0; i < id.size(); ++i) {
        const char c = id[i];
        if (!isAlnum(c)) {
            flush();
            continue;
        }
        const bool upperC = c >= 'A' && c <= 'Z';
        if (upperC && !cur.empty()) {
            const char prev = cur.back();
            const bool prevLower = prev >= 'a' && prev <= 'z';
            const bool nextLower = i + 1 < id.size() && id[i + 1] >= 'a' && id[i + 1] <= 'z';
            const bool prevUpper = prev >= 'A' && prev <= 'Z';
            if (prevLower || (prevUpper && nextLower) || isDigit(prev))
                flush();
        }
        cur.push_back(c);
    }
    flush();
}

Tier tokenTier(std::string_view tok)
{
    static constexpr std::array<std::string_view, 12> pw = {"password", "passwd", "pwd", "pass", "passphrase", "secret",
                                                            "secrete", "secrets", "credential", "credentials", "creds", "pw"};
    static constexpr std::array<std::string_view, 11> key = {"key", "apikey", "token", "auth", "authtoken", "accesskey",
                                                             "secretkey", "privatekey", "bearer", "pat", "login"};
    for (const std::string_view w : pw)
        if (tok == w)
            return Tier::Password;
    for (const std::string_view w : key)
        if (tok == w)
            return Tier::Key;
    // compounds written without separators: "slapikey", "dbpassword", "clientsecret"
    for (const std::string_view w : {std::string_view("password"), std::string_view("passwd"), std::string_view("secret")})
        if (tok.size() > w.size() + 1 && tok.find(w) != std::string_view::npos)
            return Tier::Password;
    for (const std::string_view w : {std::string_view("apikey"), std::string_view("token"), std::string_view("accesskey"), std::string_view("secretkey")})
        if (tok.size() > w.size() && tok.ends_with(w))
            return Tier::Key;
    return Tier::None;
}

// Classifies an identifier: the last secret word decides, and only harmless qualifiers may follow it.
Tier identifierTier(std::string_view id)
{
    thread_local std::vector<std::string> tokens;
    splitIdentifier(id, tokens);
    static constexpr std::array<std::string_view, 24> harmlessAfter = {"assign", "set",
        "secure", "super", "value", "str", "string", "b64", "base64", "enc", "encrypted", "raw", "env", "prod",
        "dev", "test", "live", "hex", "old", "new", "current", "plain", "plaintext", "text"};
    static constexpr std::array<std::string_view, 8> disqualifying = {"public", "csrf", "xsrf", "nonce", "sha", "hash", "checksum", "digest"};
    Tier tier = Tier::None;
    for (size_t i = tokens.size(); i-- > 0;) {
        const Tier t = tokenTier(tokens[i]);
        if (t != Tier::None) {
            tier = t;
            break;
        }
        if (std::none_of(harmlessAfter.begin(), harmlessAfter.end(), [&](std::string_view h) { return tokens[i] == h; }))
            return Tier::None;
    }
    for (const auto &tok : tokens)
        if (std::any_of(disqualifying.begin(), disqualifying.end(), [&](std::string_view d) { return tok == d; }))
            return Tier::None;
    // "key" alone also names map keys, cache keys, keyboard keys: keep it, but as the weaker tier
    return tier;
}

bool isPlaceholderValue(std::string_view v)
{
    if (v.empty())
        return true;
    if (std::none_of(v.begin(), v.end(), [](char c) { return isAlnum(c); }))
        return true;
    const char f = v.front(), b = v.back();
    if ((f == '<' && b == '>') || (f == '{' && b == '}' && v.size() < 40 && v.find(' ') != std::string_view::npos))
        return true;
    if (v.size() >= 4 && v.substr(0, 2) == "{{" && v.substr(v.size() - 2) == "}}")
        return true;
    if (f == '$' || f == '%') {
        // $VAR, ${VAR}, $(cmd), %s, %(name)s, %VAR%
        size_t i = 1;
        if (i < v.size() && (v[i] == '{' || v[i] == '(')) {
            const char close = v[i] == '{' ? '}' : ')';
            const auto end = v.find(close);
            if (end == v.size() - 1 || (end != std::string_view::npos && end + 1 < v.size() && v[end + 1] != '$' && !isAlnum(v[end + 1])))
                return true;
            if (end == std::string_view::npos)
                return false;
            return false;
        }
        while (i < v.size() && (isWordChar(v[i])))
            ++i;
        if (i == v.size() || (f == '%' && i + 1 == v.size() && v[i] == '%'))
            return true;
    }
    if (isPlaceholderToken(v))
        return true;
    // one lower-case copy, then a plain substring search per word (values are at most a few
    // hundred bytes; validators run this on every assignment they accept)
    const std::string lv = lowerStr(v);
    static constexpr std::array<std::string_view, 14> words = {"fake", "example", "dummy", "changeme", "placeholder",
                                                               "your_", "your-", "insert", "redacted", "sample", "password",
                                                               "secret", "xxxx", "****"};
    for (const std::string_view w : words)
        if (lv.find(w) != std::string::npos)
            return true;
    static constexpr std::array<std::string_view, 9> literals = {"null", "none", "true", "false", "undefined", "nil", "empty", "todo", "tbd"};
    for (const std::string_view l : literals)
        if (lv == l)
            return true;
    return false;
}

bool looksLikeCode(std::string_view v)
{
    // dotted references (X25519.KeyPair, os.environ), calls (getenv("X")), versions (1.2.3)
    size_t i = 0;
    if (i < v.size() && (isAlpha(v[0]) || v[0] == '_')) {
        while (i < v.size() && (isWordChar(v[i]) || v[i] == '.'))
            ++i;
        if (i < v.size() && v[i] == '(')
            return true;
        if (i == v.size() && v.find('.') != std::string_view::npos) {
            // every dotted part starts with a letter: a code reference or a host name
            bool allIdent = true;
            size_t p = 0;
            while (p < v.size()) {
                const auto dot = std::min(v.find('.', p), v.size());
                if (dot == p || !(isAlpha(v[p]) || v[p] == '_'))
                    allIdent = false;
                p = dot + 1;
            }
            if (allIdent)
                return true;
        }
    }
    for (size_t k = 0; k + 2 < v.size(); ++k)
        if (isDigit(v[k]) && v[k + 1] == '.' && isDigit(v[k + 2]))
            return true;
    return false;
}

bool acceptValue(std::string_view v, Tier tier, bool quoted)
{
    if (isPlaceholderValue(v))
        return false;
    if (tier == Tier::Password) {
        if (v.size() < 4)
            return false;
        if (!quoted && looksLikeCode(v))
            return false;
        // unquoted kebab/snake words ("shorter-version", "not_set") name things, they are not secrets
        if (!quoted && std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '_'; })
            && (v.find('-') != std::string_view::npos || v.find('_') != std::string_view::npos))
            return false;
        return true;
    }
    // key/token tier: must look machine-generated
    if (v.size() < 10 || v.find(' ') != std::string_view::npos)
        return false;
    if (looksLikeCode(v) || v.find("//") != std::string_view::npos)
        return false;
    const bool hasDigit = std::any_of(v.begin(), v.end(), [](char c) { return isDigit(c); });
    const bool hasAlpha = std::any_of(v.begin(), v.end(), [](char c) { return isAlpha(c); });
    if (hasDigit && !hasAlpha)
        return v.size() >= 16 && v.size() <= 40 && std::all_of(v.begin(), v.end(), [](char c) { return isDigit(c); })
            && cs::shannonEntropy(v) >= 2.5;
    if (!hasDigit)
        return v.size() >= 20 && cs::shannonEntropy(v) >= 3.5;
    // snake/kebab-case words (DOC_Vector_5_32) are identifiers, not keys
    int seps = 0;
    for (char c : v)
        seps += (c == '_');
    if (seps >= 2 && v.size() < 24)
        return false;
    return cs::shannonEntropy(v) >= 3.0;
}

// Parses a value starting at t[pos] (after operators). Returns false when there is none.
bool parseValue(std::string_view t, size_t pos, size_t &vs, size_t &ve, bool &quoted)
{
    if (pos < t.size() && t[pos] == '@' && pos + 1 < t.size() && (t[pos + 1] == '"' || t[pos + 1] == '\''))
        ++pos; // C# verbatim string
    if (pos >= t.size())
        return false;
    const char q = t[pos];
    if (q == '"' || q == '\'' || q == '`') {
        // a closing quote more than 500 bytes on is no value: look no further than that
        const size_t close = t.substr(0, std::min(t.size(), pos + 502)).find(q, pos + 1);
        if (close == std::string_view::npos || close - pos - 1 > 500 || t.substr(pos + 1, close - pos - 1).find('\n') != std::string_view::npos)
            return false;
        vs = pos + 1;
        ve = close;
        quoted = true;
        return true;
    }
    size_t e = pos;
    while (e < t.size() && t[e] != ' ' && t[e] != '\t' && t[e] != '\n' && t[e] != '\r' && t[e] != ';' && e - pos < 500)
        ++e;
    while (e > pos && (t[e - 1] == ',' || t[e - 1] == '\'' || t[e - 1] == '"' || t[e - 1] == '`'))
        --e;
    // a literal "\n" or "\r" escape ends a value inside a JSON-encoded line
    for (size_t k = pos; k + 1 < e; ++k)
        if (t[k] == '\\' && (t[k + 1] == 'n' || t[k + 1] == 'r')) {
            e = k;
            break;
        }
    if (e == pos)
        return false;
    vs = pos;
    ve = e;
    quoted = false;
    return true;
}

// The identifier [is, ie) around a keyword hit at c.
bool identifierAround(std::string_view t, const Candidate &c, size_t &is, size_t &ie)
{
    is = c.start;
    ie = c.end;
    while (is > 0 && isIdentChar(t[is - 1]))
        --is;
    while (ie < t.size() && isIdentChar(t[ie]))
        ++ie;
    while (is < ie && (t[is] == '.' || t[is] == '-'))
        ++is;
    while (ie > is && (t[ie - 1] == '.' || t[ie - 1] == '-'))
        --ie;
    return ie - is <= 80;
}

bool isOperatorByte(char c)
{
    switch (c) {
    case ':': case '=': case '!': case '?': case '<': case '>': case '|':
        return true;
    default:
        return false;
    }
}

bool isAssignmentOperator(std::string_view op)
{
    static constexpr std::array<std::string_view, 14> ops = {"=", ":", ":=", "::=", ":::=", "?=", "=>", "==", "===", "!=", "!==", "<-", "||=", "|="};
    return std::find(ops.begin(), ops.end(), op) != ops.end();
}

// The value assigned to (or compared with) the identifier [is, ie): `id = v`, `id: "v"`,
// `id("v")`, `--id v`, `"v" == id`.
bool assignedValue(std::string_view t, size_t is, size_t ie, size_t &vs, size_t &ve, bool &quoted)
{
    // forward: identifier [quote] [brackets] operator value
    size_t p = ie;
    if (p < t.size() && (t[p] == '"' || t[p] == '\''))
        ++p;
    if (p < t.size() && t[p] == '[') {
        const auto close = t.substr(p, 8).find(']');
        if (close != std::string_view::npos)
            p += close + 1;
    }
    size_t opStart = p;
    while (p < t.size() && (t[p] == ' ' || t[p] == '\t'))
        ++p;
    const size_t opBegin = p;
    while (p < t.size() && p - opBegin < 5 && isOperatorByte(t[p]))
        ++p;
    const std::string_view op = t.substr(opBegin, p - opBegin);
    bool call = false;
    if (op.empty() && p < t.size() && t[p] == '(') {
        call = true;
        ++p;
    } else if (op.empty() && t.substr(p, 8) == ".assign(") {
        call = true;
        p += 8;
    }
    while (p < t.size() && (t[p] == ' ' || t[p] == '\t'))
        ++p;
    const bool opOk = !op.empty() && isAssignmentOperator(op);
    bool found = false;
    const bool cliFlag = is >= 2 && t[is - 1] == '-' && t[is - 2] == '-';
    if (cliFlag && op.empty() && !call && p > opStart && parseValue(t, p, vs, ve, quoted)) {
        found = true;
    } else if (opOk || call || (op.empty() && p > opStart && p < t.size() && (t[p] == '"' || t[p] == '\''))) {
        if (parseValue(t, p, vs, ve, quoted) && (quoted || opOk) && (!call || quoted))
            found = true;
        if (found && op.empty() && !call && !quoted)
            found = false;
    }
    if (!found) {
        // backward: "value" == identifier
        size_t b = is;
        while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
            --b;
        const size_t opEnd = b;
        while (b > 0 && opEnd - b < 3 && (t[b - 1] == '=' || t[b - 1] == '!'))
            --b;
        const std::string_view bop = t.substr(b, opEnd - b);
        if (bop != "==" && bop != "===" && bop != "!=" && bop != "!==")
            return false;
        while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t'))
            --b;
        if (b < 2 || (t[b - 1] != '"' && t[b - 1] != '\''))
            return false;
        const char q = t[b - 1];
        // the opening quote at most 500 bytes back
        const size_t lo = b - 1 > 501 ? b - 1 - 501 : 0;
        const auto open = t.substr(lo, b - 1 - lo).rfind(q);
        if (open == std::string_view::npos || b - 1 - (lo + open) > 500)
            return false;
        vs = lo + open + 1;
        ve = b - 1;
        quoted = true;
    }
    return true;
}

bool keywordAssignment(std::string_view t, Candidate &c)
{
    size_t is = 0, ie = 0;
    if (!identifierAround(t, c, is, ie))
        return false;
    // the assignment first: most "key", "token" and "auth" in code assign nothing, and this
    // check costs far less than splitting the identifier into words
    size_t vs = 0, ve = 0;
    bool quoted = false;
    if (!assignedValue(t, is, ie, vs, ve, quoted))
        return false;
    const Tier tier = identifierTier(t.substr(is, ie - is));
    if (tier == Tier::None)
        return false;
    const auto value = t.substr(vs, ve - vs);
    if (!acceptValue(value, tier, quoted))
        return false;
    c.start = vs;
    c.end = ve;
    c.subtype = tier == Tier::Password ? QStringLiteral("generic-secret-assignment") : QStringLiteral("generic-api-key");
    c.score = tier == Tier::Password ? 0.7 : 0.6;
    return true;
}

// ---- provider-named assignments (gitleaks' semi-generic rules: `<provider>...id|key|token = v`) ----
// The name of a credential issuer in the identifier is the keyword; the value must look
// machine-generated (a UUID, hex, base62), not be a placeholder, a reference or a URL.
const std::array<const char *, 86> kProviders = {
    "adafruit", "adobe", "airtable", "algolia", "alibaba", "asana", "atlassian", "confluence", "jira", "beamer",
    "bitbucket", "bittrex", "cloudant", "codecov", "coinbase", "confluent", "contentful", "databricks", "datadog",
    "discord", "droneci", "dropbox", "etsy", "fastly", "finicity", "finnhub", "flickr", "freshbooks", "gitter",
    "gocardless", "hubspot", "heroku", "intercom", "jfrog", "artifactory", "kucoin", "launchdarkly", "mailgun",
    "mapbox", "mattermost", "messagebird", "message_bird", "message-bird", "netlify", "newrelic", "new_relic",
    "nytimes", "okta", "rapidapi", "sendbird", "sendinblue", "sentry", "shippo", "sidekiq", "snyk", "softlayer",
    "sourcegraph", "squarespace", "sumologic", "travisci", "trello", "twitch", "typeform", "yandex", "zendesk",
    "meraki", "mailchimp", "sendgrid", "twilio", "pagerduty", "circleci", "dockerhub", "docker_hub", "openai",
    "anthropic", "huggingface", "cohere", "replicate", "vercel", "supabase", "firebase", "auth0", "cloudflare",
    "digitalocean", "linode", "jenkins"};

std::string providerPattern()
{
    std::string p;
    for (const char *name : kProviders) {
        if (!p.empty())
            p += '|';
        p += name;
    }
    return p;
}

bool providerAssignment(std::string_view t, Candidate &c)
{
    // the trigger reports where a name ends: the longest provider name ending there starts it
    size_t nameLen = 0;
    if (c.end == 0 || c.end > t.size())
        return false;
    const char last = ascii::toLower(t[c.end - 1]);
    for (const char *name : kProviders) {
        const std::string_view word(name);
        // the last byte first: it rules out all but a few names
        if (word.back() != last || word.size() <= nameLen || word.size() > c.end)
            continue;
        if (equalsCi(t.substr(c.end - word.size(), word.size()), word))
            nameLen = word.size();
    }
    if (nameLen == 0)
        return false;
    c.start = c.end - nameLen;
    size_t is = 0, ie = 0;
    if (!identifierAround(t, c, is, ie))
        return false;
    // the provider name starts a token of the identifier ("MessageBirdClientID", "sl_sumo_key"),
    // it is not inside a word ("consumology")
    if (c.start > is && isAlpha(t[c.start - 1]) && !(t[c.start] >= 'A' && t[c.start] <= 'Z' && t[c.start - 1] >= 'a' && t[c.start - 1] <= 'z'))
        return false;
    size_t vs = 0, ve = 0;
    bool quoted = false;
    if (!assignedValue(t, is, ie, vs, ve, quoted))
        return false;
    const auto v = t.substr(vs, ve - vs);
    if (v.size() < 16 || v.size() > 200 || isPlaceholderValue(v) || looksLikeCode(v) || v.find("//") != std::string_view::npos)
        return false;
    if (!std::all_of(v.begin(), v.end(), [](char ch) { return isAlnum(ch) || std::string_view("_-.+/=:").find(ch) != std::string_view::npos; }))
        return false;
    const bool hasDigit = std::any_of(v.begin(), v.end(), [](char ch) { return isDigit(ch); });
    if (!hasDigit && v.size() < 20)
        return false;
    if (cs::shannonEntropy(v) < 3.0)
        return false;
    std::string provider = lowerStr(t.substr(c.start, c.end - c.start));
    provider.erase(std::remove_if(provider.begin(), provider.end(), [](char ch) { return ch == '-' || ch == '_'; }), provider.end());
    c.start = vs;
    c.end = ve;
    c.subtype = QString::fromStdString(provider) + QStringLiteral("-api-key");
    c.score = 0.8;
    return true;
}

// Tokens of a provider whose detector (detect-secrets) has no entropy check: a redaction
// ("AKCxxxxxxxxxx") after the provider's prefix is still reported, at a low score, so a policy
// can drop it with a SECRET threshold; a real-looking body scores high.
void scorePrefixedToken(std::string_view body, Candidate &c)
{
    c.score = (isPlaceholderToken(body) || cs::shannonEntropy(body) < 3.0) ? 0.3 : 0.9;
}

// ---- JWT: header and payload must be base64url JSON objects ----
bool base64UrlJsonObject(std::string_view part)
{
    QByteArray raw = QByteArray::fromRawData(part.data(), qsizetype(part.size()));
    auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::Base64UrlEncoding);
    if (!decoded)
        return false;
    const QByteArray &json = *decoded;
    try {
        const auto j = nlohmann::json::parse(json.constBegin(), json.constEnd());
        return j.is_object();
    } catch (const nlohmann::json::exception &) {
        return false;
    }
}

bool joseHeader(std::string_view part)
{
    QByteArray raw = QByteArray::fromRawData(part.data(), qsizetype(part.size()));
    auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::Base64UrlEncoding);
    if (!decoded)
        return false;
    const QByteArray &h = *decoded;
    return h.startsWith("{\"") && h.endsWith('}') && h.contains("\"alg\"");
}

bool jwtValidator(std::string_view t, Candidate &c)
{
    while (c.end < t.size() && (isWordChar(t[c.end]) || t[c.end] == '-' || t[c.end] == '.' || t[c.end] == '='))
        ++c.end;
    while (c.end > c.start && t[c.end - 1] == '.' && false)
        --c.end;
    const auto v = sv(t, c);
    const auto d1 = v.find('.');
    if (d1 == std::string_view::npos)
        return false;
    const auto d2 = v.find('.', d1 + 1);
    const auto header = v.substr(0, d1);
    const auto payload = v.substr(d1 + 1, d2 == std::string_view::npos ? std::string_view::npos : d2 - d1 - 1);
    if (isPlaceholderToken(v))
        return false;
    if (base64UrlJsonObject(header) && base64UrlJsonObject(payload))
        return true;
    // a token with damaged claims (truncated, edited) is still a token when its header is a
    // complete JOSE header: an object naming its "alg" (RFC 7515)
    if (header.size() >= 17 && payload.size() >= 17 && payload.substr(0, 3) == "eyJ" && joseHeader(header)
        && cs::shannonEntropy(v) >= 3.0) {
        c.score = 0.7;
        return true;
    }
    return false;
}

// ---- PEM private keys: the block up to its END line ----
bool privateKeyValidator(std::string_view t, Candidate &c)
{
    const auto end = t.find("-----END", c.end);
    if (end != std::string_view::npos && end - c.end < 64 * 1024) {
        const auto close = t.find("-----", end + 8);
        c.end = close == std::string_view::npos ? end + 8 : close + 5;
        const auto body = t.substr(c.start, c.end - c.start);
        // the body between the markers must carry key material
        size_t material = 0;
        for (char ch : body)
            material += isAlnum(ch) || ch == '+' || ch == '/';
        return material >= 40;
    }
    // header alone (truncated paste): still a private key being shared
    return true;
}

// ---- credentials in URLs: scheme://user:password@host ----
bool urlCredentialValidator(std::string_view t, Candidate &c)
{
    // c covers "://"; parse userinfo
    size_t p = c.end;
    size_t at = p;
    while (at < t.size() && at - p < 256 && t[at] != '@' && t[at] != '/' && t[at] != ' ' && t[at] != '\n' && t[at] != '"' && t[at] != '\'' && t[at] != '<' && t[at] != '>' && t[at] != '?' && t[at] != '#')
        ++at;
    if (at >= t.size() || t[at] != '@')
        return false;
    const auto userinfo = t.substr(p, at - p);
    const auto colon = userinfo.find(':');
    if (colon == std::string_view::npos || colon == 0)
        return false;
    const auto password = userinfo.substr(colon + 1);
    if (password.empty() || isPlaceholderValue(password) || (password.size() < 3))
        return false;
    if (std::all_of(password.begin(), password.end(), [](char ch) { return isDigit(ch); }) && password.size() <= 5)
        return false; // host:port followed by '@' in prose
    // the host must follow
    if (at + 1 >= t.size() || !(isAlnum(t[at + 1]) || t[at + 1] == '['))
        return false;
    c.start = p + colon + 1;
    c.end = at;
    const auto host = t.substr(at + 1, 64);
    if (containsCi(host, "contribsys.com"))
        c.subtype = QStringLiteral("sidekiq-sensitive-url");
    else if (containsCi(host, "cloudant.com"))
        c.subtype = QStringLiteral("cloudant-credentials");
    return true;
}

// ---- curl command lines: -u user:password, -H "Authorization: ...", -H "X-Api-Key: ..." ----
bool curlValidator(std::string_view t, Candidate &c)
{
    // the command runs to the end of the line, continued by trailing backslashes
    size_t end = c.end;
    int lines = 0;
    while (end < t.size() && end - c.end < 4096) {
        if (t[end] == '\n') {
            size_t b = end;
            while (b > c.end && (t[b - 1] == ' ' || t[b - 1] == '\r'))
                --b;
            if (b > c.end && t[b - 1] == '\\' && ++lines <= 8) {
                ++end;
                continue;
            }
            break;
        }
        // a literal "\n" inside a JSON-escaped command
        ++end;
    }
    const auto cmd = t.substr(c.end, end - c.end);
    auto isOptBoundary = [&](size_t i) { return i == 0 || cmd[i - 1] == ' ' || cmd[i - 1] == '\t' || cmd[i - 1] == '\n' || cmd[i - 1] == 'n'; };
    for (size_t i = 0; i + 2 < cmd.size(); ++i) {
        if (cmd[i] != '-' || !isOptBoundary(i))
            continue;
        const auto rest = cmd.substr(i);
        size_t optLen = 0;
        bool user = false, header = false;
        if (rest.substr(0, 6) == "--user" && (rest.size() == 6 || rest[6] == ' ' || rest[6] == '=')) {
            user = true;
            optLen = 6;
        } else if (rest.substr(0, 2) == "-u" && rest.size() > 2 && (rest[2] == ' ' || rest[2] == '\'' || rest[2] == '"')) {
            user = true;
            optLen = 2;
        } else if (rest.substr(0, 8) == "--header" && rest.size() > 8 && (rest[8] == ' ' || rest[8] == '=')) {
            header = true;
            optLen = 8;
        } else if (rest.substr(0, 2) == "-H" && rest.size() > 2 && (rest[2] == ' ' || rest[2] == '\'' || rest[2] == '"')) {
            header = true;
            optLen = 2;
        }
        if (!user && !header)
            continue;
        size_t p = c.end + i + optLen;
        while (p < t.size() && (t[p] == ' ' || t[p] == '='))
            ++p;
        size_t vs, ve;
        bool quoted;
        if (!parseValue(t, p, vs, ve, quoted))
            continue;
        auto arg = t.substr(vs, ve - vs);
        if (user) {
            // user:password, either side possibly quoted separately ("{id}":"{secret}")
            size_t argEnd = ve;
            if (quoted && argEnd + 1 < t.size() && t[argEnd + 1] == ':') {
                size_t vs2, ve2;
                bool q2;
                if (parseValue(t, argEnd + 2, vs2, ve2, q2)) {
                    const auto pw = t.substr(vs2, ve2 - vs2);
                    if (!isPlaceholderValue(pw) && !(pw.size() >= 2 && pw.front() == '{' && pw.back() == '}' && pw.find('$') != std::string_view::npos)) {
                        c.start = vs2;
                        c.end = ve2;
                        c.subtype = QStringLiteral("curl-auth-user");
                        return true;
                    }
                }
            }
            const auto colon = arg.find(':');
            if (colon == std::string_view::npos)
                continue;
            auto pw = arg.substr(colon + 1);
            size_t pwStart = vs + colon + 1;
            if (!pw.empty() && (pw.front() == '\'' || pw.front() == '"')) {
                const char q = pw.front();
                const auto close = t.find(q, pwStart + 1);
                if (close == std::string_view::npos)
                    continue;
                pwStart += 1;
                pw = t.substr(pwStart, close - pwStart);
            }
            const auto userPart = arg.substr(0, colon);
            if (pw.size() < 4 || isPlaceholderValue(pw) || pw.front() == '$' || pw.front() == '[' || (pw.front() == '{' && pw.find("}}") != std::string_view::npos)
                || userPart.find("$(") != std::string_view::npos || pw.find("$(") != std::string_view::npos
                || lowerStr(pw) == "pass" || lowerStr(pw) == "token")
                continue;
            c.start = pwStart;
            c.end = pwStart + pw.size();
            c.subtype = QStringLiteral("curl-auth-user");
            return true;
        }
        // header
        const auto colon = arg.find(':');
        if (colon == std::string_view::npos)
            continue;
        const std::string name = lowerStr(arg.substr(0, colon));
        const bool authHeader = name == "authorization" || name == "proxy-authorization";
        const bool keyHeader = name.find("key") != std::string::npos || name.find("token") != std::string::npos || name == "apikey";
        if (!authHeader && !keyHeader)
            continue;
        size_t v = colon + 1;
        while (v < arg.size() && arg[v] == ' ')
            ++v;
        auto value = arg.substr(v);
        size_t valueStart = vs + v;
        for (const char *scheme : {"basic ", "bearer ", "token ", "api-token ", "digest "}) {
            if (lowerStr(value.substr(0, std::string_view(scheme).size())) == scheme) {
                valueStart += std::string_view(scheme).size();
                value = value.substr(std::string_view(scheme).size());
                while (!value.empty() && value.front() == ' ') {
                    value.remove_prefix(1);
                    ++valueStart;
                }
                break;
            }
        }
        if (value.size() < 8 || isPlaceholderValue(value) || value.front() == '$' || value.front() == '<' || value.front() == '{')
            continue;
        c.start = valueStart;
        c.end = valueStart + value.size();
        c.subtype = QStringLiteral("curl-auth-header");
        return true;
    }
    return false;
}

// ---- detect-secrets style high-entropy quoted strings ----
bool highEntropyString(std::string_view t, Candidate &c)
{
    // c covers the opening quote and the body; require the matching closing quote
    const char q = t[c.start];
    if (c.end >= t.size() || t[c.end] != q)
        return false;
    const auto body = t.substr(c.start + 1, c.end - c.start - 1);
    // camel-cased English words (CSS classes, identifiers) have high entropy but are not random
    int wordRuns = 0;
    for (size_t i = 0, run = 0; i <= body.size(); ++i) {
        if (i < body.size() && body[i] >= 'a' && body[i] <= 'z') {
            ++run;
        } else {
            wordRuns += run >= 5;
            run = 0;
        }
    }
    if (wordRuns >= 3)
        return false;
    if (isPlaceholderToken(body))
        return false;
    const bool hex = std::all_of(body.begin(), body.end(), [](char ch) { return isDigit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'); });
    const double h = cs::shannonEntropy(body);
    if (hex) {
        if (body.size() < 32 || h < 3.0)
            return false;
    } else if (h < 4.5) {
        return false;
    }
    // hashes and revisions named as such are not secrets (checked last: the costliest test)
    const auto before = t.substr(c.start > 48 ? c.start - 48 : 0, std::min<size_t>(c.start, 48));
    for (const char *w : {"sha", "hash", "rev", "commit", "digest", "checksum", "etag", "integrity", "uuid", "guid", "id\"", "id'",
                          "id =", "public", "csrf", "xsrf", "authenticity", "nonce"})
        if (containsCi(before, w))
            return false;
    c.start += 1;
    c.subtype = QStringLiteral("high-entropy-string");
    return true;
}

bool azureClientSecret(std::string_view t, Candidate &c)
{
    static constexpr std::string_view before = "\\'\"` \t\n>=:(,)";
    static constexpr std::string_view after = "\\'\"` \t\n<),";
    if (c.start > 0 && before.find(t[c.start - 1]) == std::string_view::npos)
        return false;
    if (c.end < t.size() && after.find(t[c.end]) == std::string_view::npos)
        return false;
    const auto v = sv(t, c);
    return !isPlaceholderToken(v) && cs::shannonEntropy(v) >= 3.0;
}

} // namespace

std::vector<Recognizer> BuiltinRecognizers::secrets()
{
    std::vector<Recognizer> r;
    auto tok = [&](const char *subtype, std::string pattern, double minEntropy = 3.0, size_t prefix = 0, unsigned flags = 0) {
        r.push_back(secret(subtype, std::move(pattern), 0.9, tokenValidator(minEntropy, prefix), flags));
    };

    // Cloud providers
    tok("aws-access-key", R"(\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b)", 0.0, 4);
    r.push_back(secret("aws-amazon-bedrock-api-key-long-lived", R"(\bABSK[A-Za-z0-9+/]{100})", 0.9, extendingValidator("+/=", 110, 3.5)));
    tok("aws-amazon-bedrock-api-key-short-lived", R"(\bbedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=]*)", 0.0);
    tok("gcp-api-key", R"(\bAIza[0-9A-Za-z_\-]{35}\b)", 3.0, 4);
    r.push_back(secret("gcp-service-account", R"(["']type["']\s*:\s*["']service_account["'])", 0.8, {}));
    r.push_back(secret("azure-ad-client-secret", R"([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.\-]{31,34})", 0.9, azureClientSecret));
    tok("alibaba-access-key-id", R"(\bLTAI[A-Za-z0-9]{20}\b)", 3.0, 4);
    tok("digitalocean-access-token", R"(\bdo[opr]_v1_[a-f0-9]{64}\b)");
    tok("yandex-aws-access-token", R"(\bYC[A-Za-z0-9_\-]{38}\b)", 3.5, 2);
    tok("yandex-api-key", R"(\bAQVN[A-Za-z0-9_\-]{35,38}\b)", 3.5, 4);
    tok("yandex-access-token", R"(\bt1\.[A-Z0-9a-z_\-]+={0,2}\.[A-Z0-9a-z_\-]{86}={0,2})", 3.5);
    tok("cloudflare-origin-ca-key", R"(\bv1\.0-[a-f0-9]{24}-[a-f0-9]{146}\b)");
    tok("heroku-api-key-v2", R"(\bHRKU-AA[0-9A-Za-z_\-]{58}\b)");
    tok("flyio-access-token", R"(\bfo1_[\w\-]{43}\b)", 3.5, 4);
    r.push_back(secret("flyio-access-token", R"(\bfm[12][ar]?_[A-Za-z0-9+/]{100})", 0.9, extendingValidator("+/=", 100, 4.0)));
    tok("hashicorp-tf-api-token", R"(\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=\-]{60,70}\b)");
    tok("vault-service-token", R"(\bhvs\.[A-Za-z0-9_\-]{90,120}\b)");
    r.push_back(secret("vault-batch-token", R"(\bhvb\.[A-Za-z0-9_\-]{138})", 0.9, extendingValidator("_-", 142, 3.0)));
    r.push_back(secret("vault-service-token", R"(\bs\.[A-Za-z0-9]{24}\b)", 0.8, [](std::string_view t, Candidate &c) {
        const auto v = t.substr(c.start + 2, c.end - c.start - 2);
        return std::any_of(v.begin(), v.end(), [](char ch) { return isDigit(ch); })
            && std::any_of(v.begin(), v.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })
            && cs::shannonEntropy(v) >= 3.5 && !isPlaceholderToken(v);
    }));
    // its literal "s." ends every other plural in prose: fixed width, so found from the dots
    r.back().scan = ScanMode::Native;
    r.back().triggers = ".";
    r.back().find = [](const TriggerBytes &t, std::vector<size_t> &ends) { NativeTriggers::wordDotRun(t, "s", 24, ends); };
    tok("databricks-api-token", R"(\bdapi[a-f0-9]{32}(?:-\d)?\b)");
    tok("doppler-api-token", R"(\bdp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}\b)");
    tok("dropbox-short-lived-api-token", R"(\bsl\.[A-Za-z0-9\-_=]{130,152})");
    tok("pulumi-api-token", R"(\bpul-[a-f0-9]{40}\b)");
    tok("scalingo-api-token", R"(\btk-us-[\w\-]{48}\b)");
    tok("planetscale-token", R"(\bpscale_(?:tkn|oauth|pw)_[\w=.\-]{32,64}\b)");
    tok("prefect-api-token", R"(\bpnu_[A-Za-z0-9]{36}\b)", 3.0, 4);
    tok("harness-api-key", R"(\b(?:pat|sat)\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}\b)");
    tok("1password-secret-key", R"(\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b)", 3.8, 3);
    r.push_back(secret("1password-service-account-token", R"(\bops_eyJ[A-Za-z0-9+/]{100})", 0.9, extendingValidator("+/=", 250, 4.0)));
    tok("age-secret-key", R"(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})", 0.0);

    // Source forges and package registries
    tok("github-pat", R"(\bgh[pousr]_[A-Za-z0-9]{36}\b)", 3.0, 4);
    r.push_back(secret("github-fine-grained-pat", R"(\bgithub_pat_[A-Za-z0-9_]{50})", 0.9, extendingValidator("_", 61, 3.0)));
    struct GitlabPrefix { const char *prefix; const char *body; };
    for (const auto &g : {GitlabPrefix{"glpat-", "[\\w\\-]{20}"}, GitlabPrefix{"gldt-", "[\\w\\-]{20}"}, GitlabPrefix{"glrt-", "[\\w\\-]{20}"},
                          GitlabPrefix{"glcbt-", "(?:[0-9a-fA-F]{1,5}_)?[\\w\\-]{20}"}, GitlabPrefix{"glimt-", "[\\w\\-]{25}"},
                          GitlabPrefix{"glptt-", "[\\w\\-]{40}"}, GitlabPrefix{"glagent-", "[\\w\\-]{50}"}, GitlabPrefix{"gloas-", "[\\w\\-]{64}"},
                          GitlabPrefix{"glffct-", "[\\w\\-]{20}"}, GitlabPrefix{"glft-", "[\\w\\-]{20}"}, GitlabPrefix{"glsoat-", "[\\w\\-]{20}"},
                          GitlabPrefix{"GR1348941", "[\\w\\-]{20}"}})
        r.push_back(secret("gitlab-token", std::string("\\b") + g.prefix + g.body, 0.9, [](std::string_view t, Candidate &c) {
            while (c.end < t.size() && (isWordChar(t[c.end]) || t[c.end] == '-'))
                ++c.end;
            const auto v = sv(t, c);
            return !isPlaceholderToken(v) && cs::shannonEntropy(v) >= 3.0;
        }));
    tok("gitlab-session-cookie", R"(_gitlab_session=[0-9a-z]{32})", 3.0, 16);
    tok("npm-access-token", R"(\bnpm_[A-Za-z0-9]{36}\b)", 3.0, 4);
    tok("pypi-upload-token", R"(\bpypi-AgE[A-Za-z0-9_\-]{50,})", 3.0);
    tok("rubygems-api-token", R"(\brubygems_[a-f0-9]{48}\b)");
    tok("clojars-api-token", R"(\bCLOJARS_[a-z0-9]{60}\b)", 3.0, 8, HS_FLAG_CASELESS);
    tok("artifactory-api-key", R"(\bAKCp[A-Za-z0-9]{69}\b)", 4.0, 4);
    tok("artifactory-reference-token", R"(\bcmVmd[A-Za-z0-9]{59}\b)", 4.0, 5);
    tok("atlassian-api-token", R"(\bATATT3[A-Za-z0-9_\-=]{186})");
    tok("sourcegraph-access-token", R"(\bsgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}\b|\bsgp_[a-fA-F0-9]{40}\b)", 3.0, 4);
    tok("readme-api-token", R"(\brdme_[a-z0-9]{70}\b)", 3.0, 5);
    tok("huggingface-access-token", R"(\bhf_[A-Za-z]{34}\b)", 3.5, 3);
    tok("huggingface-organization-api-token", R"(\bapi_org_[A-Za-z]{34}\b)", 3.5, 8);
    tok("infracost-api-token", R"(\bico-[A-Za-z0-9]{32}\b)", 3.0, 4);

    // Messaging, payments and SaaS
    tok("slack-token", R"(\bxox[abposr]-\d{8,14}-(?:\d{8,14}-){0,2}[A-Za-z0-9][A-Za-z0-9\-]{7,})", 3.0);
    tok("slack-token", R"(\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)", 3.0);
    tok("slack-token", R"(\bxoxe\.xox[bp]-\d-[A-Za-z0-9]{100,})", 3.5);
    tok("slack-token", R"(\bxoxe-\d-[A-Za-z0-9]{100,})", 3.5);
    r.push_back(secret("slack-webhook", R"((?:https?://)?hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{20})", 0.9,
                       [](std::string_view t, Candidate &c) {
                           while (c.end < t.size() && (isAlnum(t[c.end]) || std::string_view("+/_-").find(t[c.end]) != std::string_view::npos))
                               ++c.end;
                           return true;
                       }));
    tok("stripe-key", R"(\b(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,247}\b)", 3.0, 8);
    tok("square-access-token", R"(\bEAAA[A-Za-z0-9_\-+=]{60}\b)", 3.5, 4);
    tok("square-secret", R"(\bsq0(?:atp|csp)-[0-9A-Za-z_\-\\]{22,60})", 3.0, 7);
    tok("shopify-token", R"(\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b)", 3.0, 6);
    tok("sendgrid-api-token", R"(\bSG\.[A-Za-z0-9_\-=]{20,24}\.[A-Za-z0-9_\-=]{39,50}\b)", 3.0);
    tok("mailchimp-api-key", R"(\b[0-9a-f]{32}-us\d{1,2}\b)", 3.0);
    tok("mailgun-private-api-token", R"(\bkey-[0-9a-z]{32}\b)", 3.0, 4);
    tok("mailgun-pub-key", R"(\bpubkey-[0-9a-f]{32}\b)", 3.0, 7);
    tok("twilio-api-key", R"(\bSK[0-9a-fA-F]{32}\b)", 3.0, 2);
    tok("telegram-bot-api-token", R"(\b\d{8,10}:AA[A-Za-z0-9_\-]{32,33}\b)", 3.0);
    // no left boundary: letters glued in front of a token do not hide it (detect-secrets)
    tok("discord-bot-token", R"([MNO][A-Za-z\d_\-]{23,25}\.[A-Za-z\d_\-]{6}\.[A-Za-z\d_\-]{27,38}\b)", 3.5);
    r.back().scan = ScanMode::StartWindows; // its literal is a dot: start from dots 7 apart
    r.back().triggers = ".";
    r.back().startWindows = [](const TriggerBytes &t, std::vector<std::pair<size_t, size_t>> &ranges) {
        NativeTriggers::dotPairStarts(t, 7, 24, 26, ranges);
    };
    tok("postman-api-token", R"(\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b)");
    tok("new-relic-api-key", R"(\bNR(?:AK|II|JS|RA)-[a-z0-9\-]{19,32}\b)", 3.0, 5, HS_FLAG_CASELESS);
    tok("intra42-client-secret", R"(\bs-s4t2(?:ud|af)-[a-f0-9]{64}\b)");
    tok("sentry-token", R"(\bsntry[su]_[A-Za-z0-9+/=_\-]{60,})", 3.5);
    tok("settlemint-token", R"(\bsm_(?:aat|pat|sat)_[A-Za-z0-9]{16}\b)", 3.0, 7);
    tok("typeform-api-token", R"(\btfp_[a-z0-9\-_.=]{59}\b)", 3.0, 4);
    tok("duffel-api-token", R"(\bduffel_(?:test|live)_[A-Za-z0-9_\-=]{43}\b)");
    tok("easypost-api-token", R"(\bEZ[AT]K[A-Za-z0-9]{54}\b)", 3.0, 4);
    tok("flutterwave-key", R"(\bFLW(?:PUBK|SECK)_TEST-[a-hA-H0-9]{12,32}(?:-X)?\b)", 3.0);
    tok("lob-api-key", R"(\b(?:live|test)_(?:pub_)?[a-f0-9]{31,35}\b)", 3.0, 5);
    tok("adobe-client-secret", R"(\bp8e-[A-Za-z0-9]{32}\b)", 3.0, 4);
    tok("clickhouse-cloud-api-secret-key", R"(\b4b1d[A-Za-z0-9]{38}\b)", 3.0, 4);
    tok("grafana-cloud-api-token", R"(\bglc_[A-Za-z0-9+/]{32,400}={0,2})", 3.5, 4);
    tok("grafana-service-account-token", R"(\bglsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}\b)", 3.5, 5);
    r.push_back(secret("grafana-api-key", R"(\beyJrIjoi[A-Za-z0-9]{70})", 0.9, extendingValidator("=", 78, 3.5)));
    tok("notion-api-token", R"(\bntn_\d{11}[A-Za-z0-9]{35}\b)", 3.0);
    tok("octopus-deploy-api-key", R"(\bAPI-[A-Z0-9]{26}\b)", 3.0, 4);
    r.push_back(secret("openai-api-key", R"(\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{20}[A-Za-z0-9_\-]*T3BlbkFJ[A-Za-z0-9_\-]{20})", 0.9,
                       extendingValidator("_-", 56, 3.0)));
    tok("openai-api-key", R"(\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b)", 3.0);
    tok("anthropic-api-key", R"(\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_\-]{93}AA\b)", 3.0);
    tok("perplexity-api-key", R"(\bpplx-[A-Za-z0-9]{48}\b)", 3.0, 5);
    tok("twitter-bearer-token", R"(\bA{22}[A-Za-z0-9%]{80,100})", 3.0);
    tok("facebook-page-access-token", R"(\bEAA[MC][A-Za-z0-9]{100,})", 3.5);
    // app id|secret: triggered by the separator (a leading 15-digit class run costs a scan of
    // every digit); the validator checks the id before it and the token after it
    r.push_back(secret("facebook-access-token", R"((?:\||%7C)[0-9A-Za-z\-_]{27})", 0.9, [](std::string_view t, Candidate &c) {
        size_t sep = c.end - 27;
        const size_t sepLen = t[sep - 1] == '|' ? 1 : 3;
        sep = c.end - 27 - sepLen;
        size_t idStart = sep;
        while (idStart > 0 && isDigit(t[idStart - 1]) && sep - idStart <= 16)
            --idStart;
        if (sep - idStart < 15 || sep - idStart > 16 || (idStart > 0 && isWordChar(t[idStart - 1])))
            return false;
        size_t end = c.end;
        while (end < t.size() && (isAlnum(t[end]) || t[end] == '-' || t[end] == '_') && end - (sep + sepLen) < 40)
            ++end;
        if (end < t.size() && isWordChar(t[end]))
            return false; // longer than 40: not this token
        c.start = idStart;
        c.end = end;
        const auto v = t.substr(sep + sepLen, end - sep - sepLen);
        return !v.empty() && !isPlaceholderToken(sv(t, c)) && cs::shannonEntropy(sv(t, c)) >= 3.0;
    }));
    r.back().start = StartMode::FromEnd;
    r.back().scan = ScanMode::Native;
    r.back().triggers = "|%";
    r.back().find = [](const TriggerBytes &t, std::vector<size_t> &ends) { NativeTriggers::pipeToken(t, 27, ends); };
    r.push_back(secret("sidekiq-secret", R"(\bBUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\s*[:=]\s*["']?[0-9a-f]{8}:[0-9a-f]{8})", 0.9,
                       [](std::string_view t, Candidate &c) {
                           c.start = c.end - 17;
                           return t.substr(c.start, 17).find(':') == 8;
                       },
                       HS_FLAG_CASELESS));

    r.push_back(secret("sumologic-access-id", R"(\bsumo[\w.\-]{0,20}id["']?\s*[:=]{1,3}\s*["']?su[A-Za-z0-9]{12}\b)", 0.9,
                       [](std::string_view t, Candidate &c) {
                           c.start = c.end - 14;
                           return cs::shannonEntropy(sv(t, c)) >= 3.0;
                       },
                       HS_FLAG_CASELESS));

    // Artifactory API keys and encrypted passwords as detect-secrets finds them: "AKC" or
    // "AP" + a hex digit, standing alone after a space, '=', ':' or a quote
    const auto artifactory = [](std::string_view t, Candidate &c) {
        if (c.start > 0 && std::string_view(" \t\n\r=:\"'").find(t[c.start - 1]) == std::string_view::npos)
            return false;
        while (c.end < t.size() && isAlnum(t[c.end]))
            ++c.end;
        if (c.end < t.size() && std::string_view(" \t\n\r\"'").find(t[c.end]) == std::string_view::npos)
            return false;
        const auto v = sv(t, c);
        const auto body = v.substr(3);
        // an "AKCp" key of full length belongs to the specific rule above, whose entropy check
        // lets a full-length redaction ("AKCpXXXX...") through as documentation
        if (v.substr(0, 4) == "AKCp" && v.size() >= 73)
            return false;
        // a shouted word ("APACHESPARKS") or a CamelCase name ("APDocuments") is not a key
        if (std::all_of(v.begin(), v.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
            return false;
        if (std::all_of(body.begin(), body.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) && !isPlaceholderToken(body))
            return false;
        scorePrefixedToken(body, c);
        return true;
    };
    r.push_back(secret("artifactory-api-key", R"(AKC[A-Za-z0-9]{10})", 0.9, artifactory));
    r.push_back(secret("artifactory-password", R"(AP[0-9A-F][A-Za-z0-9]{8})", 0.9, artifactory));
    // Twilio account SIDs and API key SIDs (lower-case hex-ish body)
    r.push_back(secret("twilio-api-key", R"(\b(?:AC|SK)[a-z0-9]{32}\b)", 0.9, [](std::string_view t, Candidate &c) {
        const auto body = t.substr(c.start + 2, c.end - c.start - 2);
        if (!isPlaceholderToken(body) && cs::shannonEntropy(body) < 3.0)
            return false;
        scorePrefixedToken(body, c);
        return true;
    }));
    // .npmrc registry credentials: //registry/path/:_authToken=value
    r.push_back(secret("npm-access-token", R"(/:_authToken=)", 0.9, [](std::string_view t, Candidate &c) {
        // "//host[/path]/" before the trigger, on the same line
        size_t b = c.end - 13;
        const size_t slash = b;
        bool hostSeen = false;
        while (b > 0 && t[b - 1] != '\n' && t[b - 1] != ' ' && slash - b < 512) {
            if (b >= 2 && t[b - 1] == '/' && t[b - 2] == '/') {
                hostSeen = b < slash;
                break;
            }
            --b;
        }
        if (!hostSeen)
            return false;
        size_t vs = c.end;
        while (vs < t.size() && (t[vs] == ' ' || t[vs] == '\t'))
            ++vs;
        size_t ve = vs;
        if (t.substr(vs, 4) == "npm_") {
            while (ve < t.size() && (isAlnum(t[ve]) || t[ve] == '_'))
                ++ve;
            if (ve - vs < 5)
                return false;
        } else {
            while (ve < t.size() && (isDigit(t[ve]) || t[ve] == '-' || ((t[ve] | 0x20) >= 'a' && (t[ve] | 0x20) <= 'f')))
                ++ve;
            if (ve - vs != 36)
                return false;
        }
        c.start = vs;
        c.end = ve;
        scorePrefixedToken(sv(t, c), c);
        return true;
    }));
    r.back().start = StartMode::FromEnd;
    // SoftLayer API keys in the SOAP endpoint URL
    r.push_back(secret("softlayer-api-key", R"(api\.softlayer\.com/soap/v3(?:\.1)?/[a-z0-9]{64}\b)", 0.9,
                       [](std::string_view t, Candidate &c) {
                           c.start = c.end - 64;
                           return cs::shannonEntropy(sv(t, c)) >= 2.5;
                       },
                       HS_FLAG_CASELESS));
    r.back().start = StartMode::FromEnd;
    // provider-named assignments
    r.push_back(secret("provider-api-key", providerPattern(), 0.8, providerAssignment, HS_FLAG_CASELESS));
    r.back().start = StartMode::FromEnd;

    // Structural credentials
    r.push_back(secret("jwt", R"(\bey[A-Za-z0-9_\-]{10,}\.ey[A-Za-z0-9_\-]{5})", 0.9, jwtValidator));
    r.push_back(secret("private-key", R"(-----BEGIN[ A-Z0-9_\-]{0,40}PRIVATE KEY(?: BLOCK)?-----)", 1.0, privateKeyValidator));
    r.push_back(secret("basic-auth-url", R"(\b[A-Za-z][A-Za-z0-9+.\-]{1,20}://)", 0.8, urlCredentialValidator));
    // the validator reads what follows "://" only: no start to re-match for every URL
    r.back().start = StartMode::FromEnd;
    r.push_back(secret("curl-auth", R"(\bcurl\b)", 0.8, curlValidator));
    r.push_back(secret("authorization-header",
                       R"(\b(?:proxy-)?authorization["']?\s*[:=]\s*["']?(?:basic|bearer|token|digest)\s+[A-Za-z0-9._~+/=\-]{8})", 0.8,
                       [](std::string_view t, Candidate &c) {
                           size_t s = c.end;
                           while (s > c.start && t[s - 1] != ' ' && t[s - 1] != '\t')
                               --s;
                           while (c.end < t.size() && (isAlnum(t[c.end]) || std::string_view("._~+/=-").find(t[c.end]) != std::string_view::npos))
                               ++c.end;
                           const auto v = t.substr(s, c.end - s);
                           if (isPlaceholderValue(v))
                               return false;
                           c.start = s;
                           return true;
                       },
                       HS_FLAG_CASELESS));
    r.back().start = StartMode::FromEnd;
    // keyword = value (gitleaks generic-api-key, detect-secrets KeywordDetector)
    r.push_back(secret("generic-api-key", R"(passw|passphrase|pwd|pass|secret|token|key|auth|credential|creds|bearer|login|\bpw\b|pat\b)", 0.6,
                       keywordAssignment, HS_FLAG_CASELESS));
    r.back().start = StartMode::FromEnd; // the validator grows the identifier around the hit
    // quoted high-entropy strings (detect-secrets Base64/Hex HighEntropyString)
    r.push_back(secret("high-entropy-string", R"(["'][A-Za-z0-9+/=_\-]{20})", 0.5, [](std::string_view t, Candidate &c) {
        // the trigger is the quote and 20 characters: the body runs on to at most 400
        while (c.end < t.size() && c.end - c.start <= 400
               && (isAlnum(t[c.end]) || std::string_view("+/=_-").find(t[c.end]) != std::string_view::npos))
            ++c.end;
        return c.end - c.start <= 401 && highEntropyString(t, c);
    }));
    r.back().start = StartMode::FromEnd;
    r.back().scan = ScanMode::Native; // a quote is in every other line of code
    r.back().triggers = "\"'";
    r.back().find = [](const TriggerBytes &t, std::vector<size_t> &ends) { NativeTriggers::quotedRun(t, 20, ends); };
    return r;
}

std::vector<Recognizer> BuiltinRecognizers::all()
{
    auto r = pii();
    auto s = secrets();
    r.insert(r.end(), std::make_move_iterator(s.begin()), std::make_move_iterator(s.end()));
    return r;
}

} // namespace perimeter::classify
