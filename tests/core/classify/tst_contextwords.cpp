// SPDX-License-Identifier: Apache-2.0
#include "classify/ContextWords.h"
#include <QTest>

using namespace perimeter::classify;

namespace {

ContextWords::Wanted wantedWords(const ContextWords &words, std::initializer_list<const char *> wanted)
{
    std::vector<uint64_t> b((words.size() + 63) / 64 + 1, 0);
    for (const char *w : wanted) {
        const size_t k = words.indexOf(w);
        if (k < words.size())
            b[k >> 6] |= uint64_t(1) << (k & 63);
    }
    return words.select(b);
}

} // namespace

class TestContextWords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void around_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::addColumn<int>("valueStart"); // the value is [valueStart, valueStart + 4)
        QTest::addColumn<bool>("found");
        QTest::newRow("before") << QStringLiteral("my card 4111") << QStringLiteral("card") << 8 << true;
        QTest::newRow("after") << QStringLiteral("4111 is my card") << QStringLiteral("card") << 0 << true;
        QTest::newRow("any case") << QStringLiteral("MY CARD: 4111") << QStringLiteral("card") << 9 << true;
        QTest::newRow("plural starts a word") << QStringLiteral("cards 4111") << QStringLiteral("card") << 6 << true;
        QTest::newRow("not inside a word") << QStringLiteral("hotel 4111") << QStringLiteral("tel") << 6 << false;
        QTest::newRow("after an underscore is inside") << QStringLiteral("x_tel 4111") << QStringLiteral("tel") << 6 << false;
        QTest::newRow("after punctuation starts") << QStringLiteral("(tel) 4111") << QStringLiteral("tel") << 6 << true;
        QTest::newRow("with a space") << QStringLiteral("passport no 4111") << QStringLiteral("passport no") << 12 << true;
        QTest::newRow("the value is not its own context") << QStringLiteral("card") << QStringLiteral("card") << 0 << false;
        QTest::newRow("overlapping the value") << QStringLiteral("xxcard") << QStringLiteral("card") << 0 << false;
        QTest::newRow("other word") << QStringLiteral("my phone 4111") << QStringLiteral("card") << 9 << false;
        QTest::newRow("non-word first byte") << QStringLiteral("x#id 4111") << QStringLiteral("#id") << 5 << true;
        const QString far = QStringLiteral("card") + QString(80, QLatin1Char(' ')) + QStringLiteral("4111");
        QTest::newRow("too far before") << far << QStringLiteral("card") << 84 << false;
        const QString near = QString(100, QLatin1Char('z')) + QStringLiteral(" card") + QString(60, QLatin1Char(' ')) + QStringLiteral("4111");
        QTest::newRow("across blocks") << near << QStringLiteral("card") << 165 << true;
        QTest::newRow("at the end of the text") << QStringLiteral("4111 ca") << QStringLiteral("card") << 0 << false;
    }

    void around()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(int, valueStart);
        QFETCH(bool, found);
        const ContextWords words({"tel", "card", "passport no", "#id", "phone"});
        const std::string t = text.toStdString();
        ContextWords::Scan scan;
        words.begin(scan, t);
        const size_t vs = size_t(valueStart);
        const size_t ve = vs + 4;
        const size_t from = vs > 64 ? vs - 64 : 0;
        QCOMPARE(words.anyAround(scan, wantedWords(words, {word.toStdString().c_str()}), from, ve + 32, vs, ve), found);
        // asking again (the block is indexed now) gives the same answer
        QCOMPARE(words.anyAround(scan, wantedWords(words, {word.toStdString().c_str()}), from, ve + 32, vs, ve), found);
    }

    void onlyTheWantedWords()
    {
        const ContextWords words({"tel", "card"});
        const std::string t = "card 4111";
        ContextWords::Scan scan;
        words.begin(scan, t);
        QVERIFY(!words.anyAround(scan, wantedWords(words, {"tel"}), 0, t.size(), 5, 9));
        QVERIFY(words.anyAround(scan, wantedWords(words, {"tel", "card"}), 0, t.size(), 5, 9));
    }

    // Words of one byte and words that start outside [A-Za-z0-9_] (a policy may define both):
    // found where they stand, in any case, and only when wanted.
    void oneByteAndPunctuationWords()
    {
        const ContextWords words({"#", "x", "#id", "card"});
        ContextWords::Scan scan;
        const std::string t = "ref #ID 4111, X 4222, a#b 4333";
        words.begin(scan, t);
        QVERIFY(words.anyAround(scan, wantedWords(words, {"#id"}), 0, 12, 8, 12));
        QVERIFY(words.anyAround(scan, wantedWords(words, {"#"}), 0, 12, 8, 12));
        QVERIFY(!words.anyAround(scan, wantedWords(words, {"x"}), 0, 12, 8, 12));
        QVERIFY(words.anyAround(scan, wantedWords(words, {"x"}), 12, 20, 16, 20));       // "X" starts a word
        QVERIFY(!words.anyAround(scan, wantedWords(words, {"x"}), 20, t.size(), 26, 30)); // no "x" word there
        QVERIFY(words.anyAround(scan, wantedWords(words, {"#"}), 20, t.size(), 26, 30));  // "#" inside "a#b"
        QVERIFY(!words.anyAround(scan, wantedWords(words, {"card"}), 0, t.size(), 8, 12));
    }

    void reusedAcrossTexts()
    {
        const ContextWords words({"card"});
        ContextWords::Scan scan;
        const std::string first = std::string(300, 'a') + " card 4111";
        words.begin(scan, first);
        QVERIFY(words.anyAround(scan, wantedWords(words, {"card"}), 240, 314, 306, 310));
        const std::string second = "4111";
        words.begin(scan, second);
        QVERIFY(!words.anyAround(scan, wantedWords(words, {"card"}), 0, 4, 0, 4));
    }
};

QTEST_GUILESS_MAIN(TestContextWords)
#include "tst_contextwords.moc"
