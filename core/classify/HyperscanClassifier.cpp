// SPDX-License-Identifier: Apache-2.0
#include "HyperscanClassifier.h"
#include "TextNormalizer.h"
#include <hs/hs.h>
#include <algorithm>

namespace perimeter::classify {

namespace {

struct RawMatch {
    unsigned int id;
    size_t from;
    size_t to;
};

struct MatchSink {
    std::vector<RawMatch> *matches;
    qint64 limit;
    bool overflow = false;
};

int onMatch(unsigned int id, unsigned long long from, unsigned long long to, unsigned int, void *ctx)
{
    auto *sink = static_cast<MatchSink *>(ctx);
    if (qint64(sink->matches->size()) >= sink->limit) {
        sink->overflow = true;
        return 1; // stop scanning
    }
    sink->matches->push_back({id, size_t(from), size_t(to)});
    return 0;
}

bool isWordByte(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

bool containsWordAt(std::string_view hay, size_t pos, std::string_view word)
{
    if (pos + word.size() > hay.size())
        return false;
    for (size_t k = 0; k < word.size(); ++k)
        if (lower(hay[pos + k]) != word[k])
            return false;
    return pos == 0 || !isWordByte(hay[pos - 1]) || !isWordByte(word.front());
}

} // namespace

QString HyperscanClassifier::checkPattern(const std::string &pattern, unsigned int flags)
{
    hs_database_t *db = nullptr;
    hs_compile_error_t *err = nullptr;
    if (hs_compile(pattern.c_str(), flags | HS_FLAG_SOM_LEFTMOST, HS_MODE_BLOCK, nullptr, &db, &err) != HS_SUCCESS) {
        QString message = err && err->message ? QString::fromUtf8(err->message) : QStringLiteral("unknown error");
        hs_free_compile_error(err);
        return message;
    }
    hs_free_database(db);
    return {};
}

Result<std::shared_ptr<const HyperscanClassifier>> HyperscanClassifier::create(std::vector<Recognizer> recognizers, Options options)
{
    if (recognizers.empty())
        return Error{QStringLiteral("classifier_error"), QStringLiteral("no recognizers to compile")};
    std::shared_ptr<HyperscanClassifier> self(new HyperscanClassifier());
    self->m_recognizers = std::move(recognizers);
    self->m_options = options;

    std::vector<const char *> patterns;
    std::vector<unsigned int> flags;
    std::vector<unsigned int> ids;
    for (size_t i = 0; i < self->m_recognizers.size(); ++i) {
        patterns.push_back(self->m_recognizers[i].pattern.c_str());
        flags.push_back(self->m_recognizers[i].flags | HS_FLAG_SOM_LEFTMOST);
        ids.push_back(unsigned(i));
    }
    hs_compile_error_t *err = nullptr;
    if (hs_compile_multi(patterns.data(), flags.data(), ids.data(), unsigned(patterns.size()), HS_MODE_BLOCK, nullptr,
                         &self->m_db, &err)
        != HS_SUCCESS) {
        QString where;
        if (err && err->expression >= 0 && size_t(err->expression) < self->m_recognizers.size()) {
            where = self->m_recognizers[size_t(err->expression)].name + QStringLiteral(": ");
        } else {
            // database-wide errors name no expression: find the offending patterns one by one
            for (const auto &rec : self->m_recognizers)
                if (!checkPattern(rec.pattern, rec.flags).isEmpty())
                    where += rec.name + QStringLiteral(": ");
        }
        const QString message = where + (err && err->message ? QString::fromUtf8(err->message) : QStringLiteral("unknown error"));
        hs_free_compile_error(err);
        return Error{QStringLiteral("classifier_error"), QStringLiteral("pattern compilation failed: ") + message};
    }
    if (hs_alloc_scratch(self->m_db, &self->m_prototype) != HS_SUCCESS)
        return Error{QStringLiteral("classifier_error"), QStringLiteral("cannot allocate Hyperscan scratch space")};
    return std::shared_ptr<const HyperscanClassifier>(std::move(self));
}

HyperscanClassifier::~HyperscanClassifier()
{
    for (auto *s : m_pool)
        hs_free_scratch(s);
    if (m_prototype)
        hs_free_scratch(m_prototype);
    if (m_db)
        hs_free_database(m_db);
}

hs_scratch *HyperscanClassifier::acquireScratch() const
{
    {
        std::lock_guard lock(m_poolMutex);
        if (!m_pool.empty()) {
            auto *s = m_pool.back();
            m_pool.pop_back();
            return s;
        }
    }
    hs_scratch_t *clone = nullptr;
    if (hs_clone_scratch(m_prototype, &clone) != HS_SUCCESS)
        return nullptr;
    return clone;
}

void HyperscanClassifier::releaseScratch(hs_scratch *scratch) const
{
    std::lock_guard lock(m_poolMutex);
    m_pool.push_back(scratch);
}

double HyperscanClassifier::applyContext(std::string_view text, const Recognizer &rec, const Candidate &c) const
{
    if (rec.context.empty())
        return c.score;
    const size_t from = c.start > m_options.contextBefore ? c.start - m_options.contextBefore : 0;
    const size_t to = std::min(text.size(), c.end + m_options.contextAfter);
    for (const auto &word : rec.context) {
        for (size_t p = from; p + word.size() <= to; ++p) {
            if (p >= c.start && p < c.end)
                continue; // the value itself is not its own context
            if (containsWordAt(text, p, word))
                return std::min(1.0, std::max(c.score + m_options.contextBoost, m_options.minScoreWithContext));
        }
    }
    return c.score;
}

Result<Findings> HyperscanClassifier::scan(const QString &text) const
{
    const NormalizedText norm = TextNormalizer::normalize(text);
    const std::string_view bytes(norm.bytes);
    std::vector<RawMatch> matches;
    if (!bytes.empty()) {
        hs_scratch_t *scratch = acquireScratch();
        if (!scratch)
            return Error{QStringLiteral("classifier_error"), QStringLiteral("cannot allocate Hyperscan scratch space")};
        MatchSink sink{&matches, m_options.maxMatches};
        const hs_error_t rc = hs_scan(m_db, bytes.data(), unsigned(bytes.size()), 0, scratch, onMatch, &sink);
        releaseScratch(scratch);
        if (sink.overflow)
            return Error{QStringLiteral("classifier_error"), QStringLiteral("too many candidate matches")};
        if (rc != HS_SUCCESS)
            return Error{QStringLiteral("classifier_error"), QStringLiteral("Hyperscan scan failed (%1)").arg(rc)};
    }

    std::sort(matches.begin(), matches.end(), [](const RawMatch &a, const RawMatch &b) {
        if (a.id != b.id)
            return a.id < b.id;
        if (a.from != b.from)
            return a.from < b.from;
        return a.to > b.to;
    });

    struct Accepted {
        Candidate c;
        unsigned int id;
    };
    std::vector<Accepted> accepted;
    size_t i = 0;
    while (i < matches.size()) {
        const unsigned int id = matches[i].id;
        const Recognizer &rec = m_recognizers[id];
        size_t coveredUntil = 0;
        bool any = false;
        while (i < matches.size() && matches[i].id == id) {
            const size_t from = matches[i].from;
            size_t j = i;
            while (j < matches.size() && matches[j].id == id && matches[j].from == from)
                ++j;
            if (!any || from >= coveredUntil) {
                for (size_t k = i; k < j; ++k) { // longest first
                    Candidate c{from, matches[k].to, rec.score, rec.subtype};
                    if (rec.validate && !rec.validate(bytes, c))
                        continue;
                    if (c.end <= c.start || c.end > bytes.size())
                        continue;
                    c.score = applyContext(bytes, rec, c);
                    coveredUntil = std::max(matches[k].to, c.end);
                    any = true;
                    accepted.push_back({std::move(c), id});
                    break;
                }
            }
            i = j;
        }
    }

    Findings findings;
    findings.reserve(qsizetype(accepted.size()));
    for (const auto &a : accepted) {
        const Recognizer &rec = m_recognizers[a.id];
        Finding f;
        f.type = rec.type;
        f.subtype = a.c.subtype;
        norm.toOriginal(a.c.start, a.c.end, f.start, f.end);
        f.score = a.c.score;
        f.recognizer = rec.name;
        if (f.end > f.start)
            findings.push_back(std::move(f));
    }

    // Overlap resolution. Same type: one finding per region (highest score, then longest).
    // Different types: a finding strictly inside a longer finding that scores at least as high
    // is a fragment of it (digits of a card read as a phone number), except inside a URL, which
    // legitimately contains addresses, e-mails and secrets.
    std::sort(findings.begin(), findings.end(), [](const Finding &a, const Finding &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return (a.end - a.start) > (b.end - b.start);
    });
    Findings kept;
    for (const auto &f : findings) {
        bool drop = false;
        for (const auto &k : kept) {
            const bool overlap = f.start < k.end && k.start < f.end;
            if (!overlap)
                continue;
            if (k.type == f.type) {
                drop = true;
                break;
            }
            const bool inside = f.start >= k.start && f.end <= k.end && (f.end - f.start) < (k.end - k.start);
            // a credential is never a fragment of something else: it decides the level
            if (inside && k.type != QLatin1String("URL") && f.type != QLatin1String("SECRET")) {
                drop = true;
                break;
            }
        }
        if (!drop)
            kept.push_back(f);
    }
    // A lower-scored longer finding may still swallow shorter ones of other types: handled above
    // only for higher scores, which keeps e.g. a weak bank number from hiding a strong phone.
    std::sort(kept.begin(), kept.end(), [](const Finding &a, const Finding &b) {
        if (a.start != b.start)
            return a.start < b.start;
        return a.end < b.end;
    });
    return kept;
}

} // namespace perimeter::classify
