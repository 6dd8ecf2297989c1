// SPDX-License-Identifier: Apache-2.0
#pragma once
// Hyperscan in block mode over a few patterns: the reference the classifier's own engines
// (the automaton, the digit windows, the native finders) are checked against. Owns its
// database and scratch, so a failed check frees them too.
#include <hs/hs.h>
#include <string>
#include <string_view>
#include <vector>

namespace perimeter::classify::testdata {

class HyperscanReference {
public:
    struct Pattern {
        std::string expression;
        unsigned int flags;
        unsigned int id;
    };

    explicit HyperscanReference(const std::vector<Pattern> &patterns)
    {
        std::vector<const char *> expressions;
        std::vector<unsigned int> flags, ids;
        for (const Pattern &p : patterns) {
            expressions.push_back(p.expression.c_str());
            flags.push_back(p.flags);
            ids.push_back(p.id);
        }
        hs_compile_error_t *err = nullptr;
        if (hs_compile_multi(expressions.data(), flags.data(), ids.data(), unsigned(ids.size()), HS_MODE_BLOCK, nullptr, &m_db, &err)
            != HS_SUCCESS) {
            hs_free_compile_error(err);
            m_db = nullptr;
            return;
        }
        if (hs_alloc_scratch(m_db, &m_scratch) != HS_SUCCESS)
            m_scratch = nullptr;
    }
    ~HyperscanReference()
    {
        if (m_scratch)
            hs_free_scratch(m_scratch);
        if (m_db)
            hs_free_database(m_db);
    }
    HyperscanReference(const HyperscanReference &) = delete;
    HyperscanReference &operator=(const HyperscanReference &) = delete;

    struct Match {
        unsigned int id;
        size_t start;
        size_t end;
    };

    bool valid() const { return m_db && m_scratch; }

    // Appends every match as {id, start, end} (start is the leftmost start where the pattern
    // has HS_FLAG_SOM_LEFTMOST, else 0) to `out`, a vector of any such aggregate.
    template <typename M>
    bool scan(std::string_view text, std::vector<M> &out) const
    {
        if (text.empty())
            return true;
        const auto onMatch = [](unsigned int id, unsigned long long from, unsigned long long to, unsigned int, void *ctx) {
            static_cast<std::vector<M> *>(ctx)->push_back({id, size_t(from), size_t(to)});
            return 0;
        };
        return hs_scan(m_db, text.data(), unsigned(text.size()), 0, m_scratch, onMatch, &out) == HS_SUCCESS;
    }

private:
    hs_database_t *m_db = nullptr;
    hs_scratch_t *m_scratch = nullptr;
};

} // namespace perimeter::classify::testdata
