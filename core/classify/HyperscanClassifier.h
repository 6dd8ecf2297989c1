// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Classifier.h"
#include "CompiledDatabases.h"
#include "ContextWords.h"
#include "Recognizer.h"
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct hs_scratch;

namespace perimeter::classify {

// The recognizers of one set, compiled once (see CompiledDatabases) and read-only after
// construction. Hyperscan scratch spaces come from a pool (cloned on demand) and the automata are
// immutable, so any number of threads can scan concurrently with one instance.
//
// A scan of the normalised text is: one Hyperscan pass of the literal-anchored patterns
// reporting end offsets only (starts recovered by width or a re-match on a short window); the
// native trigger finders; the identifier patterns as one AnchoredAutomaton from each start in
// the windows around digits; the start-window patterns as automata from their finders' starts.
// Validators and context words run on those candidates only.
class HyperscanClassifier final : public Classifier {
public:
    struct Options {
        qint64 maxMatches = 4000000;       // more raw matches than this: scan error (fail closed)
        double contextBoost = 0.35;        // Presidio's context similarity factor
        double minScoreWithContext = 0.4;
        size_t contextBefore = 64;         // bytes of normalised text searched for context words
        size_t contextAfter = 32;
        // Every pattern through Hyperscan (native triggers and automata off): the reference the
        // faster engines are compared with in tests; never used by the gateway.
        bool hyperscanOnly = false;
    };

    static Result<std::shared_ptr<const HyperscanClassifier>> create(std::vector<Recognizer> recognizers, Options options);
    static Result<std::shared_ptr<const HyperscanClassifier>> create(std::vector<Recognizer> recognizers)
    {
        return create(std::move(recognizers), Options{});
    }
    ~HyperscanClassifier() override;

    Result<Findings> scan(const QString &text) const override;
    int recognizerCount() const { return int(m_recognizers.size()); }
    CompiledDatabases::Origin databaseOrigin() const { return m_dbs->origin(); }

    // Compiles one pattern alone; returns the Hyperscan error message or "" when it compiles.
    static QString checkPattern(const std::string &pattern, unsigned int flags);

    HyperscanClassifier(const HyperscanClassifier &) = delete;
    HyperscanClassifier &operator=(const HyperscanClassifier &) = delete;

private:
    HyperscanClassifier() = default;
    hs_scratch *acquireScratch() const;
    void releaseScratch(hs_scratch *scratch) const;
    // Score after the context words around the candidate; `found` tells whether one was seen.
    // The words are looked for only here, in the few dozen bytes around each candidate: far
    // cheaper than reporting every "id", "key" or "card" of the text from the pattern pass.
    double applyContext(ContextWords::Scan &scan, unsigned int id, const Candidate &c, bool &found) const;

    std::vector<Recognizer> m_recognizers;
    std::vector<unsigned int> m_native;                 // ScanMode::Native recognizers
    std::vector<unsigned int> m_startWindowed;          // ScanMode::StartWindows run as automata
    std::string m_triggerBytes;                         // what those two kinds start from, indexed once per scan
    ContextWords m_context;                             // the distinct context words of all recognizers
    std::vector<ContextWords::Wanted> m_contextWords;   // per recognizer: its words, ready for lookups
    Options m_options;
    std::shared_ptr<const CompiledDatabases> m_dbs;
    hs_scratch *m_prototype = nullptr;
    mutable std::mutex m_poolMutex;
    mutable std::vector<hs_scratch *> m_pool;
};

} // namespace perimeter::classify
