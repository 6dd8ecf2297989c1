// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QHash>
#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace perimeter::ui {

// Maps a finding (JSON pointer of a string inside a request body + code-point offsets into the
// decoded string) back to a range of the raw text the user typed, so findings can be
// highlighted in place even inside escaped JSON. Plain text is the degenerate case: one
// string at pointer "" whose raw text is the text itself.
class JsonStringLocator {
public:
    // Parses raw as JSON; returns nullopt when it is not a JSON document.
    static std::optional<JsonStringLocator> fromJson(const QString &raw);
    // Treats the whole text as one string reachable under each of the given pointers.
    static JsonStringLocator fromPlainText(const QString &text, const QStringList &pointers);

    // The raw [start, end) range (QString indexes) of code points [cpStart, cpEnd) of the
    // string at pointer; nullopt when the pointer or range is unknown.
    std::optional<std::pair<int, int>> rawRange(const QString &pointer, qint64 cpStart, qint64 cpEnd) const;

    int stringCount() const { return int(m_strings.size()); }

private:
    // offsets[i]: raw index of the i-th decoded code point; the last entry is the raw end.
    using Offsets = QList<int>;
    QMultiHash<QString, Offsets> m_strings;

    friend class JsonStringScanner;
};

} // namespace perimeter::ui
