// SPDX-License-Identifier: Apache-2.0
#include "secrets/EnvFileCredentialResolver.h"
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using perimeter::secrets::EnvFileCredentialResolver;

namespace {
const QByteArray kSecret = "sk-test-5f3a9c0d1e2b";
}

class TestEnvFileCredentialResolver : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &fileName, const QByteArray &content, mode_t mode)
    {
        const QString path = m_dir.filePath(fileName);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(content);
        file.close();
        if (::chmod(QFile::encodeName(path).constData(), mode) != 0)
            return {};
        return path;
    }

    void clearEnv()
    {
        for (const char *variable : {"PERIMETER_CREDENTIAL_CLOUD_OPENAI", "PERIMETER_CREDENTIAL_ONPREM_GPU_1"})
            qunsetenv(variable);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void init() { clearEnv(); }
    void cleanup() { clearEnv(); }

    void environmentVariableName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("variable");
        QTest::newRow("colon") << "cloud:openai" << "PERIMETER_CREDENTIAL_CLOUD_OPENAI";
        QTest::newRow("dash-digit") << "onprem:gpu-1" << "PERIMETER_CREDENTIAL_ONPREM_GPU_1";
        QTest::newRow("slash-dot") << "team/a.b" << "PERIMETER_CREDENTIAL_TEAM_A_B";
        QTest::newRow("invalid") << "../etc" << "";
    }
    void environmentVariableName()
    {
        QFETCH(QString, name);
        QFETCH(QString, variable);
        QCOMPARE(EnvFileCredentialResolver::environmentVariableName(name), variable);
    }

    void environmentWins()
    {
        writeFile(QStringLiteral("cloud_openai"), "from-file\n", 0600);
        qputenv("PERIMETER_CREDENTIAL_CLOUD_OPENAI", kSecret);
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:openai"));
        QVERIFY(result.ok());
        QCOMPARE(result.value(), kSecret);
    }

    void fileWorks_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("mode");
        QTest::newRow("0600-newline") << kSecret + "\n" << 0600;
        QTest::newRow("0400-crlf") << kSecret + "\r\n" << 0400;
        QTest::newRow("no-newline") << kSecret << 0600;
    }
    void fileWorks()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, mode);
        QVERIFY(!writeFile(QStringLiteral("cloud_openai"), content, mode_t(mode)).isEmpty());
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:openai"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result.value(), kSecret);
        QFile::remove(m_dir.filePath(QStringLiteral("cloud_openai")));
    }

    void slashMapsToUnderscore()
    {
        writeFile(QStringLiteral("team_a_key"), kSecret + "\n", 0600);
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("team/a:key"));
        QVERIFY(result.ok());
        QCOMPARE(result.value(), kSecret);
    }

    void insecureModeRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("modeText");
        QTest::newRow("0644") << 0644 << "0644";
        QTest::newRow("0640") << 0640 << "0640";
        QTest::newRow("0604") << 0604 << "0604";
    }
    void insecureModeRefused()
    {
        QFETCH(int, mode);
        QFETCH(QString, modeText);
        const QString path = writeFile(QStringLiteral("cloud_openai"), kSecret + "\n", mode_t(mode));
        QVERIFY(!path.isEmpty());
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:openai"));
        QFile::remove(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_insecure"));
        QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
        QVERIFY2(result.error().message.contains(modeText), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(kSecret)));
    }

    void foreignOwnerRefused()
    {
        if (::geteuid() != 0)
            QSKIP("needs root to give a file to another user");
        const QString path = writeFile(QStringLiteral("cloud_openai"), kSecret, 0600);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 65534, 65534), 0);
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:openai"));
        QFile::remove(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_insecure"));
        QVERIFY(result.error().message.contains(path));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(kSecret)));
    }

    void symlinkRefused()
    {
        const QString target = writeFile(QStringLiteral("real"), kSecret, 0600);
        const QString link = m_dir.filePath(QStringLiteral("cloud_openai"));
        QVERIFY(QFile::link(target, link));
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:openai"));
        QFile::remove(link);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_insecure"));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(kSecret)));
    }

    void directoryRefused()
    {
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("cloud_dir")));
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:dir"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_insecure"));
    }

    void missing()
    {
        const EnvFileCredentialResolver resolver(m_dir.path());
        const auto result = resolver.resolve(QStringLiteral("cloud:openai"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_missing"));
        QCOMPARE(result.error().message,
                 QStringLiteral("credential 'cloud:openai' not found: set PERIMETER_CREDENTIAL_CLOUD_OPENAI or create %1 "
                                "with mode 0600")
                     .arg(m_dir.filePath(QStringLiteral("cloud_openai"))));
    }

    void emptyFileIsMissing()
    {
        const QString path = writeFile(QStringLiteral("cloud_openai"), "\n", 0600);
        const auto result = EnvFileCredentialResolver(m_dir.path()).resolve(QStringLiteral("cloud:openai"));
        QFile::remove(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_missing"));
    }

    void invalidNameRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("dotdot") << "../secret";
        QTest::newRow("dotdot-inside") << "cloud/../../etc/passwd";
        QTest::newRow("absolute") << "/etc/passwd";
        QTest::newRow("hidden") << ".hidden";
        QTest::newRow("backslash") << "..\\x";
        QTest::newRow("nul") << QStringLiteral("a%1b").arg(QChar(0));
        QTest::newRow("space") << "cloud openai";
        QTest::newRow("empty") << "";
        QTest::newRow("too-long") << QString(300, u'a');
    }
    void invalidNameRefused()
    {
        QFETCH(QString, name);
        // A file that a traversal would reach must stay unread.
        writeFile(QStringLiteral("secret"), kSecret, 0600);
        const auto result = EnvFileCredentialResolver(m_dir.filePath(QStringLiteral("sub"))).resolve(name);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("credential_invalid"));
        QVERIFY(!result.error().message.contains(QString::fromLatin1(kSecret)));
    }
};

QTEST_GUILESS_MAIN(TestEnvFileCredentialResolver)
#include "tst_envfilecredentialresolver.moc"
