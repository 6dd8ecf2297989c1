// SPDX-License-Identifier: Apache-2.0
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <csignal>

// Runs the built perimeter-sim binary the way end-to-end tests and demos do.
class TestSimProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startAnswerAndStop_data();
    void startAnswerAndStop();
    void portInUseIsRuntimeFailure();

private:
    static QString binary() { return qEnvironmentVariable("PERIMETER_BIN_DIR") + QStringLiteral("/perimeter-sim"); }
};

void TestSimProcess::startAnswerAndStop_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("sigterm") << int(SIGTERM);
    QTest::newRow("sigint") << int(SIGINT);
}

void TestSimProcess::startAnswerAndStop()
{
    QFETCH(int, signalNumber);
    QProcess proc;
    proc.start(binary(), {QStringLiteral("--name"), QStringLiteral("proc-sim"), QStringLiteral("--port"), QStringLiteral("0")});
    QVERIFY2(proc.waitForStarted(5000), qPrintable(binary()));
    QVERIFY(proc.waitForReadyRead(5000));
    const QString line = QString::fromUtf8(proc.readLine()).trimmed();
    const QRegularExpression re(QStringLiteral("^perimeter-sim proc-sim listening on http://127\\.0\\.0\\.1:(\\d+)$"));
    const auto m = re.match(line);
    QVERIFY2(m.hasMatch(), qPrintable(line));
    const int port = m.captured(1).toInt();
    QVERIFY(port > 0);

    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/models").arg(port))));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->rawHeader("X-Perimeter-Sim"), QByteArray("proc-sim"));
    QVERIFY(reply->readAll().contains("\"sim-chat\""));
    reply->deleteLater();

    ::kill(pid_t(proc.processId()), signalNumber);
    QVERIFY(proc.waitForFinished(5000));
    QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proc.exitCode(), 0);
}

void TestSimProcess::portInUseIsRuntimeFailure()
{
    QProcess first;
    first.start(binary(), {});
    QVERIFY(first.waitForReadyRead(5000));
    const QString line = QString::fromUtf8(first.readLine()).trimmed();
    const QString port = line.section(QLatin1Char(':'), -1);
    QProcess second;
    second.start(binary(), {QStringLiteral("--port"), port});
    QVERIFY(second.waitForFinished(5000));
    QCOMPARE(second.exitCode(), 1);
    QVERIFY(second.readAllStandardError().contains("cannot listen"));
    first.terminate();
    QVERIFY(first.waitForFinished(5000));
    QCOMPARE(first.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSimProcess)
#include "tst_simprocess.moc"
