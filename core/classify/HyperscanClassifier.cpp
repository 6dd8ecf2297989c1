// SPDX-License-Identifier: Apache-2.0
#include "HyperscanClassifier.h"
#include "AsciiBytes.h"
#include "DigitWindows.h"
#include "TextNormalizer.h"
#include <hs/hs.h>
#include <algorithm>
#include <climits>

namespace perimeter::classify {

namespace {

// Offsets fit 32 bits (a scan refuses larger texts, as Hyperscan takes 32-bit lengths): twelve
// bytes a candidate instead of twenty-four, for the tens of thousands a large payload has.
struct RawMatch {
    RawMatch() = default;
    RawMatch(unsigned int i, size_t f, size_t t)
        : id(i)
        , from(uint32_t(f))
        , to(uint32_t(t))
    {
    }
    unsigned int id = 0;
    uint32_t from = 0;
    uint32_t to = 0;
};

struct EndMatch {
    unsigned int id;
    size_t to;
};

struct SpanIndex {
    qint64 start;
    qint64 end;
    uint32_t index; // into the findings before overlap resolution
};

// Sorts `v` by merging its ascending runs pairwise (through `scratch`): linear when the input
// is a handful of sorted runs, as the findings of a scan are (one run per recognizer).
template <typename T, typename Less>
void mergeSortedRuns(std::vector<T> &v, std::vector<T> &scratch, Less less)
{
    std::vector<size_t> bounds{0};
    for (size_t k = 1; k < v.size(); ++k)
        if (less(v[k], v[k - 1]))
            bounds.push_back(k);
    bounds.push_back(v.size());
    while (bounds.size() > 2) {
        scratch.resize(v.size());
        std::vector<size_t> merged{0};
        size_t r = 0;
        for (; r + 2 < bounds.size(); r += 2) {
            std::merge(v.begin() + std::ptrdiff_t(bounds[r]), v.begin() + std::ptrdiff_t(bounds[r + 1]),
                       v.begin() + std::ptrdiff_t(bounds[r + 1]), v.begin() + std::ptrdiff_t(bounds[r + 2]),
                       scratch.begin() + std::ptrdiff_t(bounds[r]), less);
            merged.push_back(bounds[r + 2]);
        }
        if (r + 1 < bounds.size()) { // an odd run left over: copied as it is
            std::copy(v.begin() + std::ptrdiff_t(bounds[r]), v.begin() + std::ptrdiff_t(bounds[r + 1]),
                      scratch.begin() + std::ptrdiff_t(bounds[r]));
            merged.push_back(bounds[r + 1]);
        }
        v.swap(scratch);
        bounds.swap(merged);
    }
}

using Window = DigitWindows::Window;

// Reused across scans on one thread: a scan allocates nothing once these have grown.
struct ScanBuffers {
    std::vector<EndMatch> ends;
    std::vector<RawMatch> raw;
    std::vector<RawMatch> sorted;
    std::vector<RawMatch> confirmed;
    std::vector<EndMatch> pending;
    std::vector<Window> windows;
    std::vector<size_t> bucket;
    std::string compact;
    ContextWords::Scan context;
    std::vector<size_t> nativeEnds;
    std::vector<AnchoredAutomaton::Match> automatonMatches;
    std::vector<uint64_t> seenEnds;
    std::vector<std::pair<size_t, size_t>> startRanges;
    TriggerBytes triggers;
    std::vector<SpanIndex> order;
    std::vector<SpanIndex> orderMerge;
    std::vector<Finding> findings;
    std::vector<Finding *> cluster;
    std::vector<Finding *> clusterKept;
    qint64 limit = 0;
    qint64 count = 0;
    bool overflow = false;
    size_t offset = 0; // added to reported offsets (confirm windows)
};

ScanBuffers &buffers()
{
    thread_local ScanBuffers b;
    return b;
}

int onEnd(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void *ctx)
{
    auto *b = static_cast<ScanBuffers *>(ctx);
    if (++b->count > b->limit) {
        b->overflow = true;
        return 1;
    }
    b->ends.push_back({id, size_t(to)});
    return 0;
}

int onSpan(unsigned int id, unsigned long long from, unsigned long long to, unsigned int, void *ctx)
{
    auto *b = static_cast<ScanBuffers *>(ctx);
    if (++b->count > b->limit) {
        b->overflow = true;
        return 1;
    }
    b->raw.push_back({id, size_t(from), size_t(to)});
    return 0;
}

int onConfirm(unsigned int id, unsigned long long from, unsigned long long to, unsigned int, void *ctx)
{
    auto *b = static_cast<ScanBuffers *>(ctx);
    if (++b->count > b->limit) {
        b->overflow = true;
        return 1;
    }
    b->confirmed.push_back({id, size_t(from) + b->offset, size_t(to) + b->offset});
    return 0;
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
    self->m_context = ContextWords(CompiledDatabases::contextWords(self->m_recognizers));
    self->m_contextWords.reserve(self->m_recognizers.size());
    for (size_t i = 0; i < self->m_recognizers.size(); ++i) {
        std::vector<uint64_t> bits((self->m_context.size() + 63) / 64 + 1, 0);
        for (const auto &w : self->m_recognizers[i].context) {
            std::string lw = w;
            for (char &ch : lw)
                ch = ascii::toLower(ch);
            const size_t k = self->m_context.indexOf(lw);
            if (k >= self->m_context.size())
                continue; // empty
            bits[k >> 6] |= uint64_t(1) << (k & 63);
        }
        self->m_contextWords.push_back(self->m_context.select(bits));
    }
    if (options.hyperscanOnly) {
        for (auto &r : self->m_recognizers)
            if (r.scan == ScanMode::Native || r.scan == ScanMode::StartWindows)
                r.scan = ScanMode::Text;
    }
    auto dbs = CompiledDatabases::obtain(self->m_recognizers, options.hyperscanOnly ? CompiledDatabases::Engines::HyperscanOnly
                                                                                     : CompiledDatabases::Engines::Automata);
    if (!dbs)
        return dbs.error();
    self->m_dbs = dbs.value();
    for (size_t i = 0; i < self->m_recognizers.size(); ++i) {
        const Recognizer &r = self->m_recognizers[i];
        if (r.scan != ScanMode::Native)
            continue;
        const auto &w = self->m_dbs->width(unsigned(i));
        if (!r.find || (r.start != StartMode::FromEnd && w.min != w.max))
            return Error{QStringLiteral("classifier_error"),
                         QStringLiteral("native recognizer needs a finder and a start from its end: ") + r.name};
        self->m_native.push_back(unsigned(i));
    }
    for (size_t i = 0; i < self->m_recognizers.size(); ++i)
        if (self->m_dbs->startAutomaton(unsigned(i)))
            self->m_startWindowed.push_back(unsigned(i));
    for (const unsigned int id : self->m_native)
        self->m_triggerBytes += self->m_recognizers[id].triggers;
    for (const unsigned int id : self->m_startWindowed)
        self->m_triggerBytes += self->m_recognizers[id].triggers;
    // one scratch serves all three databases (they are never scanned at the same time)
    for (hs_database_t *db : {self->m_dbs->text(), self->m_dbs->confirm(), self->m_dbs->digits()}) {
        if (db && hs_alloc_scratch(db, &self->m_prototype) != HS_SUCCESS)
            return Error{QStringLiteral("classifier_error"), QStringLiteral("cannot allocate Hyperscan scratch space")};
    }
    return std::shared_ptr<const HyperscanClassifier>(std::move(self));
}

HyperscanClassifier::~HyperscanClassifier()
{
    for (auto *s : m_pool)
        hs_free_scratch(s);
    if (m_prototype)
        hs_free_scratch(m_prototype);
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
    if (!m_prototype || hs_clone_scratch(m_prototype, &clone) != HS_SUCCESS)
        return nullptr;
    return clone;
}

void HyperscanClassifier::releaseScratch(hs_scratch *scratch) const
{
    std::lock_guard lock(m_poolMutex);
    m_pool.push_back(scratch);
}

double HyperscanClassifier::applyContext(ContextWords::Scan &scan, unsigned int id, const Candidate &c, bool &found) const
{
    found = false;
    const Recognizer &rec = m_recognizers[id];
    if (m_contextWords[id].empty() || (c.score >= 1.0 && !rec.requireContext))
        return c.score;
    const size_t from = c.start > m_options.contextBefore ? c.start - m_options.contextBefore : 0;
    const size_t to = c.end + m_options.contextAfter;
    if (!m_context.anyAround(scan, m_contextWords[id], from, to, c.start, c.end))
        return c.score;
    found = true;
    return std::min(1.0, std::max(c.score + m_options.contextBoost, m_options.minScoreWithContext));
}

Result<Findings> HyperscanClassifier::scan(const QString &text) const
{
    const NormalizedText norm = TextNormalizer::normalize(text);
    const std::string_view bytes(norm.bytes);
    if (bytes.size() > UINT32_MAX) // Hyperscan and the candidate lists take 32-bit offsets
        return Error{QStringLiteral("classifier_error"), QStringLiteral("text too large to scan")};
    ScanBuffers &b = buffers();
    b.ends.clear();
    b.raw.clear();
    b.confirmed.clear();
    b.pending.clear();
    b.windows.clear();
    b.limit = m_options.maxMatches;
    b.count = 0;
    b.overflow = false;
    b.offset = 0;
    m_context.begin(b.context, bytes);

    if (!bytes.empty()) {
        hs_scratch_t *scratch = acquireScratch();
        if (!scratch)
            return Error{QStringLiteral("classifier_error"), QStringLiteral("cannot allocate Hyperscan scratch space")};
        hs_error_t rc = HS_SUCCESS;
        if (m_dbs->text())
            rc = hs_scan(m_dbs->text(), bytes.data(), unsigned(bytes.size()), 0, scratch, onEnd, &b);
        const AnchoredAutomaton *automaton = m_dbs->automaton();
        if (rc == HS_SUCCESS && (automaton || m_dbs->digits())) {
            // only the automaton reads them: they need to reach as far as a match may start
            DigitWindows::find(bytes, b.windows, m_dbs->digits() ? DigitWindows::Reach::Matches : DigitWindows::Reach::Starts);
            if (m_dbs->digits())
                DigitWindows::compact(bytes, b.windows, b.compact);
        }
        if (rc == HS_SUCCESS && m_dbs->digits()) {
            if (!b.compact.empty())
                rc = hs_scan(m_dbs->digits(), b.compact.data(), unsigned(b.compact.size()), 0, scratch, onSpan, &b);
            // back to text offsets (a match never crosses the separator between windows)
            // matches arrive in order of their end, so the window of the previous match is the
            // first guess; a binary search only when it is not
            size_t kept = 0;
            auto w = b.windows.begin();
            for (const auto &m : b.raw) {
                if (w == b.windows.end() || m.from < w->bufferStart || m.from >= w->bufferStart + w->length) {
                    w = std::upper_bound(b.windows.begin(), b.windows.end(), m.from,
                                         [](size_t v, const Window &win) { return v < win.bufferStart; });
                    if (w == b.windows.begin())
                        continue; // on the leading separator: cannot happen for digit patterns
                    --w;
                }
                if (m.to > w->bufferStart + w->length)
                    continue; // across a separator: likewise
                b.raw[kept++] = {m.id, m.from - w->bufferStart + w->textStart, m.to - w->bufferStart + w->textStart};
            }
            b.raw.resize(kept);
        }
        if (rc == HS_SUCCESS && automaton) {
            b.automatonMatches.clear();
            for (const Window &w : b.windows)
                automaton->scanTerminated(norm.bytes, w.textStart, w.textStart + w.length, b.automatonMatches);
            AnchoredAutomaton::keepLeftmost(b.automatonMatches, b.seenEnds);
            b.count += qint64(b.automatonMatches.size());
            if (b.count > b.limit)
                b.overflow = true;
            else
                for (const auto &m : b.automatonMatches)
                    b.raw.push_back({m.id, m.start, m.end});
        }
        // patterns run from the starts their finders name
        if (!m_startWindowed.empty() || !m_native.empty())
            b.triggers.index(bytes, m_triggerBytes);
        for (const unsigned int id : m_startWindowed) {
            const Recognizer &rec = m_recognizers[id];
            b.startRanges.clear();
            rec.startWindows(b.triggers, b.startRanges);
            b.automatonMatches.clear();
            m_dbs->startAutomaton(id)->scan(bytes, b.startRanges, b.automatonMatches);
            AnchoredAutomaton::keepLeftmost(b.automatonMatches, b.seenEnds);
            b.count += qint64(b.automatonMatches.size());
            if (b.count > b.limit) {
                b.overflow = true;
                break;
            }
            for (const auto &m : b.automatonMatches)
                if (!rec.endCheck || rec.endCheck(bytes, m.end))
                    b.raw.push_back({m.id, m.start, m.end});
        }
        // the native triggers report ends like the text pass
        for (const unsigned int id : m_native) {
            b.nativeEnds.clear();
            m_recognizers[id].find(b.triggers, b.nativeEnds);
            b.count += qint64(b.nativeEnds.size());
            if (b.count > b.limit) {
                b.overflow = true;
                break;
            }
            for (const size_t end : b.nativeEnds)
                b.ends.push_back({id, end});
        }
        // starts of Text-mode and native matches
        for (const auto &e : b.ends) {
            const Recognizer &rec = m_recognizers[e.id];
            if (rec.endCheck && !rec.endCheck(bytes, e.to))
                continue;
            const auto &w = m_dbs->width(e.id);
            if (m_dbs->needsConfirm(e.id)) {
                b.pending.push_back(e);
                continue;
            }
            const size_t width = rec.start == StartMode::FromEnd ? w.min : w.max;
            b.raw.push_back({e.id, e.to >= width ? e.to - width : 0, e.to});
        }
        if (rc == HS_SUCCESS && !b.pending.empty()) {
            // one leftmost-start re-match per cluster of nearby ends
            constexpr size_t kCap = 8192;
            size_t i = 0;
            while (i < b.pending.size() && rc == HS_SUCCESS) {
                const auto reach = [&](const EndMatch &e) {
                    const size_t w = std::min<size_t>(m_dbs->width(e.id).max, kCap) + 1;
                    return e.to > w ? e.to - w : 0;
                };
                size_t ws = reach(b.pending[i]);
                size_t we = b.pending[i].to;
                size_t j = i + 1;
                while (j < b.pending.size() && reach(b.pending[j]) <= we) {
                    ws = std::min(ws, reach(b.pending[j]));
                    we = std::max(we, b.pending[j].to);
                    ++j;
                }
                b.confirmed.clear();
                b.offset = ws;
                rc = hs_scan(m_dbs->confirm(), bytes.data() + ws, unsigned(we - ws), 0, scratch, onConfirm, &b);
                const auto byEnd = [](const RawMatch &x, const RawMatch &y) { return x.to != y.to ? x.to < y.to : x.id < y.id; };
                std::sort(b.confirmed.begin(), b.confirmed.end(), byEnd);
                for (size_t k = i; k < j; ++k) {
                    const RawMatch key{b.pending[k].id, 0, b.pending[k].to};
                    const auto it = std::lower_bound(b.confirmed.begin(), b.confirmed.end(), key, byEnd);
                    if (it != b.confirmed.end() && it->id == key.id && it->to == key.to)
                        b.raw.push_back(*it);
                }
                i = j;
            }
        }
        releaseScratch(scratch);
        if (b.overflow) {
            b = ScanBuffers{}; // up to maxMatches entries: not kept for the next scan
            return Error{QStringLiteral("classifier_error"), QStringLiteral("too many candidate matches")};
        }
        if (rc != HS_SUCCESS)
            return Error{QStringLiteral("classifier_error"), QStringLiteral("Hyperscan scan failed (%1)").arg(rc)};
    }

    // group by recognizer (counting sort), then by start, longest first within a start
    const size_t nrec = m_recognizers.size();
    b.bucket.assign(nrec + 1, 0);
    for (const auto &m : b.raw)
        ++b.bucket[m.id + 1];
    for (size_t k = 1; k <= nrec; ++k)
        b.bucket[k] += b.bucket[k - 1];
    b.sorted.resize(b.raw.size());
    {
        std::vector<size_t> &next = b.bucket;
        for (const auto &m : b.raw)
            b.sorted[next[m.id]++] = m;
        // next[k] is now the end of bucket k, i.e. the start of bucket k + 1
        for (size_t k = 0; k < nrec; ++k) {
            const size_t begin = k == 0 ? 0 : next[k - 1];
            const auto byStart = [](const RawMatch &x, const RawMatch &y) { return x.from != y.from ? x.from < y.from : x.to > y.to; };
            // most buckets arrive in order already (fixed-width ends, automaton starts)
            const auto first = b.sorted.begin() + qptrdiff(begin), last = b.sorted.begin() + qptrdiff(next[k]);
            if (next[k] - begin > 1 && !std::is_sorted(first, last, byStart))
                std::sort(first, last, byStart);
        }
    }

    // made here, then moved into the result in text order: a vector the thread keeps (a QList
    // checked for sharing on every access and was allocated for every scan)
    std::vector<Finding> &findings = b.findings;
    findings.clear();
    findings.reserve(std::min<size_t>(b.sorted.size(), 1 << 16));
    const auto &matches = b.sorted;
    size_t i = 0;
    while (i < matches.size()) {
        const unsigned int id = matches[i].id;
        const Recognizer &rec = m_recognizers[id];
        size_t coveredUntil = 0;
        size_t lastStart = SIZE_MAX, lastEnd = 0;
        bool any = false;
        while (i < matches.size() && matches[i].id == id) {
            const size_t from = matches[i].from;
            size_t j = i;
            while (j < matches.size() && matches[j].id == id && matches[j].from == from)
                ++j;
            const bool wanted = !any || from >= coveredUntil;
            // no context word around the longest match: none around the shorter ones either
            // (they differ only in digits at the end), so the group is dropped at its first
            // valid candidate, looking the words up once (validators are cheaper than lookups,
            // and most weak candidates fail them)
            bool contextUnchecked = rec.requireContext && rec.start == StartMode::Leftmost;
            if (wanted) {
                for (size_t k = i; k < j; ++k) { // longest first
                    Candidate c{from, matches[k].to, rec.score, {}}; // the recognizer's subtype unless one is set
                    if (rec.validate && !rec.validate(bytes, c))
                        continue;
                    if (c.end <= c.start || c.end > bytes.size())
                        continue;
                    if (contextUnchecked) {
                        bool seen = false;
                        applyContext(b.context, id, Candidate{from, matches[i].to, 0.0, {}}, seen);
                        if (!seen)
                            break;
                        contextUnchecked = false;
                    }
                    coveredUntil = std::max(size_t(matches[k].to), c.end);
                    any = true;
                    if (c.start == lastStart && c.end == lastEnd)
                        break; // triggers of one entity (FromEnd) validate to the same span
                    lastStart = c.start;
                    lastEnd = c.end;
                    bool contextSeen = false;
                    c.score = applyContext(b.context, id, c, contextSeen);
                    if (rec.requireContext && !contextSeen)
                        break;
                    Finding f;
                    f.type = rec.type;
                    f.subtype = c.subtype.isNull() ? rec.subtype : std::move(c.subtype);
                    norm.toOriginal(c.start, c.end, f.start, f.end);
                    f.score = c.score;
                    f.recognizer = rec.name;
                    if (f.end > f.start)
                        findings.push_back(std::move(f));
                    break;
                }
            }
            i = j;
        }
    }

    // Overlap resolution. Same type: one finding per region (highest score, then longest).
    // Different types: a finding strictly inside a longer finding that scores at least as high
    // is a fragment of it (digits of a card read as a phone number), except inside a URL, which
    // legitimately contains addresses, e-mails and secrets. Resolved per cluster of overlapping
    // findings, so the cost stays linear in the number of separate regions. Findings are
    // ordered through their indices and moved, not copied, into the result.
    b.order.clear();
    b.order.reserve(findings.size());
    for (size_t k = 0; k < findings.size(); ++k)
        b.order.push_back({findings[k].start, findings[k].end, uint32_t(k)});
    const auto bySpan = [](const SpanIndex &x, const SpanIndex &y) {
        return x.start != y.start ? x.start < y.start : x.end != y.end ? x.end < y.end : x.index < y.index;
    };
    // each recognizer's findings come in order of start, so the list is a few sorted runs:
    // merged pairwise (the result is the one order bySpan defines, as a sort would give)
    mergeSortedRuns(b.order, b.orderMerge, bySpan);
    Findings kept;
    kept.reserve(qsizetype(findings.size()));
    std::vector<Finding *> &cluster = b.cluster;
    std::vector<Finding *> &clusterKept = b.clusterKept;
    cluster.clear();
    const auto resolve = [&]() {
        if (cluster.size() == 1) {
            kept.push_back(std::move(*cluster.front()));
            return;
        }
        // Strongest first. Ties fall back to the order the findings were made in (their place in
        // `findings`): a total order, so std::sort gives what a stable sort of the span-ordered
        // cluster would, without the stable sort's buffer allocated for every cluster.
        const auto strongerFirst = [](const Finding *x, const Finding *y) {
            if (x->score != y->score)
                return x->score > y->score;
            if ((x->end - x->start) != (y->end - y->start))
                return (x->end - x->start) > (y->end - y->start);
            if (x->start != y->start)
                return x->start < y->start;
            return std::less<const Finding *>()(x, y);
        };
        std::sort(cluster.begin(), cluster.end(), strongerFirst);
        clusterKept.clear();
        for (Finding *f : cluster) {
            bool drop = false;
            for (const Finding *k : clusterKept) {
                if (!(f->start < k->end && k->start < f->end))
                    continue;
                if (k->type == f->type) {
                    drop = true;
                    break;
                }
                // the same token validated by a checksum (score 1) is not also a format-only guess
                // of another type (a DEA number is not an Italian passport)
                if (f->start == k->start && f->end == k->end && k->score >= 1.0 && f->score < 0.5
                    && f->type != QLatin1String("SECRET")) {
                    drop = true;
                    break;
                }
                const bool inside = f->start >= k->start && f->end <= k->end && (f->end - f->start) < (k->end - k->start);
                // a credential is never a fragment of something else: it decides the level
                if (inside && k->type != QLatin1String("URL") && f->type != QLatin1String("SECRET")) {
                    drop = true;
                    break;
                }
            }
            if (!drop)
                clusterKept.push_back(f);
        }
        // in text order; the same span keeps the strongest-first order it was kept in
        std::sort(clusterKept.begin(), clusterKept.end(), [&](const Finding *x, const Finding *y) {
            if (x->start != y->start || x->end != y->end)
                return x->start != y->start ? x->start < y->start : x->end < y->end;
            return strongerFirst(x, y);
        });
        for (Finding *f : clusterKept)
            kept.push_back(std::move(*f));
    };
    qint64 clusterEnd = -1;
    for (const SpanIndex &o : b.order) {
        if (!cluster.empty() && o.start >= clusterEnd) {
            resolve();
            cluster.clear();
        }
        cluster.push_back(&findings[o.index]);
        clusterEnd = std::max(clusterEnd, o.end);
    }
    if (!cluster.empty())
        resolve();
    if (bytes.size() > (size_t(4) << 20))
        b = ScanBuffers{}; // one huge payload should not pin its buffers to the thread
    return kept;
}

} // namespace perimeter::classify
