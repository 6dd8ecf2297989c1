// SPDX-License-Identifier: Apache-2.0
#include "JsonStringLocator.h"

namespace perimeter::ui {

// A small recursive-descent reader that keeps raw positions, which QJsonDocument and
// nlohmann::json both throw away.
class JsonStringScanner {
public:
    JsonStringScanner(const QString &raw, JsonStringLocator &out) : m_raw(raw), m_out(out) {}

    bool document()
    {
        if (!value(QString(), 0))
            return false;
        skipSpace();
        return m_pos == m_raw.size();
    }

private:
    static constexpr int kMaxDepth = 256;

    static QString escapeToken(QString token)
    {
        token.replace(QLatin1Char('~'), QStringLiteral("~0"));
        token.replace(QLatin1Char('/'), QStringLiteral("~1"));
        return token;
    }

    void skipSpace()
    {
        while (m_pos < m_raw.size() && (m_raw[m_pos] == QLatin1Char(' ') || m_raw[m_pos] == QLatin1Char('\n')
                                        || m_raw[m_pos] == QLatin1Char('\r') || m_raw[m_pos] == QLatin1Char('\t')))
            ++m_pos;
    }

    bool peek(char c) const { return m_pos < m_raw.size() && m_raw[m_pos] == QLatin1Char(c); }

    static int hexValue(QChar c)
    {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9')
            return u - u'0';
        if (u >= u'a' && u <= u'f')
            return u - u'a' + 10;
        if (u >= u'A' && u <= u'F')
            return u - u'A' + 10;
        return -1;
    }

    // Reads \uXXXX at m_pos (pointing at the backslash); returns the unit or -1.
    int unicodeEscape(int at) const
    {
        if (at + 6 > m_raw.size() || m_raw[at] != QLatin1Char('\\') || m_raw[at + 1] != QLatin1Char('u'))
            return -1;
        int v = 0;
        for (int i = at + 2; i < at + 6; ++i) {
            const int h = hexValue(m_raw[i]);
            if (h < 0)
                return -1;
            v = v * 16 + h;
        }
        return v;
    }

    bool string(QString *decoded, JsonStringLocator::Offsets *offsets)
    {
        if (!peek('"'))
            return false;
        ++m_pos;
        while (m_pos < m_raw.size() && m_raw[m_pos] != QLatin1Char('"')) {
            offsets->append(m_pos);
            const QChar c = m_raw[m_pos];
            if (c == QLatin1Char('\\')) {
                if (m_pos + 1 >= m_raw.size())
                    return false;
                const QChar e = m_raw[m_pos + 1];
                if (e == QLatin1Char('u')) {
                    const int unit = unicodeEscape(m_pos);
                    if (unit < 0)
                        return false;
                    const int low = QChar::isHighSurrogate(char16_t(unit)) ? unicodeEscape(m_pos + 6) : -1;
                    if (low >= 0 && QChar::isLowSurrogate(char16_t(low))) {
                        decoded->append(QChar(char16_t(unit)));
                        decoded->append(QChar(char16_t(low)));
                        m_pos += 12;
                    } else {
                        decoded->append(QChar(char16_t(unit)));
                        m_pos += 6;
                    }
                } else {
                    switch (e.unicode()) {
                    case u'n': decoded->append(QLatin1Char('\n')); break;
                    case u't': decoded->append(QLatin1Char('\t')); break;
                    case u'r': decoded->append(QLatin1Char('\r')); break;
                    case u'b': decoded->append(QChar(u'\b')); break;
                    case u'f': decoded->append(QChar(u'\f')); break;
                    default: decoded->append(e); break;
                    }
                    m_pos += 2;
                }
            } else if (c.isHighSurrogate() && m_pos + 1 < m_raw.size() && m_raw[m_pos + 1].isLowSurrogate()) {
                decoded->append(c);
                decoded->append(m_raw[m_pos + 1]);
                m_pos += 2;
            } else {
                decoded->append(c);
                ++m_pos;
            }
        }
        if (m_pos >= m_raw.size())
            return false;
        offsets->append(m_pos);
        ++m_pos;
        return true;
    }

    bool value(const QString &pointer, int depth)
    {
        if (depth > kMaxDepth)
            return false;
        skipSpace();
        if (m_pos >= m_raw.size())
            return false;
        if (peek('{'))
            return object(pointer, depth);
        if (peek('['))
            return array(pointer, depth);
        if (peek('"')) {
            QString decoded;
            JsonStringLocator::Offsets offsets;
            if (!string(&decoded, &offsets))
                return false;
            m_out.m_strings.insert(pointer, offsets);
            return true;
        }
        const int start = m_pos;
        while (m_pos < m_raw.size() && !peek(',') && !peek('}') && !peek(']') && !m_raw[m_pos].isSpace())
            ++m_pos;
        return m_pos > start;
    }

    bool object(const QString &pointer, int depth)
    {
        ++m_pos;
        skipSpace();
        if (peek('}')) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            QString key;
            JsonStringLocator::Offsets keyOffsets;
            if (!string(&key, &keyOffsets))
                return false;
            const QString child = pointer + QLatin1Char('/') + escapeToken(key);
            // Keys are scanned too and share their value's pointer.
            m_out.m_strings.insert(child, keyOffsets);
            skipSpace();
            if (!peek(':'))
                return false;
            ++m_pos;
            if (!value(child, depth + 1))
                return false;
            skipSpace();
            if (peek(',')) {
                ++m_pos;
                continue;
            }
            if (peek('}')) {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    bool array(const QString &pointer, int depth)
    {
        ++m_pos;
        skipSpace();
        if (peek(']')) {
            ++m_pos;
            return true;
        }
        for (int index = 0;; ++index) {
            if (!value(pointer + QLatin1Char('/') + QString::number(index), depth + 1))
                return false;
            skipSpace();
            if (peek(',')) {
                ++m_pos;
                continue;
            }
            if (peek(']')) {
                ++m_pos;
                return true;
            }
            return false;
        }
    }

    const QString &m_raw;
    JsonStringLocator &m_out;
    int m_pos = 0;
};

std::optional<JsonStringLocator> JsonStringLocator::fromJson(const QString &raw)
{
    JsonStringLocator locator;
    JsonStringScanner scanner(raw, locator);
    if (!scanner.document())
        return std::nullopt;
    return locator;
}

JsonStringLocator JsonStringLocator::fromPlainText(const QString &text, const QStringList &pointers)
{
    Offsets offsets;
    offsets.reserve(text.size() + 1);
    for (int i = 0; i < text.size(); ++i) {
        offsets.append(i);
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    offsets.append(int(text.size()));
    JsonStringLocator locator;
    for (const auto &p : pointers)
        locator.m_strings.insert(p, offsets);
    return locator;
}

std::optional<std::pair<int, int>> JsonStringLocator::rawRange(const QString &pointer, qint64 cpStart, qint64 cpEnd) const
{
    if (cpStart < 0 || cpEnd <= cpStart)
        return std::nullopt;
    // A key and its value share a pointer: the value is inserted last, so it is tried first.
    const auto candidates = m_strings.values(pointer);
    for (const auto &offsets : candidates) {
        if (cpEnd < offsets.size())
            return std::make_pair(offsets.at(int(cpStart)), offsets.at(int(cpEnd)));
    }
    return std::nullopt;
}

} // namespace perimeter::ui
