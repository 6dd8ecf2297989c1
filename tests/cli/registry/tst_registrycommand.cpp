// SPDX-License-Identifier: Apache-2.0
#include "cli/CtlDispatcher.h"
#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace perimeter;
using perimeter::cli::CtlDispatcher;

namespace {

struct Run {
    int rc = -1;
    QString out;
    QString err;
};

const char kConfig[] =
    "{"
    "\"listen\": {\"host\": \"127.0.0.1\", \"port\": 0},"
    "\"data_dir\": \"var\","
    "\"callers\": [{\"id\": \"alice\", \"team\": \"risk\", \"api_key_sha256\": \"2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b\"}],"
    "\"endpoints\": ["
    "{\"id\": \"gpu-1\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:9101/v1\", \"capacity\": 8},"
    "{\"id\": \"gpu-2\", \"tier\": \"onprem\", \"url\": \"http://127.0.0.1:9102/v1\", \"capacity\": 4},"
    "{\"id\": \"openai\", \"tier\": \"cloud\", \"url\": \"http://127.0.0.1:9103/v1\"}"
    "],"
    "\"models\": ["
    "{\"name\": \"llama-70b\", \"kind\": \"chat\", \"endpoints\": [\"gpu-1\"]},"
    "{\"name\": \"gpt-4o\", \"kind\": \"chat\", \"endpoints\": [\"openai\"]}"
    "]"
    "}";

} // namespace

class tst_RegistryCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listSeededFromConfig();
    void listFormats_data();
    void listFormats();
    void addShowEditRetireHistory();
    void addListsEveryProblemExit2();
    void badUsage_data();
    void badUsage();
    void versionInferredOnlyWhenUnambiguous();
    void runtimeFailureExit1();

private:
    Run ctl(const QStringList &args);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
};

void tst_RegistryCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_config = m_dir->filePath(QStringLiteral("perimeter.json"));
    QFile f(m_config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(kConfig);
}

Run tst_RegistryCommand::ctl(const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    QBuffer in;
    in.open(QIODevice::ReadOnly);
    r.rc = CtlDispatcher::run(QStringList{QStringLiteral("--config"), m_config, QStringLiteral("registry")} + args, out, err, in);
    out.flush();
    err.flush();
    return r;
}

void tst_RegistryCommand::listSeededFromConfig()
{
    const Run r = ctl({QStringLiteral("list")});
    QCOMPARE(r.rc, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // header + llama-70b; gpt-4o is a cloud model
    QVERIFY(lines.at(0).startsWith(QStringLiteral("NAME")));
    QVERIFY(lines.at(0).contains(QStringLiteral("CONTEXT_LENGTH")));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("llama-70b")));
    QVERIFY(lines.at(1).contains(QStringLiteral("active")));
    QVERIFY(lines.at(1).contains(QStringLiteral("gpu-1")));
    QVERIFY(QFile::exists(m_dir->filePath(QStringLiteral("var/registry.db"))));
}

void tst_RegistryCommand::listFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << "json";
    QTest::newRow("jsonl") << "jsonl";
}

void tst_RegistryCommand::listFormats()
{
    QFETCH(QString, format);
    const Run r = ctl({QStringLiteral("list"), QStringLiteral("--format"), format});
    QCOMPARE(r.rc, 0);
    QJsonObject first;
    if (format == QLatin1String("json")) {
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8());
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 1);
        first = doc.array().at(0).toObject();
    } else {
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        first = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    }
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("llama-70b"));
    QCOMPARE(first.value(QStringLiteral("version")).toString(), QStringLiteral("1"));
    QCOMPARE(first.value(QStringLiteral("endpoints")).toArray(), QJsonArray{QStringLiteral("gpu-1")});
    QCOMPARE(first.value(QStringLiteral("capacity")).toInt(), 8);
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(first.value(QStringLiteral("served")).toBool(), true);
}

void tst_RegistryCommand::addShowEditRetireHistory()
{
    Run r = ctl({QStringLiteral("add"), QStringLiteral("qwen2.5-32b"), QStringLiteral("--version"), QStringLiteral("2024-09"), QStringLiteral("--kind"),
                 QStringLiteral("chat"), QStringLiteral("--endpoint"), QStringLiteral("gpu-1,gpu-2"), QStringLiteral("--context-length"),
                 QStringLiteral("32768"), QStringLiteral("--notes"), QStringLiteral("AWQ"), QStringLiteral("--actor"), QStringLiteral("bob")});
    QVERIFY2(r.rc == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("registered qwen2.5-32b version 2024-09 (active, served)")));

    r = ctl({QStringLiteral("show"), QStringLiteral("qwen2.5-32b"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.rc, 0);
    const QJsonObject shown = QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(shown.value(QStringLiteral("capacity")).toInt(), 12); // defaults to gpu-1 + gpu-2
    QCOMPARE(shown.value(QStringLiteral("context_length")).toInt(), 32768);
    QCOMPARE(shown.value(QStringLiteral("updated_by")).toString(), QStringLiteral("bob"));

    r = ctl({QStringLiteral("show"), QStringLiteral("qwen2.5-32b")});
    QCOMPARE(r.rc, 0);
    QVERIFY(r.out.contains(QStringLiteral("endpoints:       gpu-1, gpu-2")));
    QVERIFY(r.out.contains(QStringLiteral("status:          active (served)")));

    r = ctl({QStringLiteral("edit"), QStringLiteral("qwen2.5-32b"), QStringLiteral("--capacity"), QStringLiteral("24"), QStringLiteral("--actor"),
             QStringLiteral("carol"), QStringLiteral("--comment"), QStringLiteral("more replicas")});
    QVERIFY2(r.rc == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("updated qwen2.5-32b version 2024-09")));

    r = ctl({QStringLiteral("retire"), QStringLiteral("qwen2.5-32b"), QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(r.rc, 0);
    const QJsonObject retired = QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object();
    QCOMPARE(retired.value(QStringLiteral("status")).toString(), QStringLiteral("retired"));
    QCOMPARE(retired.value(QStringLiteral("served")).toBool(), false);

    r = ctl({QStringLiteral("history"), QStringLiteral("qwen2.5-32b")});
    QCOMPARE(r.rc, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(1).contains(QStringLiteral("bob")) && lines.at(1).contains(QStringLiteral("add")));
    QVERIFY2(lines.at(2).contains(QStringLiteral("capacity: 12 -> 24")) && lines.at(2).contains(QStringLiteral("more replicas")), qPrintable(lines.at(2)));
    QVERIFY(lines.at(3).contains(QStringLiteral("retire")) && lines.at(3).contains(QStringLiteral("status: active -> retired")));

    r = ctl({QStringLiteral("history"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.rc, 0);
    const QJsonArray all = QJsonDocument::fromJson(r.out.toUtf8()).array();
    QCOMPARE(all.size(), 4); // seed of llama-70b + 3
    QCOMPARE(all.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("seed"));
    QVERIFY(all.at(0).toObject().value(QStringLiteral("before")).isNull());
    const QJsonObject edit = all.at(2).toObject();
    QCOMPARE(edit.value(QStringLiteral("changed")).toArray(), QJsonArray{QStringLiteral("capacity")});
    QCOMPARE(edit.value(QStringLiteral("before")).toObject().value(QStringLiteral("capacity")).toInt(), 12);
    QCOMPARE(edit.value(QStringLiteral("after")).toObject().value(QStringLiteral("capacity")).toInt(), 24);

    r = ctl({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("retired"), QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(r.rc, 0);
    QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
    QVERIFY(r.out.contains(QStringLiteral("qwen2.5-32b")));
}

void tst_RegistryCommand::addListsEveryProblemExit2()
{
    const Run r = ctl({QStringLiteral("add"), QStringLiteral("bad name"), QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--kind"),
                       QStringLiteral("image"), QStringLiteral("--endpoint"), QStringLiteral("gpu-9"), QStringLiteral("--endpoint"),
                       QStringLiteral("openai"), QStringLiteral("--capacity"), QStringLiteral("0")});
    QCOMPARE(r.rc, 2);
    QVERIFY(r.err.contains(QStringLiteral("refused, nothing was changed")));
    for (const char *p : {"name: may contain only", "kind: must be", "endpoints/0: unknown endpoint id \"gpu-9\"", "endpoints/1: \"openai\" is a cloud endpoint",
                          "capacity: must be between 1"})
        QVERIFY2(r.err.contains(QLatin1String(p)), p);
    QCOMPARE(ctl({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("jsonl")}).out.count(QLatin1Char('\n')), 1);

    const Run dup = ctl({QStringLiteral("add"), QStringLiteral("llama-70b"), QStringLiteral("--version"), QStringLiteral("1"), QStringLiteral("--kind"),
                         QStringLiteral("chat"), QStringLiteral("--endpoint"), QStringLiteral("gpu-1")});
    QCOMPARE(dup.rc, 2);
    QVERIFY(dup.err.contains(QStringLiteral("llama-70b version 1 is already registered")));
}

void tst_RegistryCommand::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no subcommand") << QStringList{} << "usage: perimeterctl registry";
    QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("purge")} << "unknown subcommand 'purge'";
    QTest::newRow("bad format") << QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")} << "--format must be one of";
    QTest::newRow("bad status filter") << QStringList{QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("gone")} << "--status must be";
    QTest::newRow("add without fields") << QStringList{QStringLiteral("add"), QStringLiteral("m")} << "--version is required; --kind is required; --endpoint is required";
    QTest::newRow("add capacity not a number") << QStringList{QStringLiteral("add"), QStringLiteral("m"), QStringLiteral("--version"), QStringLiteral("1"),
                                                              QStringLiteral("--kind"), QStringLiteral("chat"), QStringLiteral("--endpoint"),
                                                              QStringLiteral("gpu-1"), QStringLiteral("--capacity"), QStringLiteral("lots")}
                                               << "--capacity: \"lots\" is not a whole number";
    QTest::newRow("add retired") << QStringList{QStringLiteral("add"), QStringLiteral("m"), QStringLiteral("--version"), QStringLiteral("1"),
                                                QStringLiteral("--kind"), QStringLiteral("chat"), QStringLiteral("--endpoint"), QStringLiteral("gpu-1"),
                                                QStringLiteral("--status"), QStringLiteral("retired")}
                                 << "--status must be active or draining";
    QTest::newRow("edit nothing") << QStringList{QStringLiteral("edit"), QStringLiteral("llama-70b")} << "nothing to change";
    QTest::newRow("edit unknown model") << QStringList{QStringLiteral("edit"), QStringLiteral("nope"), QStringLiteral("--capacity"), QStringLiteral("3")}
                                        << "no model named nope is registered";
    QTest::newRow("edit unknown version") << QStringList{QStringLiteral("edit"), QStringLiteral("llama-70b"), QStringLiteral("--version"), QStringLiteral("9"),
                                                         QStringLiteral("--capacity"), QStringLiteral("3")}
                                          << "llama-70b version 9 is not registered";
    QTest::newRow("retire a cloud model") << QStringList{QStringLiteral("retire"), QStringLiteral("gpt-4o")} << "no model named gpt-4o is registered";
    QTest::newRow("show without name") << QStringList{QStringLiteral("show")} << "expected exactly one model name";
    QTest::newRow("history version without name") << QStringList{QStringLiteral("history"), QStringLiteral("--version"), QStringLiteral("1")}
                                                  << "--version needs a model name";
    QTest::newRow("format twice") << QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--format"),
                                                 QStringLiteral("table")}
                                  << "--format given more than once";
}

void tst_RegistryCommand::badUsage()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = ctl(args);
    QCOMPARE(r.rc, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void tst_RegistryCommand::versionInferredOnlyWhenUnambiguous()
{
    QCOMPARE(ctl({QStringLiteral("add"), QStringLiteral("llama-70b"), QStringLiteral("--version"), QStringLiteral("2"), QStringLiteral("--kind"),
                  QStringLiteral("chat"), QStringLiteral("--endpoint"), QStringLiteral("gpu-2"), QStringLiteral("--status"), QStringLiteral("draining")})
                 .rc,
             0);
    const Run ambiguous = ctl({QStringLiteral("retire"), QStringLiteral("llama-70b")});
    QCOMPARE(ambiguous.rc, 2);
    QVERIFY2(ambiguous.err.contains(QStringLiteral("llama-70b has versions 1, 2; choose one with --version")), qPrintable(ambiguous.err));
    QCOMPARE(ctl({QStringLiteral("retire"), QStringLiteral("llama-70b"), QStringLiteral("--version"), QStringLiteral("1")}).rc, 0);
    // Only version 2 is left in service: it is the one meant.
    const Run r = ctl({QStringLiteral("edit"), QStringLiteral("llama-70b"), QStringLiteral("--status"), QStringLiteral("active")});
    QVERIFY2(r.rc == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("updated llama-70b version 2 (active, served)")));
}

void tst_RegistryCommand::runtimeFailureExit1()
{
    // data_dir is a file: the registry cannot be opened.
    QFile blocker(m_dir->filePath(QStringLiteral("var")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run r = ctl({QStringLiteral("list")});
    QCOMPARE(r.rc, 1);
    QVERIFY(r.err.contains(QStringLiteral("is not a directory")));
}

QTEST_GUILESS_MAIN(tst_RegistryCommand)
#include "tst_registrycommand.moc"
