// SPDX-License-Identifier: Apache-2.0
// The native trigger finders must report exactly the end offsets Hyperscan reports for the
// pattern each one stands for: the pattern stays on the recognizer as the specification.
#include "ClassifierTestData.h"
#include "HyperscanReference.h"
#include "classify/BuiltinRecognizers.h"
#include "classify/NativeTriggers.h"
#include <QTest>
#include <hs/hs.h>
#include <algorithm>
#include <random>

using namespace perimeter::classify;

namespace {

std::vector<size_t> sortedUnique(std::vector<size_t> v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

// Texts that exercise the edges: triggers at the start and end, runs one short and one long,
// case, adjacent triggers, escapes, dots inside words and numbers.
QStringList edgeCases()
{
    return {
        QString(),
        QStringLiteral("\""),
        QStringLiteral("'abcdefghijklmnopqrst"),
        QStringLiteral("'abcdefghijklmnopqrs"),
        QStringLiteral("x = \"QWxhZGRpbjpvcGVuIHNlc2FtZQ==\" and 'c2VjcmV0LXRva2VuLXZhbHVlLTEyMzQ1'"),
        QStringLiteral("\"\"abcdefghijklmnopqrstuvwxyz\"'+/=_-+/=_-+/=_-+/=_-"),
        QStringLiteral("1234567890123456|abcdefghijklmnopqrstuvwxyz0"),
        QStringLiteral("1234567890123456%7Cabcdefghijklmnopqrstuvwxyz0"),
        QStringLiteral("%7cabcdefghijklmnopqrstuvwxyz0 %7 %7C ||abcdefghijklmnopqrstuvwxyz01"),
        QStringLiteral("|abcdefghijklmnopqrstuvwxyz"),
        QStringLiteral("see example.com, example.COM. www.test.co.uk and x.comfoo x.co_ x.io2 .org"),
        QStringLiteral("a.b.c.d.e.f. 1.2.3 v1.0.0 e.g. i.e. file.txt report.pdf main.cpp site.de/path"),
        QStringLiteral("mail me at a@b.email or see shop.vlaanderen.museum.travel"),
        QStringLiteral("com.example.app . .. ... .com"),
        QStringLiteral("x.abcdefghijklmnopqrstuvwxyzabcdefghijklmnop.com"),
        // Vault tokens ("s." and 24) and e-mail domains
        QStringLiteral("s.Ab3dEf6hIj9lMn2pQr5tUv8x s.Ab3dEf6hIj9lMn2pQr5tUv8xy xs.Ab3dEf6hIj9lMn2pQr5tUv8x _s.Ab3dEf6hIj9lMn2pQr5tUv8x"),
        QStringLiteral("(s.Ab3dEf6hIj9lMn2pQr5tUv8x) s.Ab3dEf6hIj9lMn2pQr5tUv8 items.Ab3dEf6hIj9lMn2pQr5tUv8x s.Ab3dEf6hIj9lMn2pQr5tUv8x"),
        QStringLiteral("jane@example.com a@b.c @x. @-.a @.a x@@y.z user@mail-srv.example.org @@ a@b"),
        QStringLiteral("@x.y"),
    };
}

// Random strings over the bytes the patterns care about.
QStringList randomTexts()
{
    std::mt19937 rng(20261201);
    const std::string alphabet = "aZ09_-+/=.|%7C\"' \nCcomOrgIUKs@";
    QStringList texts;
    for (int i = 0; i < 400; ++i) {
        std::string s(size_t(rng() % 200), ' ');
        for (char &c : s)
            c = alphabet[rng() % alphabet.size()];
        texts << QString::fromStdString(s);
    }
    return texts;
}

} // namespace

class TestNativeTriggers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The index lists every offset of every byte asked for, in order: declared up front (also
    // more than one pass holds) or asked for later.
    void triggerBytesListEveryOffset()
    {
        std::mt19937 rng(7);
        const std::string declared = ".:\"'|%@#$^&*";
        for (int round = 0; round < 200; ++round) {
            std::string text(size_t(rng() % 300), ' ');
            for (char &c : text)
                c = "ab.:\"'|%@#$^&*~x"[rng() % 16];
            TriggerBytes index;
            index.index(text, declared);
            for (const char byte : declared + "x~") {
                std::vector<uint32_t> expected;
                for (size_t i = 0; i < text.size(); ++i)
                    if (text[i] == byte)
                        expected.push_back(uint32_t(i));
                QVERIFY(std::ranges::equal(index.positions(byte), expected));
            }
        }
    }

    void sameEndsAsThePattern_data()
    {
        QVERIFY(testdata::addRecognizerRows(ScanMode::Native) >= 3);
    }

    void sameEndsAsThePattern()
    {
        QFETCH(int, recognizer);
        const Recognizer r = BuiltinRecognizers::all()[size_t(recognizer)];
        QVERIFY(r.find);
        const testdata::HyperscanReference hyperscan({{r.pattern, r.flags, 0}});
        QVERIFY(hyperscan.valid());
        QStringList texts = edgeCases() + randomTexts() + testdata::corpusTexts();
        QVERIFY(texts.size() > 400);
        int withMatches = 0;
        for (const QString &text : texts) {
            const std::string bytes = text.toStdString();
            std::vector<testdata::HyperscanReference::Match> matches;
            QVERIFY(hyperscan.scan(bytes, matches));
            std::vector<size_t> expected;
            for (const auto &m : matches)
                expected.push_back(m.end);
            std::vector<size_t> native;
            TriggerBytes triggers;
            triggers.index(bytes, r.triggers);
            r.find(triggers, native);
            QVERIFY(std::is_sorted(native.begin(), native.end()));
            if (sortedUnique(native) != sortedUnique(expected))
                QFAIL(qPrintable(QStringLiteral("different ends on: ") + text.left(200)));
            // the finder reads only the bytes it declares: an index of nothing finds the same
            // (undeclared bytes are indexed on first use), so a declaration is only about speed
            TriggerBytes lazy;
            lazy.index(bytes, {});
            std::vector<size_t> fromLazy;
            r.find(lazy, fromLazy);
            QVERIFY(fromLazy == native);
            withMatches += expected.empty() ? 0 : 1;
        }
        QVERIFY2(withMatches >= 3, "the texts must exercise the pattern");
    }
};

QTEST_GUILESS_MAIN(TestNativeTriggers)
#include "tst_nativetriggers.moc"
