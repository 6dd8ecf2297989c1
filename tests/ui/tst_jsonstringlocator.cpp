// SPDX-License-Identifier: Apache-2.0
#include "ui/JsonStringLocator.h"
#include <QTest>

using perimeter::ui::JsonStringLocator;

class tst_JsonStringLocator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void json_data();
    void json();
    void invalidJson_data();
    void invalidJson();
    void plainText();
};

void tst_JsonStringLocator::json_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<int>("cpStart");
    QTest::addColumn<int>("cpEnd");
    QTest::addColumn<QString>("expected"); // the raw text the range covers; "" = not found

    const QString chat = QStringLiteral("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"card 4111 1111\"}]}");
    QTest::newRow("message content") << chat << "/messages/0/content" << 5 << 14 << "4111 1111";
    QTest::newRow("model value") << chat << "/model" << 0 << 1 << "m";
    QTest::newRow("out of range") << chat << "/messages/0/content" << 5 << 40 << "";
    QTest::newRow("unknown pointer") << chat << "/messages/1/content" << 0 << 1 << "";
    QTest::newRow("escapes shift raw offsets") << QStringLiteral("{\"a\": \"x\\n\\\"y\\u00e9 secret\"}") << "/a" << 6 << 12 << "secret";
    QTest::newRow("surrogate pair counts once") << QStringLiteral("{\"a\": \"\U0001F600 key\"}") << "/a" << 2 << 5 << "key";
    QTest::newRow("escaped surrogate pair counts once") << QStringLiteral("{\"a\": \"\\ud83d\\ude00 key\"}") << "/a" << 2 << 5 << "key";
    QTest::newRow("pointer token escaping") << QStringLiteral("{\"a/b\": {\"c~d\": \"value\"}}") << "/a~1b/c~0d" << 0 << 5 << "value";
    QTest::newRow("array of strings") << QStringLiteral("{\"input\": [\"zero\", \"one two\"]}") << "/input/1" << 4 << 7 << "two";
    QTest::newRow("key shares pointer with non-string value") << QStringLiteral("{\"4111\": 1}") << "/4111" << 0 << 4 << "4111";
}

void tst_JsonStringLocator::json()
{
    QFETCH(QString, raw);
    QFETCH(QString, pointer);
    QFETCH(int, cpStart);
    QFETCH(int, cpEnd);
    QFETCH(QString, expected);
    const auto locator = JsonStringLocator::fromJson(raw);
    QVERIFY(locator);
    const auto range = locator->rawRange(pointer, cpStart, cpEnd);
    if (expected.isEmpty()) {
        QVERIFY(!range);
        return;
    }
    QVERIFY(range);
    QCOMPARE(raw.mid(range->first, range->second - range->first), expected);
}

void tst_JsonStringLocator::invalidJson_data()
{
    QTest::addColumn<QString>("raw");
    QTest::newRow("plain text") << "card 4111";
    QTest::newRow("unterminated string") << "{\"a\": \"b}";
    QTest::newRow("trailing garbage") << "{\"a\": 1} x";
    QTest::newRow("missing colon") << "{\"a\" 1}";
    QTest::newRow("empty") << "";
}

void tst_JsonStringLocator::invalidJson()
{
    QFETCH(QString, raw);
    QVERIFY(!JsonStringLocator::fromJson(raw));
}

void tst_JsonStringLocator::plainText()
{
    const QString text = QStringLiteral("\U0001F600 card 4111");
    const auto locator = JsonStringLocator::fromPlainText(text, {QStringLiteral("/messages/0/content"), QStringLiteral("/input")});
    for (const auto &pointer : {QStringLiteral("/messages/0/content"), QStringLiteral("/input")}) {
        const auto range = locator.rawRange(pointer, 7, 11);
        QVERIFY(range);
        QCOMPARE(text.mid(range->first, range->second - range->first), QStringLiteral("4111"));
    }
    QVERIFY(!locator.rawRange(QStringLiteral("/other"), 0, 1));
    QVERIFY(!locator.rawRange(QStringLiteral("/input"), 3, 3));
}

QTEST_GUILESS_MAIN(tst_JsonStringLocator)
#include "tst_jsonstringlocator.moc"
