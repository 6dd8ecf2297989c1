// SPDX-License-Identifier: Apache-2.0
// Compiled-database sharing and the per-user cache: reuse, verification, refusal of files and
// directories that cannot be trusted, and identical scan results from a loaded database.
#include "classify/CompiledDatabases.h"
#include "classify/HyperscanClassifier.h"
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <hs/hs.h>
#include <sys/stat.h>

using namespace perimeter::classify;

namespace {

// A small set that exercises every database: a fixed-width text pattern, a variable-width one
// whose start needs the confirm database, a trigger grown by its validator, a digit pattern.
std::vector<Recognizer> smallSet(const QString &marker)
{
    std::vector<Recognizer> r(4);
    r[0].name = QStringLiteral("fixed");
    r[0].type = QStringLiteral("ORG_MARKER");
    r[0].pattern = "\\b" + marker.toStdString() + "\\b";
    r[0].score = 1.0;
    r[1].name = QStringLiteral("variable");
    r[1].type = QStringLiteral("CODE_NAME");
    r[1].pattern = "\\bproject\\s+[a-z]{3,12}\\b";
    r[1].flags = HS_FLAG_CASELESS;
    r[1].score = 1.0;
    r[2].name = QStringLiteral("trigger");
    r[2].type = QStringLiteral("TICKET");
    r[2].pattern = "#[0-9]";
    r[2].start = StartMode::FromEnd;
    r[2].validate = [](std::string_view t, Candidate &c) {
        while (c.end < t.size() && t[c.end] >= '0' && t[c.end] <= '9')
            ++c.end;
        return c.end - c.start >= 4;
    };
    r[3].name = QStringLiteral("digits");
    r[3].type = QStringLiteral("EMPLOYEE_ID");
    r[3].pattern = "\\bE\\d{6}\\b";
    r[3].scan = ScanMode::DigitWindows;
    r[3].score = 1.0;
    return r;
}

QString describe(const Findings &findings)
{
    QStringList out;
    for (const auto &f : findings)
        out << QStringLiteral("%1[%2,%3)").arg(f.type).arg(f.start).arg(f.end);
    return out.join(QLatin1Char(' '));
}

const QString kText = QStringLiteral("Ask about Project   Nightingale (ticket #12345) for E123456; see %1 and #1.");

} // namespace

class TestCompiledDatabases : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sharedInProcess();
    void scanPaths();
    void storedAndLoaded();
    void corruptFilesAreRecompiled_data();
    void corruptFilesAreRecompiled();
    void untrustedDirectoryIsNotUsed();
    void cacheOff();

private:
    QString uniqueMarker() { return QStringLiteral("marker%1x%2").arg(QCoreApplication::applicationPid()).arg(++m_counter); }
    QString cacheFile() const
    {
        const auto files = QDir(m_cacheDir).entryList({QStringLiteral("*.hsdb")}, QDir::Files);
        return files.size() == 1 ? m_cacheDir + QLatin1Char('/') + files.first() : QString();
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_cacheDir;
    int m_counter = 0;
};

void TestCompiledDatabases::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_cacheDir = m_tmp->filePath(QStringLiteral("cache/perimeter"));
    qputenv("PERIMETER_CLASSIFIER_CACHE", QFile::encodeName(m_cacheDir));
}

void TestCompiledDatabases::cleanup()
{
    qunsetenv("PERIMETER_CLASSIFIER_CACHE");
}

void TestCompiledDatabases::sharedInProcess()
{
    const auto set = smallSet(uniqueMarker());
    auto a = CompiledDatabases::obtain(set);
    auto b = CompiledDatabases::obtain(set);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a.value().get(), b.value().get());
    QCOMPARE(a.value()->origin(), CompiledDatabases::Origin::Compiled);
}

void TestCompiledDatabases::scanPaths()
{
    const QString marker = uniqueMarker();
    auto classifier = HyperscanClassifier::create(smallSet(marker));
    QVERIFY(classifier.ok());
    auto result = classifier.value()->scan(kText.arg(marker));
    QVERIFY(result.ok());
    // marker: fixed width; project name: leftmost start through the confirm database;
    // ticket: grown from its trigger (and "#1" rejected by the validator); employee id: digit window
    QCOMPARE(describe(result.value()),
             QStringLiteral("CODE_NAME[10,31) TICKET[40,46) EMPLOYEE_ID[52,59) ORG_MARKER[65,%1)").arg(65 + marker.size()));
}

void TestCompiledDatabases::storedAndLoaded()
{
    const QString marker = uniqueMarker();
    Findings compiledFindings;
    {
        auto classifier = HyperscanClassifier::create(smallSet(marker));
        QVERIFY(classifier.ok());
        QCOMPARE(classifier.value()->databaseOrigin(), CompiledDatabases::Origin::Compiled);
        compiledFindings = classifier.value()->scan(kText.arg(marker)).value();
    }
    const QString file = cacheFile();
    QVERIFY2(!file.isEmpty(), qPrintable(QDir(m_cacheDir).entryList().join(QLatin1Char(' '))));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(m_cacheDir).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0700);
    QCOMPARE(::stat(QFile::encodeName(file).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 077), 0);

    // the first instance is gone, so this one comes from the file
    auto loaded = HyperscanClassifier::create(smallSet(marker));
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value()->databaseOrigin(), CompiledDatabases::Origin::DiskCache);
    QCOMPARE(describe(loaded.value()->scan(kText.arg(marker)).value()), describe(compiledFindings));
}

void TestCompiledDatabases::corruptFilesAreRecompiled_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("flipped byte in a database") << QStringLiteral("flip");
    QTest::newRow("truncated") << QStringLiteral("truncate");
    QTest::newRow("appended bytes") << QStringLiteral("append");
    QTest::newRow("other set's key") << QStringLiteral("key");
    QTest::newRow("empty") << QStringLiteral("empty");
}

void TestCompiledDatabases::corruptFilesAreRecompiled()
{
    QFETCH(QString, damage);
    const QString marker = uniqueMarker();
    QVERIFY(HyperscanClassifier::create(smallSet(marker)).ok());
    const QString file = cacheFile();
    QVERIFY(!file.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll();
    f.close();
    if (damage == QLatin1String("flip"))
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
    else if (damage == QLatin1String("truncate"))
        bytes.chop(100);
    else if (damage == QLatin1String("append"))
        bytes.append("trailing");
    else if (damage == QLatin1String("key"))
        bytes[10] = char(bytes[10] ^ 1);
    else
        bytes.clear();
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
    f.close();

    auto again = HyperscanClassifier::create(smallSet(marker));
    QVERIFY(again.ok());
    QCOMPARE(again.value()->databaseOrigin(), CompiledDatabases::Origin::Compiled);
    QCOMPARE(describe(again.value()->scan(kText.arg(marker)).value()).count(QLatin1Char('[')), 4);
}

void TestCompiledDatabases::untrustedDirectoryIsNotUsed()
{
    QVERIFY(QDir().mkpath(m_cacheDir));
    QVERIFY(::chmod(QFile::encodeName(m_cacheDir).constData(), 0755) == 0);
    QCOMPARE(CompiledDatabases::cacheDirectory(), QString());
    QVERIFY(HyperscanClassifier::create(smallSet(uniqueMarker())).ok());
    QVERIFY(QDir(m_cacheDir).entryList({QStringLiteral("*.hsdb")}, QDir::Files).isEmpty());
}

void TestCompiledDatabases::cacheOff()
{
    qputenv("PERIMETER_CLASSIFIER_CACHE", "off");
    QCOMPARE(CompiledDatabases::cacheDirectory(), QString());
    QVERIFY(HyperscanClassifier::create(smallSet(uniqueMarker())).ok());
    QVERIFY(!QDir(m_cacheDir).exists());
}

QTEST_GUILESS_MAIN(TestCompiledDatabases)
#include "tst_compileddatabases.moc"
