// SPDX-License-Identifier: Apache-2.0
#include "routing/QueueMetricsParser.h"
#include <QTest>

using namespace perimeter::routing;

// Samples shaped like vLLM's and llama.cpp's /metrics (gauges, HELP/TYPE lines, labels).
class QueueMetricsParserTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gauge_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<bool>("found");
        QTest::addColumn<double>("value");
        const QByteArray vllm = "# HELP vllm:num_requests_running Number of requests currently running on GPU.\n"
                                "# TYPE vllm:num_requests_running gauge\n"
                                "vllm:num_requests_running{model_name=\"llama\"} 3.0\n"
                                "# HELP vllm:num_requests_waiting Number of requests waiting to be processed.\n"
                                "# TYPE vllm:num_requests_waiting gauge\n"
                                "vllm:num_requests_waiting{model_name=\"llama\"} 7.0\n"
                                "vllm:num_requests_waiting{model_name=\"mistral\"} 2.0\n"
                                "vllm:num_requests_waiting_total{model_name=\"x\"} 99\n";
        const QByteArray llama = "# HELP llamacpp:requests_processing Number of requests processing.\n"
                                 "# TYPE llamacpp:requests_processing gauge\n"
                                 "llamacpp:requests_processing 1\n"
                                 "llamacpp:requests_deferred 4 1700000000000\r\n";
        QTest::newRow("vllm waiting, summed over models") << vllm << "vllm:num_requests_waiting" << true << 9.0;
        QTest::newRow("vllm running") << vllm << "vllm:num_requests_running" << true << 3.0;
        QTest::newRow("llama.cpp deferred with timestamp and CRLF") << llama << "llamacpp:requests_deferred" << true << 4.0;
        QTest::newRow("llama.cpp processing") << llama << "llamacpp:requests_processing" << true << 1.0;
        QTest::newRow("absent metric") << llama << "vllm:num_requests_waiting" << false << 0.0;
        QTest::newRow("prefix of a longer name does not match") << QByteArray("queue_depth_total 5\n") << "queue_depth" << false << 0.0;
        QTest::newRow("label value with a brace") << QByteArray("q{a=\"}x\"} 6\n") << "q" << true << 6.0;
        QTest::newRow("NaN is not a value") << QByteArray("q NaN\n") << "q" << false << 0.0;
        QTest::newRow("empty page") << QByteArray() << "q" << false << 0.0;
    }

    void gauge()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, metric);
        QFETCH(bool, found);
        QFETCH(double, value);
        const auto got = QueueMetricsParser::gauge(text, metric);
        QCOMPARE(got.has_value(), found);
        if (found)
            QCOMPARE(*got, value);
    }
};

QTEST_GUILESS_MAIN(QueueMetricsParserTest)
#include "tst_queuemetricsparser.moc"
