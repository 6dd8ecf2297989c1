// SPDX-License-Identifier: Apache-2.0
// The digit automaton must report exactly what Hyperscan reports with leftmost start of match
// for the same patterns: for every pattern and every end offset, the leftmost start.
#include "ClassifierTestData.h"
#include "HyperscanReference.h"
#include "classify/BuiltinRecognizers.h"
#include "classify/HyperscanClassifier.h"
#include "classify/AnchoredAutomaton.h"
#include "classify/PatternSubset.h"
#include <QTest>
#include <hs/hs.h>
#include <algorithm>
#include <random>

using namespace perimeter::classify;

namespace {

using Match = AnchoredAutomaton::Match;
using testdata::HyperscanReference;

// Token soup shaped like identifiers: digit runs of every length, short letter runs in both
// cases, the separators the patterns use, at the edges of the text too.
QStringList randomTexts(int count, quint32 seed)
{
    std::mt19937 rng(seed);
    const std::string seps = " .-/:()+,_\n\t'\"#%";
    QStringList texts;
    for (int i = 0; i < count; ++i) {
        std::string s;
        const int tokens = int(rng() % 12) + 1;
        for (int k = 0; k < tokens; ++k) {
            switch (rng() % 5) {
            case 0:
            case 1: {
                const int len = int(rng() % 18) + 1;
                for (int j = 0; j < len; ++j)
                    s += char('0' + rng() % 10);
                break;
            }
            case 2: {
                const int len = int(rng() % 6) + 1;
                const bool upper = rng() % 3 != 0;
                for (int j = 0; j < len; ++j)
                    s += char((upper ? 'A' : 'a') + rng() % 26);
                break;
            }
            default: {
                const int len = int(rng() % 2) + 1;
                for (int j = 0; j < len; ++j)
                    s += seps[rng() % seps.size()];
            }
            }
        }
        texts << QString::fromStdString(s);
    }
    return texts;
}

QStringList edgeCases()
{
    return {
        QString(),
        QStringLiteral("4"),
        QStringLiteral("4111 1111 1111 1111"),
        QStringLiteral("4111-1111-1111-1111x 4111111111111111_ _4111111111111111"),
        QStringLiteral("+44 (20) 7123 4567, +1-202-555-0143 and (555) 123-4567"),
        QStringLiteral("078-05-1120 078 05 1120 078.05.1120 078051120"),
        QStringLiteral("GB82 WEST 1234 5698 7654 32 and DE89370400440532013000"),
        QStringLiteral("AB 12 34 56 C, QQ123456C, MH 12 AB 1234, MH12AB1234"),
        QStringLiteral("2024-03-15T10:42:07Z 2024-03-15 10:42:07.123+01:00 15/03/2024 3/24 12:30 p.m. 9:05am"),
        QStringLiteral("10.0.12.7 203.0.113.42/24 999.1.1.1 1.2.3"),
        QStringLiteral("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq 1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
        QStringLiteral("RSSMRA85T10A562S ABCDE1234F 131052-308T S1234567D AB1234567"),
        QStringLiteral("9991234567 919-70-1234 91970-1234 12345678901 123456789012345678"),
    };
}

// Hyperscan with leftmost start reports every start it tracks, in order of end: sorted by
// (id, end, start), only the leftmost start of each (id, end) is kept, which is what the automaton
// reports after keepLeftmost(). The automaton's list is put in the same order to compare.
bool byIdEndStart(const Match &x, const Match &y)
{
    return x.id != y.id ? x.id < y.id : x.end != y.end ? x.end < y.end : x.start < y.start;
}

void keepLeftmostPerEnd(std::vector<Match> &matches)
{
    std::sort(matches.begin(), matches.end(), byIdEndStart);
    matches.erase(std::unique(matches.begin(), matches.end(), [](const Match &x, const Match &y) { return x.id == y.id && x.end == y.end; }),
                  matches.end());
}

// The matches one list has and the other lacks, for a failure message.
QString differences(const std::vector<Match> &expected, const std::vector<Match> &actual)
{
    QString diff;
    for (const auto &m : expected)
        if (std::find(actual.begin(), actual.end(), m) == actual.end())
            diff += QStringLiteral(" missing %1:[%2,%3)").arg(m.id).arg(m.start).arg(m.end);
    for (const auto &m : actual)
        if (std::find(expected.begin(), expected.end(), m) == expected.end())
            diff += QStringLiteral(" extra %1:[%2,%3)").arg(m.id).arg(m.start).arg(m.end);
    return diff;
}

std::vector<AnchoredAutomaton::Pattern> digitPatterns()
{
    std::vector<AnchoredAutomaton::Pattern> out;
    const auto all = BuiltinRecognizers::all();
    for (size_t i = 0; i < all.size(); ++i)
        if (all[i].scan == ScanMode::DigitWindows)
            out.push_back({unsigned(i), all[i].pattern, all[i].flags});
    return out;
}

} // namespace

class TestAnchoredAutomaton : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void subsetParsing_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("inside");
        QTest::newRow("classes and repeats") << QStringLiteral("\\b\\d{3}[ .\\-]?\\d{2}\\b") << true;
        QTest::newRow("alternation with a boundary") << QStringLiteral("(?:\\(\\d{3}\\)|\\b\\d{3})-\\d{4}\\b") << true;
        QTest::newRow("escaped bracket and range") << QStringLiteral("[\\]a-c\\x41-\\x43]+") << true;
        QTest::newRow("literal brace") << QStringLiteral("a{b}") << true;
        QTest::newRow("boundary inside") << QStringLiteral("\\d+\\b-\\d") << false;
        QTest::newRow("boundary in a repeat") << QStringLiteral("(?:\\b\\d)+") << false;
        QTest::newRow("not a boundary") << QStringLiteral("\\B\\d") << false;
        QTest::newRow("anchor") << QStringLiteral("^\\d+") << false;
        QTest::newRow("lookahead") << QStringLiteral("\\d(?=x)") << false;
        QTest::newRow("unbalanced") << QStringLiteral("(\\d") << false;
        QTest::newRow("posix class") << QStringLiteral("[[:digit:]]") << false;
    }

    void subsetParsing()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, inside);
        std::vector<size_t> rejected;
        const auto a = AnchoredAutomaton::build({{7, pattern.toStdString(), 0}}, rejected);
        QCOMPARE(bool(a), inside);
        QCOMPARE(rejected.empty(), inside);
    }

    // A digit pattern outside the subset (a \b in the middle) runs in Hyperscan over the
    // windows, next to one the automaton runs: both are found.
    void patternOutsideTheSubsetStillRuns()
    {
        std::vector<Recognizer> recognizers(2);
        recognizers[0].name = QStringLiteral("Inside");
        recognizers[0].type = QStringLiteral("TYPE_A");
        recognizers[0].pattern = "\\b\\d{4}\\b";
        recognizers[0].score = 1.0;
        recognizers[0].scan = ScanMode::DigitWindows;
        recognizers[1].name = QStringLiteral("Outside");
        recognizers[1].type = QStringLiteral("TYPE_B");
        recognizers[1].pattern = "\\d{3}\\b-\\d{2}";
        recognizers[1].score = 1.0;
        recognizers[1].scan = ScanMode::DigitWindows;
        std::vector<size_t> rejected;
        QVERIFY(AnchoredAutomaton::build({{1, recognizers[1].pattern, 0}}, rejected) == nullptr);
        auto classifier = HyperscanClassifier::create(recognizers);
        QVERIFY(classifier);
        const auto findings = classifier.value()->scan(QStringLiteral("code 1234 and 123-45 here"));
        QVERIFY(findings);
        QStringList got;
        for (const auto &f : findings.value())
            got << QStringLiteral("%1 %2 %3").arg(f.type).arg(f.start).arg(f.end);
        QCOMPARE(got, (QStringList{QStringLiteral("TYPE_A 5 9"), QStringLiteral("TYPE_B 14 20")}));
    }

    // Constructs whose meaning is easy to get wrong, against Hyperscan on a fixed text.
    void subsetSemantics_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<uint>("flags");
        QTest::newRow("caseless negated class") << QStringLiteral("x[^a]y") << uint(HS_FLAG_CASELESS);
        QTest::newRow("caseless class") << QStringLiteral("[a-c]+\\d") << uint(HS_FLAG_CASELESS);
        QTest::newRow("dot is not a newline") << QStringLiteral("a.b") << uint(0);
        QTest::newRow("literal braces") << QStringLiteral("a{b}|a{,2}") << uint(0);
        QTest::newRow("unbounded repeat") << QStringLiteral("\\bq\\w+z") << uint(0);
        QTest::newRow("boundary in a branch") << QStringLiteral("(?:\\(\\d\\)|\\b\\d)-\\d\\b") << uint(0);
        QTest::newRow("escapes in a class") << QStringLiteral("[\\]\\-\\x41\\\\]+") << uint(0);
        QTest::newRow("lazy quantifier") << QStringLiteral("\\d{2,4}?x") << uint(0);
    }

    void subsetSemantics()
    {
        QFETCH(QString, pattern);
        QFETCH(uint, flags);
        const std::string p = pattern.toStdString();
        std::vector<size_t> rejected;
        const auto automaton = AnchoredAutomaton::build({{0, p, flags}}, rejected);
        QVERIFY(automaton);
        const HyperscanReference reference({{p, flags | HS_FLAG_SOM_LEFTMOST, 0}});
        QVERIFY(reference.valid());
        const std::string text = "xay xAy xby xBy a\nb a-b a{b} a{,2} qabcz qa_z abc1 ABC2 (1)-2 1-2 x1-2 ]-A\\ 123x 12345x";
        std::vector<Match> expected;
        QVERIFY(reference.scan(text, expected));
        keepLeftmostPerEnd(expected);
        std::vector<Match> actual;
        automaton->scan(text, 0, text.size(), actual);
        std::vector<uint64_t> table;
        AnchoredAutomaton::keepLeftmost(actual, table);
        std::sort(actual.begin(), actual.end(), byIdEndStart);
        QVERIFY(!expected.empty());
        QCOMPARE(actual.size(), expected.size());
        for (size_t i = 0; i < actual.size(); ++i) {
            QCOMPARE(actual[i].start, expected[i].start);
            QCOMPARE(actual[i].end, expected[i].end);
        }
    }

    void allBuiltinPatternsInside()
    {
        const auto patterns = digitPatterns();
        QVERIFY(patterns.size() > 40);
        std::vector<size_t> rejected;
        const auto a = AnchoredAutomaton::build(patterns, rejected);
        QVERIFY(a);
        for (size_t r : rejected)
            qWarning("outside the subset: %s", patterns[r].pattern.c_str());
        QVERIFY(rejected.empty());
        qInfo("%zu states, %zu byte classes", a->stateCount(), a->classCount());
    }

    void sameMatchesAsHyperscan()
    {
        const auto patterns = digitPatterns();
        std::vector<size_t> rejected;
        const auto automaton = AnchoredAutomaton::build(patterns, rejected);
        QVERIFY(automaton);
        std::vector<HyperscanReference::Pattern> reference;
        for (const auto &p : patterns)
            reference.push_back({p.pattern, p.flags | HS_FLAG_SOM_LEFTMOST, p.id});
        const HyperscanReference hyperscan(reference);
        QVERIFY(hyperscan.valid());

        const QStringList texts = edgeCases() + randomTexts(3000, 20261201) + testdata::corpusTexts();
        size_t total = 0;
        std::vector<uint64_t> table;
        for (const QString &text : texts) {
            const std::string bytes = text.toStdString();
            std::vector<Match> expected;
            QVERIFY(hyperscan.scan(bytes, expected));
            keepLeftmostPerEnd(expected);
            // the automaton in two ranges, as the classifier runs it window by window
            std::vector<Match> actual;
            const size_t half = bytes.size() / 2;
            automaton->scan(bytes, 0, half, actual);
            automaton->scan(bytes, half, bytes.size(), actual);
            // the terminator-stopped runs the classifier uses give the same list, in the same order
            std::vector<Match> terminated;
            automaton->scanTerminated(bytes, 0, half, terminated);
            automaton->scanTerminated(bytes, half, bytes.size(), terminated);
            AnchoredAutomaton::keepLeftmost(terminated, table);
            AnchoredAutomaton::keepLeftmost(actual, table);
            QVERIFY(terminated == actual);
            std::sort(actual.begin(), actual.end(), byIdEndStart);
            if (!(actual == expected))
                QFAIL(qPrintable(QStringLiteral("on \"") + text.left(160) + QStringLiteral("\":") + differences(expected, actual).left(400)));
            total += expected.size();
        }
        QVERIFY2(total > 5000, "the texts must exercise the patterns");
    }

    // scanTerminated() stops runs at the string's terminator only when no pattern reads a NUL;
    // a pattern that does (any byte but 'z') still ends at the end of the text, as scan() does.
    void terminatorStopsRunsOnlyWhenNoPatternReadsNul()
    {
        std::vector<size_t> rejected;
        const auto digits = AnchoredAutomaton::build(digitPatterns(), rejected);
        QVERIFY(digits && digits->stopsAtNul());
        const auto anyByte = AnchoredAutomaton::build({{0, "a[^z]{1,3}", 0}}, rejected);
        QVERIFY(anyByte && !anyByte->stopsAtNul());
        for (const std::string &text : {std::string("xa"), std::string("xab"), std::string("xabcd"), std::string("a\0\0b", 4)}) {
            std::vector<Match> bounded, terminated;
            anyByte->scan(text, 0, text.size(), bounded);
            anyByte->scanTerminated(text, 0, text.size(), terminated);
            QVERIFY(bounded == terminated);
            for (const Match &m : terminated)
                QVERIFY(m.end <= text.size());
        }
        const std::string card = "card 4111 1111 1111 1111";
        std::vector<Match> bounded, terminated;
        digits->scan(card, 0, card.size(), bounded);
        digits->scanTerminated(card, 0, card.size(), terminated);
        QVERIFY(!terminated.empty());
        QVERIFY(bounded == terminated);
    }

    // keepLeftmost() against a plain reference: for each (id, end) the first match in order,
    // on sparse matches and on dense ones (many patterns open at once, as in a long run of
    // digits).
    void keepLeftmostEqualsReference_data()
    {
        QTest::addColumn<int>("ids");
        QTest::addColumn<int>("maxWidth");
        QTest::addColumn<int>("firstId"); // from 255 on, the keys no longer fit 32 bits
        QTest::newRow("sparse") << 3 << 12 << 0;
        QTest::newRow("dense") << 40 << 30 << 0;
        QTest::newRow("dense, wide ids") << 40 << 30 << 250;
    }

    void keepLeftmostEqualsReference()
    {
        QFETCH(int, ids);
        QFETCH(int, maxWidth);
        QFETCH(int, firstId);
        quint32 state = 7u;
        const auto next = [&state](quint32 bound) {
            state = state * 1664525u + 1013904223u;
            return (state >> 8) % bound;
        };
        std::vector<Match> matches;
        for (size_t start = 0; start < 400; start += 1 + next(3)) {
            std::vector<Match> here; // one start: longest first, as scan() reports
            for (int k = 0; k < ids; ++k)
                if (next(2) == 0)
                    here.push_back({unsigned(firstId + k), start, start + 1 + next(quint32(maxWidth))});
            std::sort(here.begin(), here.end(), [](const Match &x, const Match &y) { return x.end > y.end; });
            matches.insert(matches.end(), here.begin(), here.end());
        }
        std::vector<Match> expected;
        for (const Match &m : matches)
            if (std::none_of(expected.begin(), expected.end(), [&](const Match &e) { return e.id == m.id && e.end == m.end; }))
                expected.push_back(m);
        std::vector<uint64_t> table;
        std::vector<Match> actual = matches;
        AnchoredAutomaton::keepLeftmost(actual, table);
        QVERIFY(expected.size() < matches.size()); // there were repeats to drop
        QCOMPARE(actual.size(), expected.size());
        QVERIFY(actual == expected);
    }

    // The recognizers run from start windows: their finders must name the leftmost start of
    // every match Hyperscan finds in the whole text.
    void startWindowsSameMatchesAsHyperscan_data()
    {
        QVERIFY(testdata::addRecognizerRows(ScanMode::StartWindows) >= 2);
    }

    void startWindowsSameMatchesAsHyperscan()
    {
        QFETCH(int, recognizer);
        const Recognizer r = BuiltinRecognizers::all()[size_t(recognizer)];
        QVERIFY(r.startWindows);
        std::vector<size_t> rejected;
        const auto automaton = AnchoredAutomaton::build({{unsigned(recognizer), r.pattern, r.flags}}, rejected);
        QVERIFY(automaton);
        const HyperscanReference hyperscan({{r.pattern, r.flags | HS_FLAG_SOM_LEFTMOST, 0}});
        QVERIFY(hyperscan.valid());

        QStringList texts = edgeCases() + testdata::corpusTexts() + randomTexts(2000, 7);
        texts << QStringLiteral("fe80::1 ::1 :: 2001:db8::8a2e:370:7334 1:2:3:4:5:6:7:8 ::ffff:192.0.2.128 fe80::1%eth0 2001:db8::/32")
              << QStringLiteral("std::vector<int> a::b::c 10:42:07 12:30:45.123 ab:cd:ef:01:23:45 dead:beef::cafe")
              << QStringLiteral("MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs xMTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWsab")
              << QStringLiteral("NTk4NjIyNDgzNDcxOTI1MjQ4NDU.abcdef.ghijklmnopqrstuvwxyzABCDEFGHIJ a.b.c.d.e.f.g.h.i.j.k");
        // shapes the finders care about, at random
        std::mt19937 rng(99);
        const std::string alphabet = "0123456789abcdefABCDEFMNOxyz_-.:% /";
        for (int i = 0; i < 2000; ++i) {
            std::string t(size_t(rng() % 120), ' ');
            for (char &c : t)
                c = alphabet[rng() % alphabet.size()];
            texts << QString::fromStdString(t);
        }
        // dotted tokens of every segment length around the ones that match, glued to text
        const std::string token = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        for (int i = 0; i < 1500; ++i) {
            std::string t = (rng() % 2) ? "x" : " ";
            t += "MNOP"[rng() % 4];
            const auto segment = [&](size_t len) {
                for (size_t k = 0; k < len; ++k)
                    t += token[rng() % token.size()];
            };
            segment(21 + rng() % 7);
            t += '.';
            segment(5 + rng() % 3);
            t += '.';
            segment(25 + rng() % 16);
            t += " .:"[rng() % 3];
            texts << QString::fromStdString(t);
        }
        size_t total = 0;
        std::vector<uint64_t> table;
        for (const QString &text : texts) {
            const std::string bytes = text.toStdString();
            std::vector<Match> expected;
            QVERIFY(hyperscan.scan(bytes, expected));
            for (auto &m : expected)
                m.id = unsigned(recognizer); // the reference numbers its one pattern 0
            keepLeftmostPerEnd(expected);
            std::vector<std::pair<size_t, size_t>> ranges;
            TriggerBytes triggers;
            triggers.index(bytes, r.triggers);
            r.startWindows(triggers, ranges);
            std::vector<Match> actual;
            automaton->scan(bytes, ranges, actual);
            AnchoredAutomaton::keepLeftmost(actual, table);
            std::sort(actual.begin(), actual.end(), byIdEndStart);
            if (!(actual == expected))
                QFAIL(qPrintable(QStringLiteral("different matches on: ") + text.left(200) + differences(expected, actual).left(300)));
            total += expected.size();
        }
        QVERIFY2(total > 20, "the texts must exercise the pattern");
    }
};

QTEST_GUILESS_MAIN(TestAnchoredAutomaton)
#include "tst_anchoredautomaton.moc"
