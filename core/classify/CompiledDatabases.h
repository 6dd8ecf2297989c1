// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AnchoredAutomaton.h"
#include "Recognizer.h"
#include "common/Result.h"
#include <QString>
#include <memory>
#include <vector>

struct hs_database;

namespace perimeter::classify {

// The Hyperscan databases of one recognizer set, immutable once built:
//  - text:    Text-mode patterns without start-of-match tracking (end offsets only), run over
//             the whole text; this is the pass that decides throughput.
//  - confirm: the variable-width Leftmost patterns of `text` again, with leftmost start of
//             match, run only on short windows ending at a reported match to find its start.
//  - StartWindows patterns: one AnchoredAutomaton each (in the text database when outside
//             the automaton's subset).
//  - digits:  the DigitWindows-mode patterns as one AnchoredAutomaton, run from each start inside
//             the digit windows; a pattern outside the automaton's syntax subset goes into a
//             Hyperscan database with leftmost start instead (none of the built-in ones does).
// Database ids are recognizer indices.
//
// Compiling takes a few hundred milliseconds, so obtain() shares one instance per recognizer
// set inside the process and keeps serialised databases in a per-user cache directory
// ($PERIMETER_CLASSIFIER_CACHE, else $XDG_CACHE_HOME/perimeter, else ~/.cache/perimeter; mode
// 0700; PERIMETER_CLASSIFIER_CACHE=off disables it). A cache file is used only when its
// embedded key (SHA-256 of the patterns, flags, modes, Hyperscan version and platform), its
// lengths and its checksum all verify and Hyperscan accepts it; anything else means compiling.
class CompiledDatabases {
public:
    struct Width {
        unsigned int min = 0;
        unsigned int max = 0; // UINT_MAX: unbounded
    };
    enum class Origin { Compiled, DiskCache };

    // Automata: the DigitWindows and StartWindows patterns run as AnchoredAutomaton where they
    // can. HyperscanOnly: every pattern in a Hyperscan database, the reference the automata are
    // tested against (tst_classifierreference).
    enum class Engines { Automata, HyperscanOnly };
    static Result<std::shared_ptr<const CompiledDatabases>> obtain(const std::vector<Recognizer> &recognizers,
                                                                   Engines engines = Engines::Automata);
    ~CompiledDatabases();

    hs_database *text() const { return m_text; }
    hs_database *confirm() const { return m_confirm; }
    hs_database *digits() const { return m_digits; }
    const AnchoredAutomaton *automaton() const { return m_automaton.get(); }
    // The automaton of a StartWindows recognizer, or null (then it is in the text database).
    const AnchoredAutomaton *startAutomaton(unsigned int id) const { return m_startAutomata[id].get(); }
    const Width &width(unsigned int id) const { return m_widths[id]; }
    bool needsConfirm(unsigned int id) const { return m_needsConfirm[id]; }
    Origin origin() const { return m_origin; }

    // The directory used for cached databases, or "" when caching is off or unusable.
    static QString cacheDirectory();

    // The distinct context words of a recognizer set (lower case, in order of first use). They
    // are not in any database: they are looked for only around candidates (HyperscanClassifier).
    static std::vector<std::string> contextWords(const std::vector<Recognizer> &recognizers);

    CompiledDatabases(const CompiledDatabases &) = delete;
    CompiledDatabases &operator=(const CompiledDatabases &) = delete;

private:
    CompiledDatabases() = default;
    static Result<std::shared_ptr<CompiledDatabases>> compile(const std::vector<Recognizer> &recognizers, Engines engines);
    static std::shared_ptr<CompiledDatabases> load(const QString &path, const QByteArray &key, size_t count);
    void store(const QString &path, const QByteArray &key) const;
    void computeConfirmFlags(const std::vector<Recognizer> &recognizers);
    void buildAutomaton(const std::vector<Recognizer> &recognizers, Engines engines);
    bool inTextDatabase(const std::vector<Recognizer> &recognizers, size_t i) const;

    hs_database *m_text = nullptr;
    hs_database *m_confirm = nullptr;
    hs_database *m_digits = nullptr;
    std::shared_ptr<const AnchoredAutomaton> m_automaton;
    std::vector<bool> m_digitsInHyperscan; // per recognizer: a DigitWindows pattern the automaton left out
    std::vector<std::shared_ptr<const AnchoredAutomaton>> m_startAutomata; // per recognizer (StartWindows)
    std::vector<Width> m_widths;
    std::vector<bool> m_needsConfirm;
    Origin m_origin = Origin::Compiled;
};

} // namespace perimeter::classify
