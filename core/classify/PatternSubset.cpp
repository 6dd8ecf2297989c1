// SPDX-License-Identifier: Apache-2.0
#include "PatternSubset.h"
#include "AsciiBytes.h"
#include <hs/hs.h>
#include <stdexcept>

namespace perimeter::classify {

namespace {

using Node = PatternSubset::Node;
using Bytes = std::bitset<256>;

struct Unsupported : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Bytes range(unsigned char from, unsigned char to)
{
    Bytes b;
    for (unsigned c = from; c <= to; ++c)
        b.set(c);
    return b;
}

Bytes digits() { return range('0', '9'); }
Bytes words() { return range('0', '9') | range('A', 'Z') | range('a', 'z') | range('_', '_'); }
Bytes spaces()
{
    Bytes b;
    for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'})
        b.set(c);
    return b;
}


class Parser {
public:
    Parser(const std::string &p, bool caseless)
        : m_p(p)
        , m_caseless(caseless)
    {
    }

    Node parse()
    {
        Node n = alternation();
        if (m_i != m_p.size())
            throw Unsupported("unexpected ')'");
        return n;
    }

private:
    bool more() const { return m_i < m_p.size(); }
    char peek() const { return m_p[m_i]; }

    // Both cases of every letter in `b` when the pattern is caseless.
    Bytes folded(Bytes b) const
    {
        if (m_caseless) {
            for (unsigned c = 'a'; c <= 'z'; ++c) {
                if (b.test(c) || b.test(c - 'a' + 'A')) {
                    b.set(c);
                    b.set(c - 'a' + 'A');
                }
            }
        }
        return b;
    }

    // A class of exactly `b` (already folded where that applies).
    static Node exactClass(const Bytes &b)
    {
        Node n;
        n.kind = Node::Kind::Class;
        n.bytes = b;
        return n;
    }

    Node classNode(Bytes b) const
    {
        b = folded(b);
        Node n;
        n.kind = Node::Kind::Class;
        n.bytes = b;
        return n;
    }

    Node alternation()
    {
        Node alt;
        alt.kind = Node::Kind::Alternation;
        alt.children.push_back(sequence());
        while (more() && peek() == '|') {
            ++m_i;
            alt.children.push_back(sequence());
        }
        return alt.children.size() == 1 ? std::move(alt.children.front()) : alt;
    }

    Node sequence()
    {
        Node seq;
        seq.kind = Node::Kind::Sequence;
        while (more() && peek() != '|' && peek() != ')') {
            Node atom = this->atom();
            seq.children.push_back(quantified(std::move(atom)));
        }
        return seq;
    }

    int number()
    {
        int v = 0;
        size_t start = m_i;
        while (more() && peek() >= '0' && peek() <= '9') {
            v = v * 10 + (peek() - '0');
            if (v > 1000)
                throw Unsupported("repeat bound too large");
            ++m_i;
        }
        if (m_i == start)
            throw Unsupported("bad repeat");
        return v;
    }

    Node quantified(Node atom)
    {
        while (more()) {
            int min = 0, max = 0;
            const char c = peek();
            if (c == '?') {
                min = 0;
                max = 1;
                ++m_i;
            } else if (c == '*') {
                min = 0;
                max = -1;
                ++m_i;
            } else if (c == '+') {
                min = 1;
                max = -1;
                ++m_i;
            } else if (c == '{') {
                const size_t save = m_i;
                ++m_i;
                if (!more() || !(peek() >= '0' && peek() <= '9')) {
                    m_i = save;
                    return atom; // a literal '{' follows; handled by the caller's next atom
                }
                min = number();
                max = min;
                if (more() && peek() == ',') {
                    ++m_i;
                    max = (more() && peek() == '}') ? -1 : number();
                }
                if (!more() || peek() != '}')
                    throw Unsupported("bad repeat");
                ++m_i;
                if (max != -1 && max < min)
                    throw Unsupported("bad repeat");
            } else {
                return atom;
            }
            if (more() && (peek() == '?' || peek() == '+'))
                ++m_i; // lazy or possessive: the same set of (start, end) matches in block mode
            if (atom.kind == Node::Kind::WordBoundary)
                throw Unsupported("quantified assertion");
            Node rep;
            rep.kind = Node::Kind::Repeat;
            rep.min = min;
            rep.max = max;
            rep.children.push_back(std::move(atom));
            atom = std::move(rep);
        }
        return atom;
    }

    // An escape after the backslash; `inClass` for escapes inside [...].
    Bytes escape(bool inClass, bool &isBoundary)
    {
        isBoundary = false;
        if (!more())
            throw Unsupported("trailing backslash");
        const char c = m_p[m_i++];
        switch (c) {
        case 'd':
            return digits();
        case 'D':
            return ~digits();
        case 'w':
            return words();
        case 'W':
            return ~words();
        case 's':
            return spaces();
        case 'S':
            return ~spaces();
        case 't':
            return range('\t', '\t');
        case 'n':
            return range('\n', '\n');
        case 'r':
            return range('\r', '\r');
        case 'f':
            return range('\f', '\f');
        case 'v':
            return range('\v', '\v');
        case 'b':
            if (inClass)
                throw Unsupported("\\b in a class");
            isBoundary = true;
            return {};
        case 'x': {
            if (m_i + 2 > m_p.size() || ascii::hexValue(m_p[m_i]) < 0 || ascii::hexValue(m_p[m_i + 1]) < 0)
                throw Unsupported("bad \\x escape");
            const auto v = static_cast<unsigned char>(ascii::hexValue(m_p[m_i]) * 16 + ascii::hexValue(m_p[m_i + 1]));
            m_i += 2;
            return range(v, v);
        }
        default:
            break;
        }
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
            throw Unsupported(std::string("escape \\") + c); // \B, \A, \z, \p, back-references, ...
        return range(u, u); // escaped punctuation is literal
    }

    Node bracket()
    {
        Bytes b;
        bool negate = false;
        if (more() && peek() == '^') {
            negate = true;
            ++m_i;
        }
        bool first = true;
        for (;;) {
            if (!more())
                throw Unsupported("unterminated class");
            char c = peek();
            if (c == ']' && !first) {
                ++m_i;
                break;
            }
            first = false;
            if (c == '[' && m_i + 1 < m_p.size() && (m_p[m_i + 1] == ':' || m_p[m_i + 1] == '=' || m_p[m_i + 1] == '.'))
                throw Unsupported("POSIX class");
            Bytes item;
            int single = -1;
            ++m_i;
            if (c == '\\') {
                bool boundary = false;
                item = escape(true, boundary);
                if (item.count() == 1)
                    single = int(item._Find_first());
            } else {
                single = static_cast<unsigned char>(c);
                item = range(static_cast<unsigned char>(c), static_cast<unsigned char>(c));
            }
            // a range a-z (a '-' before ']' is literal)
            if (single >= 0 && more() && peek() == '-' && m_i + 1 < m_p.size() && m_p[m_i + 1] != ']') {
                ++m_i;
                int to = -1;
                const char d = m_p[m_i++];
                if (d == '\\') {
                    bool boundary = false;
                    const Bytes e = escape(true, boundary);
                    if (e.count() != 1)
                        throw Unsupported("class range to a class");
                    to = int(e._Find_first());
                } else {
                    to = static_cast<unsigned char>(d);
                }
                if (to < single)
                    throw Unsupported("reversed range");
                item = range(static_cast<unsigned char>(single), static_cast<unsigned char>(to));
            }
            b |= item;
        }
        // caseless [^a] excludes both cases: fold first, then negate
        b = folded(b);
        if (negate)
            b = ~b;
        return exactClass(b);
    }

    Node atom()
    {
        const char c = m_p[m_i++];
        switch (c) {
        case '(': {
            if (more() && peek() == '?') {
                if (m_i + 1 < m_p.size() && m_p[m_i + 1] == ':')
                    m_i += 2;
                else
                    throw Unsupported("group modifier or lookaround");
            }
            Node inner = alternation();
            if (!more() || peek() != ')')
                throw Unsupported("unbalanced '('");
            ++m_i;
            return inner;
        }
        case '[':
            return bracket();
        case '.':
            return classNode(~range('\n', '\n'));
        case '\\': {
            bool boundary = false;
            Bytes b = escape(false, boundary);
            if (boundary) {
                Node n;
                n.kind = Node::Kind::WordBoundary;
                return n;
            }
            return classNode(b);
        }
        case '^':
        case '$':
            throw Unsupported("anchor");
        case '*':
        case '+':
        case '?':
            throw Unsupported("quantifier without operand");
        default:
            return classNode(range(static_cast<unsigned char>(c), static_cast<unsigned char>(c)));
        }
    }

    const std::string &m_p;
    bool m_caseless;
    size_t m_i = 0;
};

} // namespace

std::optional<PatternSubset::Node> PatternSubset::parse(const std::string &pattern, unsigned int flags, std::string *why)
{
    if ((flags & ~unsigned(HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST)) != 0) {
        if (why)
            *why = "flags";
        return std::nullopt;
    }
    try {
        return Parser(pattern, (flags & HS_FLAG_CASELESS) != 0).parse();
    } catch (const Unsupported &e) {
        if (why)
            *why = e.what();
        return std::nullopt;
    }
}

} // namespace perimeter::classify
