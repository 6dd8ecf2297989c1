// SPDX-License-Identifier: Apache-2.0
#include "AnchoredAutomaton.h"
#include "PatternSubset.h"
#include "AsciiBytes.h"
#include <algorithm>
#include <bitset>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace perimeter::classify {

namespace {

using Node = PatternSubset::Node;
using Bytes = std::bitset<256>;

constexpr size_t kMaxPositions = 20000;
constexpr size_t kMaxStates = 28000; // row offsets (state * classes, at most 256 classes), negated on accepting transitions, fit int32_t
constexpr int32_t kDead = 0;
constexpr int32_t kStartAtBoundary = 1;
constexpr int32_t kStartInside = 2;

struct Unsupported : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A position: one occurrence of a class in the (repeat-expanded) pattern.
struct Entry {
    uint32_t position;
    bool boundary; // first: a word boundary before it at the match start; last: after it at the end
};

struct Fragment {
    bool nullable = true;
    bool hasPositions = false;
    std::vector<Entry> first;
    std::vector<Entry> last;
};

struct Positions {
    std::vector<Bytes> bytes;
    std::vector<unsigned int> pattern;
    std::vector<std::vector<uint32_t>> follow;
};

class Glushkov {
public:
    Glushkov(Positions &out, unsigned int pattern)
        : m_out(out)
        , m_pattern(pattern)
    {
    }

    Fragment build(const Node &n)
    {
        switch (n.kind) {
        case Node::Kind::Class: {
            if (m_out.bytes.size() >= kMaxPositions)
                throw Unsupported("too many positions");
            const auto p = uint32_t(m_out.bytes.size());
            m_out.bytes.push_back(n.bytes);
            m_out.pattern.push_back(m_pattern);
            m_out.follow.emplace_back();
            Fragment f;
            f.nullable = false;
            f.hasPositions = true;
            f.first.push_back({p, false});
            f.last.push_back({p, false});
            return f;
        }
        case Node::Kind::Alternation: {
            Fragment f;
            f.nullable = false;
            for (const Node &c : n.children) {
                Fragment g = build(c);
                f.nullable = f.nullable || g.nullable;
                f.hasPositions = f.hasPositions || g.hasPositions;
                f.first.insert(f.first.end(), g.first.begin(), g.first.end());
                f.last.insert(f.last.end(), g.last.begin(), g.last.end());
            }
            return f;
        }
        case Node::Kind::Sequence: {
            Fragment f;
            bool leading = false;
            bool trailing = false;
            for (const Node &c : n.children) {
                if (c.kind == Node::Kind::WordBoundary) {
                    if (!f.hasPositions)
                        leading = true;
                    else
                        trailing = true;
                    continue;
                }
                if (trailing)
                    throw Unsupported("\\b inside a pattern");
                concat(f, build(c));
            }
            if (leading)
                for (auto &e : f.first)
                    e.boundary = true;
            if (trailing)
                for (auto &e : f.last)
                    e.boundary = true;
            if (leading && !f.hasPositions)
                throw Unsupported("\\b alone");
            return f;
        }
        case Node::Kind::Repeat: {
            const Node &child = n.children.front();
            Fragment f;
            for (int k = 0; k < n.min; ++k)
                concat(f, checked(build(child)));
            if (n.max < 0) {
                Fragment star = checked(build(child));
                for (const auto &x : star.last)
                    for (const auto &y : star.first)
                        m_out.follow[x.position].push_back(y.position);
                star.nullable = true;
                concat(f, std::move(star));
            } else {
                for (int k = n.min; k < n.max; ++k) {
                    Fragment opt = checked(build(child));
                    opt.nullable = true;
                    concat(f, std::move(opt));
                }
            }
            return f;
        }
        case Node::Kind::WordBoundary:
            break;
        }
        throw Unsupported("\\b inside a group");
    }

private:
    // A \b is only supported at the pattern's edges: none may sit on these entries.
    static void noBoundary(const std::vector<Entry> &entries, const char *where)
    {
        for (const auto &e : entries)
            if (e.boundary)
                throw Unsupported(where);
    }

    static Fragment checked(Fragment f)
    {
        noBoundary(f.first, "\\b inside a repeat");
        noBoundary(f.last, "\\b inside a repeat");
        return f;
    }

    void concat(Fragment &a, Fragment b)
    {
        if (!b.hasPositions) {
            a.nullable = a.nullable && b.nullable;
            return;
        }
        if (a.hasPositions) {
            noBoundary(b.first, "\\b inside a pattern");
            noBoundary(a.last, "\\b inside a pattern");
        }
        for (const auto &x : a.last)
            for (const auto &y : b.first)
                m_out.follow[x.position].push_back(y.position);
        std::vector<Entry> first = a.first;
        if (a.nullable)
            first.insert(first.end(), b.first.begin(), b.first.end());
        std::vector<Entry> last = b.last;
        if (b.nullable)
            last.insert(last.end(), a.last.begin(), a.last.end());
        a.first = std::move(first);
        a.last = std::move(last);
        a.nullable = a.nullable && b.nullable;
        a.hasPositions = true;
    }

    Positions &m_out;
    unsigned int m_pattern;
};

struct VectorHash {
    size_t operator()(const std::vector<uint32_t> &v) const
    {
        size_t h = v.size();
        for (uint32_t x : v)
            h = h * 1000003u ^ x;
        return h;
    }
};

} // namespace

std::shared_ptr<const AnchoredAutomaton> AnchoredAutomaton::build(const std::vector<Pattern> &patterns, std::vector<size_t> &rejected)
{
    Positions pos;
    std::vector<Entry> starts;              // first positions of all patterns
    std::vector<uint8_t> lastFlag;          // per position: 0 not last, 1 last, 2 last needing a boundary after
    std::vector<size_t> accepted;
    for (size_t i = 0; i < patterns.size(); ++i) {
        const auto tree = PatternSubset::parse(patterns[i].pattern, patterns[i].flags);
        if (!tree) {
            rejected.push_back(i);
            continue;
        }
        Positions trial = pos;
        try {
            Glushkov g(trial, patterns[i].id);
            Fragment f = g.build(*tree);
            if (f.nullable || !f.hasPositions)
                throw Unsupported("matches the empty string");
            pos = std::move(trial);
            starts.insert(starts.end(), f.first.begin(), f.first.end());
            lastFlag.resize(pos.bytes.size(), 0);
            for (const auto &e : f.last) // last both with and without a boundary after: without wins
                lastFlag[e.position] = !e.boundary ? 1 : (lastFlag[e.position] == 1 ? 1 : 2);
            accepted.push_back(i);
        } catch (const Unsupported &) {
            rejected.push_back(i);
        }
    }
    if (accepted.empty())
        return nullptr;
    lastFlag.resize(pos.bytes.size(), 0);

    // none of them is run here: all go back to the caller, for Hyperscan
    const auto rejectAll = [&]() -> std::shared_ptr<const AnchoredAutomaton> {
        rejected.insert(rejected.end(), accepted.begin(), accepted.end());
        std::sort(rejected.begin(), rejected.end());
        return nullptr;
    };

    std::shared_ptr<AnchoredAutomaton> self(new AnchoredAutomaton());
    // byte classes: bytes that no position tells apart share a column of the table
    {
        std::map<std::vector<bool>, size_t> ids;
        for (unsigned b = 0; b < 256; ++b) {
            std::vector<bool> sig(pos.bytes.size());
            for (size_t p = 0; p < pos.bytes.size(); ++p)
                sig[p] = pos.bytes[p].test(b);
            auto [it, inserted] = ids.emplace(std::move(sig), ids.size());
            if (it->second > 255)
                return rejectAll(); // cannot happen with 256 bytes; kept for the uint8_t below
            self->m_classOf[b] = uint8_t(it->second);
        }
        self->m_classes = ids.size();
    }
    std::vector<unsigned char> representative(self->m_classes);
    for (int b = 255; b >= 0; --b)
        representative[self->m_classOf[b]] = static_cast<unsigned char>(b);

    for (auto &f : pos.follow) {
        std::sort(f.begin(), f.end());
        f.erase(std::unique(f.begin(), f.end()), f.end());
    }

    // subset construction; states 0 (dead), 1 and 2 (the starts) have no positions
    std::vector<std::vector<uint32_t>> sets(3);
    std::unordered_map<std::vector<uint32_t>, int32_t, VectorHash> index;
    index[{}] = kDead;
    const size_t classes = self->m_classes;
    std::vector<int32_t> next(3 * classes, kDead);
    const auto intern = [&](std::vector<uint32_t> &&set) -> int32_t {
        if (set.empty())
            return kDead;
        auto it = index.find(set);
        if (it != index.end())
            return it->second;
        if (sets.size() >= kMaxStates)
            throw Unsupported("automaton too large");
        const auto id = int32_t(sets.size());
        index.emplace(set, id);
        sets.push_back(std::move(set));
        next.resize(sets.size() * classes, kDead);
        return id;
    };
    try {
        std::vector<uint32_t> scratch;
        for (int32_t start : {kStartAtBoundary, kStartInside}) {
            for (size_t c = 0; c < classes; ++c) {
                scratch.clear();
                for (const auto &e : starts)
                    if (pos.bytes[e.position].test(representative[c]) && (start == kStartAtBoundary || !e.boundary))
                        scratch.push_back(e.position);
                std::sort(scratch.begin(), scratch.end());
                scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
                const int32_t to = intern(std::vector<uint32_t>(scratch));
                next[size_t(start) * classes + c] = to;
            }
        }
        std::vector<uint32_t> reachable;
        for (size_t s = 3; s < sets.size(); ++s) {
            // the positions that may follow any of this state's, once; then one filter per class
            reachable.clear();
            for (uint32_t p : sets[s])
                reachable.insert(reachable.end(), pos.follow[p].begin(), pos.follow[p].end());
            std::sort(reachable.begin(), reachable.end());
            reachable.erase(std::unique(reachable.begin(), reachable.end()), reachable.end());
            for (size_t c = 0; c < classes; ++c) {
                scratch.clear();
                for (uint32_t q : reachable)
                    if (pos.bytes[q].test(representative[c]))
                        scratch.push_back(q);
                const int32_t to = intern(std::vector<uint32_t>(scratch));
                next[s * classes + c] = to;
            }
        }
    } catch (const Unsupported &) {
        return rejectAll(); // the automaton would be too large
    }

    // what each state accepts: patterns with a last position in it, unconditionally first
    self->m_acceptBegin.resize(sets.size());
    self->m_acceptBoundary.resize(sets.size());
    self->m_acceptEnd.resize(sets.size());
    for (size_t s = 0; s < sets.size(); ++s) {
        std::vector<unsigned int> always, atBoundary;
        for (uint32_t p : sets[s]) {
            if (lastFlag[p] == 1)
                always.push_back(pos.pattern[p]);
            else if (lastFlag[p] == 2)
                atBoundary.push_back(pos.pattern[p]);
        }
        for (auto *v : {&always, &atBoundary}) {
            std::sort(v->begin(), v->end());
            v->erase(std::unique(v->begin(), v->end()), v->end());
        }
        // a pattern accepted unconditionally need not be checked again at a boundary
        atBoundary.erase(std::remove_if(atBoundary.begin(), atBoundary.end(),
                                        [&](unsigned int id) { return std::binary_search(always.begin(), always.end(), id); }),
                         atBoundary.end());
        self->m_acceptBegin[s] = uint32_t(self->m_accepts.size());
        self->m_accepts.insert(self->m_accepts.end(), always.begin(), always.end());
        self->m_acceptBoundary[s] = uint32_t(self->m_accepts.size());
        self->m_accepts.insert(self->m_accepts.end(), atBoundary.begin(), atBoundary.end());
        self->m_acceptEnd[s] = uint32_t(self->m_accepts.size());
    }
    // a transition into a state that accepts something is stored negated, so the run tests the
    // accept tables only where there is something to report
    for (auto &to : next)
        if (to != kDead && self->m_acceptBegin[size_t(to)] != self->m_acceptEnd[size_t(to)])
            to = -to;
    // a NUL kills a run in every state when no pattern reads one: then a std::string's
    // terminator ends every run, and scanTerminated() needs no test for the end per step
    self->m_nulIsDead = true;
    for (size_t st = 0; st < sets.size(); ++st)
        self->m_nulIsDead = self->m_nulIsDead && next[st * classes + self->m_classOf[0]] == kDead;
    // Each entry holds the offset of the target's row (state * classes), not its number: a step
    // is then a load and an add, with no multiply in the chain of dependent loads that a run
    // through an identifier is.
    self->m_next.resize(next.size());
    for (size_t k = 0; k < next.size(); ++k)
        self->m_next[k] = next[k] * int32_t(classes);
    std::sort(rejected.begin(), rejected.end());
    return self;
}

namespace {
inline bool isWordByte(unsigned char c) { return ascii::isWordChar(char(c)); }
} // namespace

template <bool Bounded>
void AnchoredAutomaton::run(std::string_view text, size_t from, size_t to, std::vector<Match> &out) const
{
    const auto *t = reinterpret_cast<const unsigned char *>(text.data());
    const size_t n = text.size();
    to = std::min(to, n);
    const size_t classes = m_classes;
    const int32_t *next = m_next.data();
    const size_t atBoundary = size_t(kStartAtBoundary) * classes, inside = size_t(kStartInside) * classes;
    bool before = from > 0 && isWordByte(t[from - 1]);
    for (size_t p = from; p < to; ++p) {
        const bool here = isWordByte(t[p]);
        int32_t s = next[(before != here ? atBoundary : inside) + m_classOf[t[p]]];
        before = here;
        size_t i = p + 1;
        size_t appended = 0;
        while (s != kDead) {
            if (s < 0) {
                s = -s;
                const size_t state = size_t(s) / classes; // accepting transitions are rare
                const uint32_t a = m_acceptBegin[state], b = m_acceptBoundary[state], e = m_acceptEnd[state];
                for (uint32_t k = a; k < b; ++k, ++appended)
                    out.push_back({m_accepts[k], p, i});
                if (b != e && isWordByte(t[i - 1]) != (i < n && isWordByte(t[i])))
                    for (uint32_t k = b; k < e; ++k, ++appended)
                        out.push_back({m_accepts[k], p, i});
            }
            if (Bounded && i >= n)
                break;
            s = next[size_t(s) + m_classOf[t[i]]];
            ++i;
        }
        // longest first within a start, the order the classifier groups candidates in
        if (appended > 1)
            std::reverse(out.end() - std::ptrdiff_t(appended), out.end());
    }
}

void AnchoredAutomaton::scan(std::string_view text, size_t from, size_t to, std::vector<Match> &out) const
{
    run<true>(text, from, to, out);
}

void AnchoredAutomaton::scanTerminated(const std::string &text, size_t from, size_t to, std::vector<Match> &out) const
{
    // the terminator is the end test: every run that reaches it dies there
    if (m_nulIsDead)
        run<false>(text, from, to, out);
    else
        run<true>(text, from, to, out);
}

void AnchoredAutomaton::scan(std::string_view text, std::vector<std::pair<size_t, size_t>> &ranges, std::vector<Match> &out) const
{
    std::sort(ranges.begin(), ranges.end());
    size_t done = 0;
    for (const auto &[from, to] : ranges) {
        const size_t lo = std::max(from, done);
        const size_t hi = std::min(to, text.size());
        if (lo < hi)
            scan(text, lo, hi, out);
        done = std::max(done, hi);
    }
}

namespace {
// Open addressing on (id, end): a power of two at least twice the entries. Keys are 32 bits
// where ids and ends allow it (half the table to clear and to miss in), 64 bits otherwise.
template <typename Key>
void keepFirstPerKey(std::vector<AnchoredAutomaton::Match> &matches, std::vector<Key> &table, int idShift)
{
    size_t capacity = 16;
    while (capacity < matches.size() * 2)
        capacity <<= 1;
    constexpr Key kEmpty = ~Key(0);
    table.assign(capacity, kEmpty);
    const size_t mask = capacity - 1;
    size_t kept = 0;
    for (const auto &m : matches) {
        const Key key = Key(m.id) << idShift | Key(m.end);
        size_t slot = size_t((uint64_t(key) * 0x9E3779B97F4A7C15ull) >> 20) & mask;
        bool seen = false;
        while (table[slot] != kEmpty) {
            if (table[slot] == key) {
                seen = true;
                break;
            }
            slot = (slot + 1) & mask;
        }
        if (seen)
            continue;
        table[slot] = key;
        matches[kept++] = m;
    }
    matches.resize(kept);
}
} // namespace

void AnchoredAutomaton::keepLeftmost(std::vector<Match> &matches, std::vector<uint64_t> &table)
{
    if (matches.size() < 2)
        return;
    size_t maxEnd = 0;
    unsigned int maxId = 0;
    for (const Match &m : matches) {
        maxEnd = std::max(maxEnd, m.end);
        maxId = std::max(maxId, m.id);
    }
    if (maxId < 255 && maxEnd < (size_t(1) << 24)) {
        thread_local std::vector<uint32_t> narrow; // the caller's scratch holds 64-bit keys
        keepFirstPerKey(matches, narrow, 24);
    } else {
        keepFirstPerKey(matches, table, 44);
    }
}

} // namespace perimeter::classify
