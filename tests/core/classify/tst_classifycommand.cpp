// SPDX-License-Identifier: Apache-2.0
#include "classify/ClassifierFactory.h"
#include "cli/ClassifyCommand.h"
#include <QBuffer>
#include <QTest>
#include <QTextStream>
#include <nlohmann/json.hpp>

using namespace perimeter::classify;

class TestClassifyCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonlOutput();
    void badLinesReportedAndExit2();
    void plainRequestBody();
    void badUsage();

private:
    int run(const QStringList &args, const QByteArray &input, QString &out, QString &err);
    std::shared_ptr<const PayloadClassifier> m_classifier;
};

void TestClassifyCommand::initTestCase()
{
    auto built = ClassifierFactory::build(ClassifierSettings::defaults());
    QVERIFY(built.ok());
    m_classifier = built.value();
}

int TestClassifyCommand::run(const QStringList &args, const QByteArray &input, QString &out, QString &err)
{
    QByteArray data = input;
    QBuffer in(&data);
    QTextStream o(&out), e(&err);
    return perimeter::cli::ClassifyCommand::run(*m_classifier, args, o, e, in);
}

void TestClassifyCommand::jsonlOutput()
{
    QString out, err;
    const QByteArray input = "{\"id\": \"a\", \"text\": \"\xF0\x9F\x98\x80 card 4111111111111111\"}\n"
                             "{\"id\": \"b\", \"text\": \"token ghp_FgH5bXyAvDBC4ZgSJ6FSqy3X0abEWyvJvqVk\"}\n"
                             "{\"id\": \"c\", \"text\": \"nothing here\"}\n";
    QCOMPARE(run({QStringLiteral("--jsonl")}, input, out, err), 0);
    const auto lines = out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    const auto a = nlohmann::json::parse(lines[0].toStdString());
    QCOMPARE(a["id"].get<std::string>(), std::string("a"));
    QCOMPARE(a["sensitivity"].get<std::string>(), std::string("confidential"));
    QCOMPARE(a["findings"][0]["type"].get<std::string>(), std::string("CREDIT_CARD"));
    QCOMPARE(a["findings"][0]["start"].get<int>(), 7); // code points: the emoji counts once
    QCOMPARE(a["findings"][0]["end"].get<int>(), 23);
    QVERIFY(!a["findings"][0].contains("subtype"));
    const auto b = nlohmann::json::parse(lines[1].toStdString());
    QCOMPARE(b["findings"][0]["subtype"].get<std::string>(), std::string("github-pat"));
    QCOMPARE(b["sensitivity"].get<std::string>(), std::string("restricted"));
    QVERIFY(!out.contains(QStringLiteral("ghp_FgH5"))); // never the value
    const auto c = nlohmann::json::parse(lines[2].toStdString());
    QCOMPARE(c["sensitivity"].get<std::string>(), std::string("public"));
    QVERIFY(c["findings"].empty());
}

void TestClassifyCommand::badLinesReportedAndExit2()
{
    QString out, err;
    const QByteArray input = "{\"id\": \"a\", \"text\": \"x\"}\nnot json\n{\"id\": \"c\"}\n{\"id\": \"d\", \"text\": \"y\"}\n";
    QCOMPARE(run({QStringLiteral("--jsonl")}, input, out, err), 2);
    QCOMPARE(out.trimmed().split(QLatin1Char('\n')).size(), 2);
    QVERIFY(err.contains(QStringLiteral("line 2")));
    QVERIFY(err.contains(QStringLiteral("line 3")));
}

void TestClassifyCommand::plainRequestBody()
{
    QString out, err;
    const QByteArray body = R"({"model":"m","messages":[{"role":"user","content":"my IBAN is DE89370400440532013000"}]})";
    QCOMPARE(run({QStringLiteral("-")}, body, out, err), 0);
    QVERIFY(out.contains(QStringLiteral("sensitivity: confidential")));
    QVERIFY(out.contains(QStringLiteral("IBAN")));
    QVERIFY(out.contains(QStringLiteral("path /messages/0/content")));
    QVERIFY(!out.contains(QStringLiteral("DE8937")));
}

void TestClassifyCommand::badUsage()
{
    QString out, err;
    QCOMPARE(run({QStringLiteral("--bogus")}, {}, out, err), 2);
    QCOMPARE(run({QStringLiteral("/nonexistent/file.jsonl")}, {}, out, err), 2);
    QCOMPARE(run({QStringLiteral("a"), QStringLiteral("b")}, {}, out, err), 2);
}

QTEST_GUILESS_MAIN(TestClassifyCommand)
#include "tst_classifycommand.moc"
