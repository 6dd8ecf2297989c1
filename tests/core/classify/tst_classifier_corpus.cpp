// SPDX-License-Identifier: Apache-2.0
// Scores the classifier on the labelled dev corpus with the project's scoring tool.
#include "classify/ClassifierFactory.h"
#include "cli/ClassifyCommand.h"
#include <QBuffer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace perimeter::classify;

class TestClassifierCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void devSplit_data();
    void devSplit();
};

void TestClassifierCorpus::devSplit_data()
{
    QTest::addColumn<bool>("reportWeak");
    QTest::addColumn<double>("minPrecision");
    QTest::addColumn<double>("minRecall");
    QTest::addColumn<double>("maxLeakPercent");
    // The issue's acceptance thresholds (P 0.95, R 0.95, leak 1 %), for both policies.
    // Default policy: structured formats of restricted identifiers count without context, bare
    // digit runs (any 9-digit number, 6-14 digits) need a context word, which some of the
    // corpus's bare test vectors lack (see kShapeScore in PiiRecognizers.cpp).
    // Measured: P 0.975, R 0.984, leak 0.9 % (7 of 799: bare SSN/ITIN/licence/bank digits,
    // Presidio's 0.01-score PAN and vehicle shapes).
    QTest::newRow("default policy") << false << 0.95 << 0.95 << 1.0;
    // Presidio-equivalent: weak matches reported whatever their score (thresholds 0).
    // Measured: P 0.975, R 0.998, leak 0.3 %.
    QTest::newRow("weak matches reported") << true << 0.95 << 0.95 << 1.0;
}

void TestClassifierCorpus::devSplit()
{
    QFETCH(bool, reportWeak);
    QFETCH(double, minPrecision);
    QFETCH(double, minRecall);
    QFETCH(double, maxLeakPercent);
    const QString shared = QStringLiteral(PERIMETER_SHARED_DIR);
    const QString gold = shared + QStringLiteral("/data/classifier/dev.jsonl");
    const QString scorer = shared + QStringLiteral("/tools/score-classifier");
    if (!QFile::exists(gold) || !QFile::exists(scorer))
        QSKIP("shared corpus or scoring tool not present");

    ClassifierSettings settings = ClassifierSettings::defaults();
    if (reportWeak) {
        const auto levels = TypeLevelMap::defaults();
        for (const auto &type : levels.knownTypes())
            settings.types.insert(type, TypeOverride{std::nullopt, 0.0});
    }
    auto classifier = ClassifierFactory::build(settings);
    QVERIFY2(classifier.ok(), qPrintable(classifier.ok() ? QString() : classifier.error().message));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString predPath = dir.filePath(QStringLiteral("pred.jsonl"));
    QFile pred(predPath);
    QVERIFY(pred.open(QIODevice::WriteOnly));
    QTextStream out(&pred);
    QString errText;
    QTextStream err(&errText);
    QBuffer noStdin;
    const int rc = perimeter::cli::ClassifyCommand::run(*classifier.value(), {QStringLiteral("--jsonl"), gold}, out, err, noStdin);
    out.flush();
    pred.close();
    QCOMPARE(rc, 0);

    QProcess proc;
    const QString python = qEnvironmentVariable("PERIMETER_PYTHON", QStringLiteral("python3"));
    QStringList scorerArgs{scorer, gold, predPath};
    // PERIMETER_CORPUS_SHOW_ERRORS=N lists up to N misses and false alarms per run
    if (const QByteArray n = qgetenv("PERIMETER_CORPUS_SHOW_ERRORS"); !n.isEmpty())
        scorerArgs << QStringLiteral("--show-errors") << QString::fromLatin1(n);
    proc.start(python, scorerArgs);
    QVERIFY(proc.waitForFinished(240000));
    const QString report = QString::fromUtf8(proc.readAllStandardOutput());
    QCOMPARE(proc.exitCode(), 0);
    qInfo().noquote() << report;

    const auto lines = report.trimmed().split(QLatin1Char('\n'));
    static const QRegularExpression summary(
        QStringLiteral(R"(overall: P=([0-9.]+) R=([0-9.]+) F1=([0-9.]+) leak=([0-9.]+)% false_alarm=([0-9.]+)%)"));
    const auto m = summary.match(lines.last());
    QVERIFY2(m.hasMatch(), qPrintable(lines.last()));
    const double precision = m.captured(1).toDouble();
    const double recall = m.captured(2).toDouble();
    const double leak = m.captured(4).toDouble();
    QVERIFY2(precision >= minPrecision, qPrintable(QStringLiteral("precision %1 < %2").arg(precision).arg(minPrecision)));
    QVERIFY2(recall >= minRecall, qPrintable(QStringLiteral("recall %1 < %2").arg(recall).arg(minRecall)));
    QVERIFY2(leak <= maxLeakPercent, qPrintable(QStringLiteral("leak %1% > %2%").arg(leak).arg(maxLeakPercent)));
}

QTEST_GUILESS_MAIN(TestClassifierCorpus)
#include "tst_classifier_corpus.moc"
