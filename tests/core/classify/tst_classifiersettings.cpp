// SPDX-License-Identifier: Apache-2.0
#include "classify/ClassifierFactory.h"
#include <QTest>
#include <nlohmann/json.hpp>

using namespace perimeter::classify;
using perimeter::Sensitivity;

class TestClassifierSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void markersAndCustomRecognizers();
    void problemsListedByPath_data();
    void problemsListedByPath();
    void everyProblemReported();
};

void TestClassifierSettings::markersAndCustomRecognizers()
{
    const auto json = nlohmann::json::parse(R"({
      "types": {"PHONE_NUMBER": {"level": "confidential"}},
      "markers": [{"name": "banners", "terms": ["CONFIDENTIAL — INTERNAL ONLY", "Project Nightingale"]}],
      "custom_recognizers": [
        {"name": "employee-id", "type": "EMPLOYEE_ID", "pattern": "\\bEMP-[0-9]{6}\\b", "score": 0.9, "level": "restricted"},
        {"name": "ticket", "type": "TICKET", "pattern": "\\bT[0-9]{5}\\b", "score": 0.8, "context": ["ticket"]}
      ]})");
    QStringList problems;
    const auto settings = ClassifierSettings::fromJson(json, QStringLiteral("/classifier"), problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    auto built = ClassifierFactory::build(settings);
    QVERIFY(built.ok());
    const auto &c = *built.value();

    // case-, whitespace- and dash-insensitive marker, full-width letters folded
    auto r = c.classifyText(QStringLiteral("header: confidential  -  internal only"));
    QCOMPARE(r.typeCounts().value(QStringLiteral("ORG_MARKER")), 1);
    QCOMPARE(r.level, Sensitivity::Confidential);
    r = c.classifyText(QStringLiteral("status of \uFF30roject nightingale?"));
    QCOMPARE(r.typeCounts().value(QStringLiteral("ORG_MARKER")), 1);
    r = c.classifyText(QStringLiteral("nightingales sing")); // word boundary
    QCOMPARE(r.typeCounts().value(QStringLiteral("ORG_MARKER")), 0);

    r = c.classifyText(QStringLiteral("owner EMP-123456"));
    QCOMPARE(r.typeCounts().value(QStringLiteral("EMPLOYEE_ID")), 1);
    QCOMPARE(r.level, Sensitivity::Restricted);
    QCOMPARE(r.findings.first().recognizer, QStringLiteral("CustomRecognizer:employee-id"));

    r = c.classifyText(QStringLiteral("see ticket T12345"));
    QCOMPARE(r.findings.size(), 1);
    QVERIFY(r.findings.first().score > 0.4);
    r = c.classifyText(QStringLiteral("T12345"));
    QVERIFY(r.findings.first().score < 0.5);

    QCOMPARE(c.levels().levelFor(QStringLiteral("PHONE_NUMBER")), Sensitivity::Confidential);
}

void TestClassifierSettings::problemsListedByPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    QTest::newRow("bad pattern") << QByteArray(R"({"custom_recognizers":[{"name":"x","type":"X","pattern":"(unclosed"}]})")
                                 << QStringLiteral("/classifier/custom_recognizers/0/pattern: does not compile: ");
    QTest::newRow("backreference") << QByteArray(R"({"custom_recognizers":[{"name":"x","type":"X","pattern":"(a)\\1"}]})")
                                   << QStringLiteral("/classifier/custom_recognizers/0/pattern: does not compile: ");
    QTest::newRow("bad level") << QByteArray(R"({"types":{"IBAN":{"level":"secret"}}})")
                               << QStringLiteral("/classifier/types/IBAN/level: must be");
    QTest::newRow("bad threshold") << QByteArray(R"({"types":{"IBAN":{"threshold":2}}})")
                                   << QStringLiteral("/classifier/types/IBAN/threshold: must be a number between 0 and 1");
    QTest::newRow("empty terms") << QByteArray(R"({"markers":[{"terms":[]}]})") << QStringLiteral("/classifier/markers/0/terms: must be");
    QTest::newRow("unknown key") << QByteArray(R"({"max_scan_char":5})") << QStringLiteral("/classifier/max_scan_char: unknown key");
    QTest::newRow("bad type name") << QByteArray(R"({"custom_recognizers":[{"name":"x","type":"lower","pattern":"a"}]})")
                                   << QStringLiteral("/classifier/custom_recognizers/0/type: must be an upper-case type name");
    QTest::newRow("not an object") << QByteArray(R"([1])") << QStringLiteral("/classifier: must be an object");
}

void TestClassifierSettings::problemsListedByPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QStringList problems;
    ClassifierSettings::fromJson(nlohmann::json::parse(json.toStdString()), QStringLiteral("/classifier"), problems);
    bool found = false;
    for (const auto &p : problems)
        found = found || p.startsWith(problem);
    QVERIFY2(found, qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestClassifierSettings::everyProblemReported()
{
    const auto json = nlohmann::json::parse(R"({
      "max_scan_chars": -1,
      "types": {"IBAN": {"level": 3}},
      "custom_recognizers": [{"name": "a", "type": "A", "pattern": "("}, {"type": "B", "pattern": "[z-a]"}]})");
    QStringList problems;
    ClassifierSettings::fromJson(json, QStringLiteral("/policy/classifier"), problems);
    QCOMPARE(problems.size(), 5);
    for (const auto &p : problems)
        QVERIFY(p.startsWith(QStringLiteral("/policy/classifier/")));
}

QTEST_GUILESS_MAIN(TestClassifierSettings)
#include "tst_classifiersettings.moc"
