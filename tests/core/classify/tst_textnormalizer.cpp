// SPDX-License-Identifier: Apache-2.0
#include "classify/TextNormalizer.h"
#include <QTest>

using namespace perimeter::classify;

class TestTextNormalizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void folding_data();
    void folding();
    void offsetsMapBack();
};

void TestTextNormalizer::folding_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("normalized");
    QTest::newRow("ascii identity") << QStringLiteral("card 4111") << QByteArray("card 4111");
    QTest::newRow("full-width digits") << QStringLiteral("\uFF14\uFF11\uFF11\uFF11") << QByteArray("4111");
    QTest::newRow("zero-width removed") << QStringLiteral("41\u200B1\u200D1\uFEFF1") << QByteArray("41111");
    QTest::newRow("unicode escape") << QStringLiteral("\\u0034\\u0031") << QByteArray("41");
    QTest::newRow("escaped surrogate pair") << QStringLiteral("\\ud83d\\ude00x") << QByteArray("\xF0\x9F\x98\x80x");
    QTest::newRow("html entity") << QStringLiteral("&#52;&#x31;") << QByteArray("41");
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0664\u0661") << QByteArray("41");
    QTest::newRow("nbsp and em dash") << QStringLiteral("a\u00A0b\u2014c") << QByteArray("a b-c");
    QTest::newRow("spacing diacritic kept") << QStringLiteral("A\u00A8B") << QByteArray("A\xC2\xA8" "B");
    QTest::newRow("escape after backslash run") << QStringLiteral("a\\\\\\u0034") << QByteArray("a4");
    QTest::newRow("backslashes and ampersands alone") << QStringLiteral("C:\\new\\x & R&D &amp;") << QByteArray("C:\\new\\x & R&D &amp;");
    // the same with a non-ASCII character, so the slow pass (runs found 8 units at a time) decides
    QTest::newRow("slow pass: plain backslashes and ampersands")
        << QStringLiteral("\u00E9 C:\\new\\x & R&D &amp; a\\\\b && c") << QByteArray("\xC3\xA9 C:\\new\\x & R&D &amp; a\\\\b && c");
    QTest::newRow("slow pass: escapes after long runs")
        << QStringLiteral("\u00E9 0123456789abcdef\\\\\\u0034 0123456789&#x31;0123456789\\U0032&#51")
        << QByteArray("\xC3\xA9 0123456789abcdef4 0123456789" "10123456789" "2&#51");
}

void TestTextNormalizer::folding()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, normalized);
    const auto n = TextNormalizer::normalize(input);
    QCOMPARE(QByteArray::fromStdString(n.bytes), normalized);
}

void TestTextNormalizer::offsetsMapBack()
{
    // ASCII that only looks like it could hold escapes keeps the identity map (the fast path)
    QVERIFY(TextNormalizer::normalize(QStringLiteral("path C:\\new & R&D")).identity);
    QVERIFY(!TextNormalizer::normalize(QStringLiteral("x\\u0034")).identity);
    QVERIFY(!TextNormalizer::normalize(QStringLiteral("x&#52;")).identity);

    // "😀 ＡＢ\u200BＣ": emoji is one code point (two UTF-16 units, four UTF-8 bytes)
    const QString text = QStringLiteral("\U0001F600 \uFF21\uFF22\u200B\uFF23");
    const auto n = TextNormalizer::normalize(text);
    QCOMPARE(QByteArray::fromStdString(n.bytes), QByteArray("\xF0\x9F\x98\x80 ABC"));
    qint64 s = -1, e = -1;
    n.toOriginal(5, 8, s, e); // "ABC"
    QCOMPARE(s, qint64(2));
    QCOMPARE(e, qint64(6)); // the zero-width space inside stays inside the span
    n.toOriginal(0, 4, s, e); // the emoji
    QCOMPARE(s, qint64(0));
    QCOMPARE(e, qint64(1));
    const auto esc = TextNormalizer::normalize(QStringLiteral("x\\u0034y"));
    esc.toOriginal(1, 2, s, e);
    QCOMPARE(s, qint64(1));
    QCOMPARE(e, qint64(7));

    // the piece map: dropped characters at the start and end, a two-byte fold, ASCII after them
    const auto lead = TextNormalizer::normalize(QStringLiteral("\u200Babc"));
    lead.toOriginal(0, 3, s, e);
    QCOMPARE(s, qint64(1));
    QCOMPARE(e, qint64(4));
    const auto trail = TextNormalizer::normalize(QStringLiteral("ab\u200B"));
    trail.toOriginal(0, 2, s, e);
    QCOMPARE(s, qint64(0));
    QCOMPARE(e, qint64(2)); // the dropped character after the span is not part of it
    const auto accent = TextNormalizer::normalize(QStringLiteral("\u00E91234\u200B\uFF15x"));
    QCOMPARE(QByteArray::fromStdString(accent.bytes), QByteArray("\xC3\xA9" "12345x"));
    accent.toOriginal(2, 6, s, e); // "1234"
    QCOMPARE(s, qint64(1));
    QCOMPARE(e, qint64(5));
    accent.toOriginal(1, 3, s, e); // half the accent and the "1": the whole accent is included
    QCOMPARE(s, qint64(0));
    QCOMPARE(e, qint64(2));
    accent.toOriginal(6, 8, s, e); // the folded full-width 5 and the x after the dropped character
    QCOMPARE(s, qint64(6));
    QCOMPARE(e, qint64(8));
}

QTEST_GUILESS_MAIN(TestTextNormalizer)
#include "tst_textnormalizer.moc"
