// SPDX-License-Identifier: Apache-2.0
// The classifier with its fast engines (native triggers, anchored automata, start windows)
// must find exactly what it finds with every pattern in Hyperscan: same findings, spans, scores
// and recognizers, on the corpus and on generated text.
#include "ClassifierTestData.h"
#include "classify/BuiltinRecognizers.h"
#include "classify/HyperscanClassifier.h"
#include <QTest>
#include <random>

using namespace perimeter::classify;

namespace {

// Prose, code and logs with identifiers, tokens and addresses at random places and in random
// glue (the tokens are made up; only their shapes matter).
QStringList generatedTexts(int count)
{
    static const char *pieces[] = {
        "The report is due on 15 March 2024; call +44 20 7123 4567 or mail jane.doe@example.com. ",
        "Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, SSN 078-05-1120. ",
        "std::vector<int> v; auto x = a::b::c(); // fe80::1 and 2001:db8::8a2e:370:7334 ",
        "2024-03-15T10:42:07Z INFO request path=/v1/orders ip=10.0.12.7 took=37ms ",
        "token = \"MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs\" ",
        "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ",
        "visit https://api.example.org/v1/items or shop.example.co.uk today. ",
        "\"api_key\": \"9f8e7d6c5b4a39281706f5e4d3c2b1a0\", 'secret': 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA==' ",
        "NINO AB 12 34 56 C, NHS 943 476 5919, passport 123456789, licence D1234567. ",
        "app|123456789012345|abcdefghijklmnopqrstuvwxyz0 and %7Cabcdefghijklmnopqrstuvwxyz0 ",
        "RSSMRA85T10A562S 131052-308T ABCDE1234F MH 12 AB 1234 S1234567D ",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq 1BoatSLRHtKNngkdXEeobR76b53LETtpyT ",
        "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789 xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx ",
        "12:30 p.m. on 3/24, room 4481-2209, order ZX81923, total 1,234.56 EUR. ",
    };
    std::mt19937 rng(20261201);
    const std::string glue = " .,;:-_/|\"'\n(x)";
    QStringList texts;
    for (int i = 0; i < count; ++i) {
        std::string t;
        const int n = int(rng() % 6) + 1;
        for (int k = 0; k < n; ++k) {
            std::string piece = pieces[rng() % (sizeof pieces / sizeof *pieces)];
            // cut a piece at random now and then, so shapes end in odd places
            if (rng() % 4 == 0)
                piece = piece.substr(rng() % piece.size());
            t += piece;
            t += glue[rng() % glue.size()];
        }
        texts << QString::fromStdString(t);
    }
    return texts;
}

QString describe(const Finding &f)
{
    return QStringLiteral("%1/%2 [%3,%4) %5 %6").arg(f.type, f.subtype).arg(f.start).arg(f.end).arg(f.score).arg(f.recognizer);
}

} // namespace

class TestClassifierReference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameFindingsAsHyperscanOnly()
    {
        auto fast = HyperscanClassifier::create(BuiltinRecognizers::all());
        HyperscanClassifier::Options reference;
        reference.hyperscanOnly = true;
        auto slow = HyperscanClassifier::create(BuiltinRecognizers::all(), reference);
        QVERIFY(fast);
        QVERIFY(slow);
        const QStringList texts = testdata::corpusTexts() + generatedTexts(1500);
        QVERIFY(texts.size() > 1500);
        qint64 findings = 0;
        for (const QString &text : texts) {
            const auto a = fast.value()->scan(text);
            const auto b = slow.value()->scan(text);
            QVERIFY(a && b);
            QStringList fa, fb;
            for (const auto &f : a.value())
                fa << describe(f);
            for (const auto &f : b.value())
                fb << describe(f);
            if (fa != fb)
                QFAIL(qPrintable(QStringLiteral("on \"%1\":\n fast: %2\n hyperscan: %3")
                                     .arg(text.left(300), fa.join(QStringLiteral("; ")), fb.join(QStringLiteral("; ")))));
            findings += a.value().size();
        }
        QVERIFY2(findings > 3000, "the texts must produce findings");
    }
};

QTEST_GUILESS_MAIN(TestClassifierReference)
#include "tst_classifierreference.moc"
