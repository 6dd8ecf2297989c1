// SPDX-License-Identifier: Apache-2.0
#include "classify/ClassifierFactory.h"
#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter::classify;
using perimeter::Sensitivity;

class TestPayloadClassifier : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void requestWalking_data();
    void requestWalking();
    void cleanRequestIsPublic();
    void failsClosedOnOversizedText();
    void failsClosedOnOversizedRequest();
    void thresholdsDropWeakFindings();
    void levelsFromDefaults();

private:
    std::shared_ptr<const PayloadClassifier> m_classifier;
};

void TestPayloadClassifier::initTestCase()
{
    auto built = ClassifierFactory::build(ClassifierSettings::defaults());
    QVERIFY(built.ok());
    m_classifier = built.value();
}

void TestPayloadClassifier::requestWalking_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("path");
    QTest::newRow("system message") << QByteArray(R"({"model":"m","messages":[{"role":"system","content":"ssn 460-89-9847"}]})")
                                    << QStringLiteral("US_SSN") << QStringLiteral("/messages/0/content");
    QTest::newRow("content parts") << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"text","text":"card 4111111111111111"}]}]})")
                                   << QStringLiteral("CREDIT_CARD") << QStringLiteral("/messages/0/content/0/text");
    QTest::newRow("tool call arguments")
        << QByteArray(R"({"messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"pay","arguments":"{\"iban\": \"DE89370400440532013000\"}"}}]}]})")
        << QStringLiteral("IBAN") << QStringLiteral("/messages/0/tool_calls/0/function/arguments");
    QTest::newRow("tool definitions") << QByteArray(R"({"messages":[],"tools":[{"type":"function","function":{"name":"f","description":"uses token ghp_FgH5bXyAvDBC4ZgSJ6FSqy3X0abEWyvJvqVk"}}]})")
                                      << QStringLiteral("SECRET") << QStringLiteral("/tools/0/function/description");
    QTest::newRow("embeddings input array") << QByteArray(R"({"model":"embed","input":["hello","mail jane@example.com"]})")
                                            << QStringLiteral("EMAIL_ADDRESS") << QStringLiteral("/input/1");
    QTest::newRow("completion prompt") << QByteArray(R"({"model":"m","prompt":"IBAN GB82WEST12345698765432"})")
                                       << QStringLiteral("IBAN") << QStringLiteral("/prompt");
    QTest::newRow("object key") << QByteArray(R"({"messages":[],"metadata":{"4111111111111111":"x"}})")
                                << QStringLiteral("CREDIT_CARD") << QStringLiteral("/metadata/4111111111111111");
    QTest::newRow("number value") << QByteArray(R"({"messages":[],"metadata":{"card":4111111111111111}})")
                                  << QStringLiteral("CREDIT_CARD") << QStringLiteral("/metadata/card");
    // "password = hunter2xyz" base64-encoded in a data URL
    QTest::newRow("data url")
        << QByteArray(R"({"messages":[{"role":"user","content":[{"type":"file","file":{"file_data":"data:text/plain;base64,cGFzc3dvcmQgPSBodW50ZXIyeHl6"}}]}]})")
        << QStringLiteral("SECRET") << QStringLiteral("/messages/0/content/0/file/file_data#base64");
}

void TestPayloadClassifier::requestWalking()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    QFETCH(QString, path);
    const auto report = m_classifier->classifyRequest(nlohmann::json::parse(body.toStdString()));
    QVERIFY(!report.failedClosed);
    QStringList got;
    bool found = false;
    for (const auto &f : report.findings) {
        got << f.type + QLatin1Char('@') + f.path;
        found = found || (f.type == type && f.path == path);
    }
    QVERIFY2(found, qPrintable(got.join(QLatin1Char(' '))));
    QVERIFY(report.level >= m_classifier->levels().levelFor(type));
    QVERIFY(report.typeCounts().value(type) >= 1);
}

void TestPayloadClassifier::cleanRequestIsPublic()
{
    const auto report = m_classifier->classifyRequest(
        nlohmann::json::parse(R"({"model":"m","messages":[{"role":"user","content":"Summarise the plot of Hamlet in three sentences."}]})"));
    QVERIFY(report.findings.isEmpty());
    QCOMPARE(report.level, Sensitivity::Public);
    QVERIFY(report.scannedChars > 0);
}

void TestPayloadClassifier::failsClosedOnOversizedText()
{
    ClassifierSettings settings;
    settings.limits.maxScanChars = 1000;
    auto built = ClassifierFactory::build(settings);
    QVERIFY(built.ok());
    const auto report = built.value()->classifyText(QString(1001, QLatin1Char('a')));
    QVERIFY(report.failedClosed);
    QCOMPARE(report.failureReason, QStringLiteral("payload_too_large_to_scan"));
    QCOMPARE(report.level, Sensitivity::Restricted);
}

void TestPayloadClassifier::failsClosedOnOversizedRequest()
{
    ClassifierSettings settings;
    settings.limits.maxScanChars = 100;
    auto built = ClassifierFactory::build(settings);
    QVERIFY(built.ok());
    nlohmann::json body = {{"messages", nlohmann::json::array()}};
    for (int i = 0; i < 5; ++i)
        body["messages"].push_back({{"role", "user"}, {"content", std::string(30, 'x')}});
    const auto report = built.value()->classifyRequest(body);
    QVERIFY(report.failedClosed);
    QCOMPARE(report.level, Sensitivity::Restricted);
}

void TestPayloadClassifier::thresholdsDropWeakFindings()
{
    ClassifierSettings settings;
    settings.types.insert(QStringLiteral("PHONE_NUMBER"), TypeOverride{std::nullopt, 0.99});
    auto built = ClassifierFactory::build(settings);
    QVERIFY(built.ok());
    const auto report = built.value()->classifyText(QStringLiteral("call (415) 555-0132"));
    for (const auto &f : report.findings)
        QVERIFY(f.type != QLatin1String("PHONE_NUMBER"));
    QCOMPARE(report.level, Sensitivity::Public);
}

void TestPayloadClassifier::levelsFromDefaults()
{
    const auto &levels = m_classifier->levels();
    QCOMPARE(levels.levelFor(QStringLiteral("SECRET")), Sensitivity::Restricted);
    QCOMPARE(levels.levelFor(QStringLiteral("IBAN")), Sensitivity::Confidential);
    QCOMPARE(levels.levelFor(QStringLiteral("EMAIL_ADDRESS")), Sensitivity::Internal);
    QCOMPARE(levels.levelFor(QStringLiteral("URL")), Sensitivity::Public);
    QCOMPARE(levels.levelFor(QStringLiteral("SOMETHING_NEW")), Sensitivity::Confidential);
    QCOMPARE(levels.levelFor(QStringLiteral("ORG_MARKER")), Sensitivity::Confidential);
}

QTEST_GUILESS_MAIN(TestPayloadClassifier)
#include "tst_payloadclassifier.moc"
