// SPDX-License-Identifier: Apache-2.0
// Every match of an identifier pattern (ScanMode::DigitWindows) that Hyperscan finds in the
// whole text must start inside one of the windows the classifier scans: the automaton runs
// from those starts over the whole text, so a match may end past its window.
#include "ClassifierTestData.h"
#include "HyperscanReference.h"
#include "classify/BuiltinRecognizers.h"
#include "classify/DigitWindows.h"
#include <QTest>
#include <hs/hs.h>
#include <random>

using namespace perimeter::classify;

namespace {

using testdata::HyperscanReference;
using Span = HyperscanReference::Match;

// Identifier shapes glued together with letters, separators and words in between.
QStringList generatedTexts(int count)
{
    static const char *pieces[] = {
        "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "078-05-1120", "AB 12 34 56 C",
        "MH 12 AB 1234", "+44 (20) 7123 4567", "(555) 123-4567", "2024-03-15T10:42:07Z", "12:30 p.m.", "3/24",
        "15 September 2024", "Sept. 15, 2024", "March 3rd, 2021", "4 jul 1976", "1st of May 99", "10.0.12.7/24",
        "RSSMRA85T10A562S", "131052-308T", "ABCDE1234F", "S1234567D", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
        "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "AB1234567", "D1234567", "12-345-6789", "99 668472", "0412 345 678",
    };
    static const char *words[] = {" ", "  ", " the ", ", ", ". ", " on ", " dated ", "-", "/", " (", ") ", " no. ", " ID:", " x"};
    std::mt19937 rng(4711);
    QStringList texts;
    for (int i = 0; i < count; ++i) {
        std::string t;
        const int n = int(rng() % 5) + 1;
        for (int k = 0; k < n; ++k) {
            t += words[rng() % (sizeof words / sizeof *words)];
            t += pieces[rng() % (sizeof pieces / sizeof *pieces)];
        }
        texts << QString::fromStdString(t);
    }
    return texts;
}

} // namespace

class TestDigitWindows : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowsAreOrderedAndDisjoint()
    {
        std::vector<DigitWindows::Window> w;
        DigitWindows::find("call 555 0100 or 555 0199, room 12; nothing here; 2024-03-15 and 7", w);
        QVERIFY(w.size() >= 2);
        for (size_t i = 1; i < w.size(); ++i)
            QVERIFY(w[i].textStart > w[i - 1].textStart + w[i - 1].length);
        std::vector<DigitWindows::Window> none;
        DigitWindows::find("no digits at all", none);
        QVERIFY(none.empty());
    }

    void everyMatchInsideAWindow_data()
    {
        QTest::addColumn<int>("reach");
        QTest::newRow("reaching whole matches") << int(DigitWindows::Reach::Matches);
        QTest::newRow("reaching starts") << int(DigitWindows::Reach::Starts);
    }

    // Every match starts inside a window, with either reach (the automaton needs no more).
    void everyMatchInsideAWindow()
    {
        QFETCH(int, reach);
        const auto all = BuiltinRecognizers::all();
        std::vector<HyperscanReference::Pattern> patterns;
        for (size_t i = 0; i < all.size(); ++i)
            if (all[i].scan == ScanMode::DigitWindows)
                patterns.push_back({all[i].pattern, all[i].flags | HS_FLAG_SOM_LEFTMOST, unsigned(i)});
        const HyperscanReference hyperscan(patterns);
        QVERIFY(hyperscan.valid());
        size_t total = 0;
        for (const QString &text : testdata::corpusTexts() + generatedTexts(3000)) {
            const std::string bytes = text.toStdString();
            if (bytes.empty())
                continue;
            std::vector<Span> matches;
            QVERIFY(hyperscan.scan(bytes, matches));
            std::vector<DigitWindows::Window> windows;
            DigitWindows::find(bytes, windows, DigitWindows::Reach(reach));
            for (const Span &m : matches) {
                const bool inside = std::any_of(windows.begin(), windows.end(), [&](const DigitWindows::Window &w) {
                    return w.textStart <= m.start && m.start < w.textStart + w.length;
                });
                if (!inside)
                    QFAIL(qPrintable(QStringLiteral("%1 [%2,%3) \"%4\" outside the windows of: %5")
                                         .arg(all[m.id].name)
                                         .arg(m.start)
                                         .arg(m.end)
                                         .arg(QString::fromStdString(bytes.substr(m.start, m.end - m.start)), text.left(200))));
            }
            total += matches.size();
        }
        QVERIFY(total > 5000);
    }
};

QTEST_GUILESS_MAIN(TestDigitWindows)
#include "tst_digitwindows.moc"
