// SPDX-License-Identifier: Apache-2.0
#include "classify/Checksums.h"
#include <QTest>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

using namespace perimeter::classify;

class TestChecksums : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void algorithms_data();
    void algorithms();
    void entropyMatchesTheDefinitionExactly();
};

using Check = bool (*)(std::string_view);
Q_DECLARE_METATYPE(Check)

void TestChecksums::algorithms_data()
{
    QTest::addColumn<Check>("check");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    const auto row = [](const char *name, Check c, const char *v, bool ok) {
        QTest::newRow(name) << c << QString::fromLatin1(v) << ok;
    };
    row("luhn visa", checksums::luhn, "4111111111111111", true);
    row("luhn off by one", checksums::luhn, "4111111111111112", false);
    row("luhn amex", checksums::luhn, "371449635398431", true);
    row("iban de", checksums::ibanValid, "DE89370400440532013000", true);
    row("iban wrong check digits", checksums::ibanValid, "DE88370400440532013000", false);
    row("iban wrong length", checksums::ibanValid, "DE8937040044053201300", false);
    row("iban unknown country", checksums::ibanValid, "QQ89370400440532013000", false);
    row("verhoeff aadhaar", checksums::verhoeff, "312345678909", true);
    row("verhoeff wrong", checksums::verhoeff, "312345678908", false);
    row("nhs", checksums::ukNhs, "2213951837", true);
    row("nhs wrong", checksums::ukNhs, "2213951838", false);
    row("nif", checksums::esNifLetter, "12345678Z", true);
    row("nif wrong letter", checksums::esNifLetter, "12345678A", false);
    row("nie", checksums::esNie, "Z8078221M", true);
    row("nie wrong letter", checksums::esNie, "Y8063915Q", false);
    row("fiscal code", checksums::itFiscalCode, "RSSMRA85T10A562S", true);
    row("fiscal code wrong", checksums::itFiscalCode, "RSSMRA85T10A562T", false);
    row("vat", checksums::itVatCode, "01333550323", true);
    row("vat zeros", checksums::itVatCode, "00000000000", false);
    row("abn", checksums::auAbn, "51824753556", true);
    row("abn wrong", checksums::auAbn, "52824753556", false);
    row("acn", checksums::auAcn, "005499981", true);
    row("tfn", checksums::auTfn, "876543210", true);
    row("tfn wrong", checksums::auTfn, "876543211", false);
    row("medicare", checksums::auMedicare, "2123456701", true);
    row("medicare wrong", checksums::auMedicare, "2123258701", false);
    row("pesel", checksums::plPesel, "44051401458", true);
    row("pesel wrong", checksums::plPesel, "44051401459", false);
    row("hetu", checksums::fiPersonalIdentityCode, "131052-308T", true);
    row("hetu bad date", checksums::fiPersonalIdentityCode, "310252-308T", false);
    row("dea", checksums::deaNumber, "BB1388568", true);
    row("dea wrong", checksums::deaNumber, "BB1388569", false);
    row("base58check", checksums::base58Check, "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ", true);
    row("base58check extra char", checksums::base58Check, "16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2", false);
    row("bech32", checksums::bech32Address, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", true);
    row("bech32m", checksums::bech32Address, "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297", true);
    row("bech32 corrupted", checksums::bech32Address, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", false);
}

void TestChecksums::algorithms()
{
    QFETCH(Check, check);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QCOMPARE(check(value.toStdString()), valid);
}

// Validators compare entropies with thresholds (>= 3.0): a value exactly at one (eight distinct
// bytes, each as often) must score the same after any rewrite of the function, to the last bit.
// The reference is the definition: every byte value in ascending order.
void TestChecksums::entropyMatchesTheDefinitionExactly()
{
    const auto reference = [](std::string_view s) {
        if (s.empty())
            return 0.0;
        int counts[256] = {};
        for (unsigned char c : s)
            ++counts[c];
        double h = 0.0;
        const double n = double(s.size());
        for (int c = 0; c < 256; ++c) {
            if (counts[c] == 0)
                continue;
            const double p = counts[c] / n;
            h -= p * std::log2(p);
        }
        return h;
    };
    const auto same = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; };
    std::vector<std::string> values = {"", "a", "abcdefgh", "aabbccddeeffgghh", "AKIAIOSFODNN7EXAMPLE", std::string(300, 'x')};
    std::mt19937 rng(7);
    for (int k = 0; k < 3000; ++k) {
        // short alphabets make repeated counts (cached terms), long values counts past the cache
        const int alphabet = 1 + int(rng() % 90);
        const size_t length = 1 + rng() % (k % 10 == 0 ? 5000 : 120);
        std::string v(length, '\0');
        for (char &c : v)
            c = char(33 + int(rng() % unsigned(alphabet)) + (k % 7 == 0 ? 100 : 0));
        values.push_back(std::move(v));
    }
    for (const std::string &v : values) {
        const double expected = reference(v), actual = checksums::shannonEntropy(v);
        if (!same(expected, actual))
            QFAIL(qPrintable(QStringLiteral("entropy of a %1-byte value: %2 instead of %3").arg(v.size()).arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    }
    QVERIFY(same(checksums::shannonEntropy("abcdefgh"), 3.0));
}

QTEST_GUILESS_MAIN(TestChecksums)
#include "tst_checksums.moc"
