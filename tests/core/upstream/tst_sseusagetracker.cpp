// SPDX-License-Identifier: Apache-2.0
#include "upstream/SseUsageTracker.h"
#include <QTest>

using perimeter::upstream::SseUsageTracker;

namespace {

QByteArray sseEvent(const QByteArray &json)
{
    return "data: " + json + "\n\n";
}

QByteArray contentChunk(const QByteArray &text)
{
    return sseEvent(R"({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":")" + text
                 + R"("},"finish_reason":null}]})");
}

const QByteArray kRoleChunk = sseEvent(R"({"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})");
const QByteArray kUsageChunk = sseEvent(R"({"id":"c1","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}})");
const QByteArray kDone = "data: [DONE]\n\n";

} // namespace

class TestSseUsageTracker : public QObject {
    Q_OBJECT

private:
    // Byte offset just after the event holding the first content (-1: reported at finish()).
    static qsizetype endOf(const QByteArray &body, const QByteArray &eventText)
    {
        const qsizetype at = body.indexOf(eventText);
        return at < 0 ? -1 : at + eventText.size();
    }

private Q_SLOTS:
    void splitAtEveryByte_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("hasUsage");
        QTest::addColumn<qint64>("prompt");
        QTest::addColumn<qint64>("completion");
        QTest::addColumn<bool>("firstToken");
        QTest::addColumn<qint64>("firstEventEnd"); // -1: first token reported at finish()
        QTest::addColumn<bool>("done");

        {
            const QByteArray body = kRoleChunk + contentChunk("Hel") + contentChunk("lo") + kUsageChunk + kDone;
            QTest::newRow("usage-in-last-chunk") << body << true << qint64(12) << qint64(3) << true
                                                 << qint64(endOf(body, contentChunk("Hel"))) << true;
        }
        {
            const QByteArray body = kRoleChunk + contentChunk("Hi") + kDone;
            QTest::newRow("no-usage") << body << false << qint64(0) << qint64(0) << true
                                      << qint64(endOf(body, contentChunk("Hi"))) << true;
        }
        {
            const QByteArray nullUsage = sseEvent(R"({"choices":[{"delta":{"content":"x"}}],"usage":null})");
            const QByteArray body = nullUsage + sseEvent(R"({"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":1}})") + kDone;
            QTest::newRow("usage-null-until-end") << body << true << qint64(7) << qint64(1) << true
                                                  << qint64(endOf(body, nullUsage)) << true;
        }
        {
            const QByteArray first = contentChunk("a");
            const QByteArray body = "data: {not json\n\n" + QByteArray("garbage line\n\n") + "data: [1,2\n\n" + first
                + "data: {\"usage\": 5}\n\n" + kUsageChunk + "data: \xff\xfe\n\n" + kDone;
            QTest::newRow("malformed-lines-ignored") << body << true << qint64(12) << qint64(3) << true
                                                     << qint64(endOf(body, first)) << true;
        }
        {
            QByteArray body = kRoleChunk + contentChunk("crlf") + kUsageChunk + kDone;
            body.replace("\n", "\r\n");
            const QByteArray first = QByteArray(contentChunk("crlf")).replace("\n", "\r\n");
            // The final CR already ends the blank line that dispatches the event.
            QTest::newRow("crlf-line-endings") << body << true << qint64(12) << qint64(3) << true
                                               << qint64(endOf(body, first) - 1) << true;
        }
        {
            QByteArray body = kRoleChunk + contentChunk("cr") + kDone;
            body.replace("\n", "\r");
            const QByteArray first = QByteArray(contentChunk("cr")).replace("\n", "\r");
            QTest::newRow("cr-line-endings") << body << false << qint64(0) << qint64(0) << true
                                             << qint64(endOf(body, first)) << true;
        }
        {
            const QByteArray first = sseEvent(R"({"object":"text_completion","choices":[{"text":"Once","index":0}]})");
            const QByteArray body = sseEvent(R"({"choices":[{"text":""}]})") + first
                + sseEvent(R"({"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":9}})") + kDone;
            QTest::newRow("completions-text") << body << true << qint64(4) << qint64(9) << true
                                              << qint64(endOf(body, first)) << true;
        }
        {
            const QByteArray first = "event: message\nid: 7\ndata: {\"choices\":[{\"delta\":\ndata: {\"content\":\"z\"}}]}\n\n";
            const QByteArray body = ": keep-alive\n\n" + first + "retry: 10\n\n" + kDone;
            QTest::newRow("comments-fields-multiline-data") << body << false << qint64(0) << qint64(0) << true
                                                            << qint64(endOf(body, first)) << true;
        }
        {
            const QByteArray body = kRoleChunk + sseEvent(R"({"choices":[{"delta":{},"finish_reason":"stop"}]})") + kUsageChunk;
            QTest::newRow("no-content-no-done") << body << true << qint64(12) << qint64(3) << false << qint64(-1) << false;
        }
        {
            const QByteArray body = R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":21,"completion_tokens":2,"total_tokens":23}})";
            QTest::newRow("whole-json-body") << QByteArray("\n" + body) << true << qint64(21) << qint64(2) << true << qint64(-1) << false;
        }
        {
            const QByteArray body = R"({"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,-0.2]}],"usage":{"prompt_tokens":8,"total_tokens":8}})";
            QTest::newRow("json-embeddings") << body << true << qint64(8) << qint64(0) << false << qint64(-1) << false;
        }
        {
            const QByteArray body = R"({"error":{"message":"bad","type":"invalid_request_error"}})";
            QTest::newRow("json-error-body") << body << false << qint64(0) << qint64(0) << false << qint64(-1) << false;
        }
    }

    void splitAtEveryByte()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, hasUsage);
        QFETCH(qint64, prompt);
        QFETCH(qint64, completion);
        QFETCH(bool, firstToken);
        QFETCH(qint64, firstEventEnd);
        QFETCH(bool, done);

        for (qsizetype split = 0; split <= body.size(); ++split) {
            SseUsageTracker tracker;
            tracker.feed(QByteArrayView(body).first(split), 1);
            tracker.feed(QByteArrayView(body).sliced(split), 2);
            tracker.finish(3);
            const QByteArray where = "split at " + QByteArray::number(split);
            QVERIFY2(tracker.hasUsage() == hasUsage, where.constData());
            QVERIFY2(tracker.promptTokens() == prompt, where.constData());
            QVERIFY2(tracker.completionTokens() == completion, where.constData());
            QVERIFY2(tracker.sawFirstToken() == firstToken, where.constData());
            QVERIFY2(tracker.sawDone() == done, where.constData());
            if (firstToken) {
                const qint64 expected = firstEventEnd < 0 ? 3 : (split >= firstEventEnd ? 1 : 2);
                QVERIFY2(tracker.firstTokenMs() == expected,
                         (where + ": first token at " + QByteArray::number(tracker.firstTokenMs())).constData());
            } else {
                QCOMPARE(tracker.firstTokenMs(), qint64(-1));
            }
        }

        // One byte at a time, the worst case for a relay.
        SseUsageTracker tracker;
        for (qsizetype i = 0; i < body.size(); ++i)
            tracker.feed(QByteArrayView(body).sliced(i, 1), i);
        tracker.finish(body.size());
        QCOMPARE(tracker.hasUsage(), hasUsage);
        QCOMPARE(tracker.promptTokens(), prompt);
        QCOMPARE(tracker.completionTokens(), completion);
        QCOMPARE(tracker.sawFirstToken(), firstToken);
        QCOMPARE(tracker.sawDone(), done);
        if (firstToken && firstEventEnd >= 0)
            QCOMPARE(tracker.firstTokenMs(), firstEventEnd - 1); // fed with the event's last byte
    }

    void malformedEventsCounted()
    {
        SseUsageTracker tracker;
        tracker.feed("data: {oops\n\ndata: 42\n\n" + contentChunk("ok") + kDone);
        tracker.finish();
        QCOMPARE(tracker.malformedEvents(), 2);
        QVERIFY(tracker.sawFirstToken());
        QVERIFY(tracker.sawDone());
        QVERIFY(tracker.isStream());
    }

    void overlongLineIsDroppedNotBuffered()
    {
        SseUsageTracker tracker(4096);
        const QByteArray huge = "data: {\"choices\":[{\"delta\":{\"content\":\"" + QByteArray(100000, 'a') + "\"}}]}\n\n";
        for (qsizetype i = 0; i < huge.size(); i += 1000)
            tracker.feed(QByteArrayView(huge).sliced(i, std::min<qsizetype>(1000, huge.size() - i)));
        tracker.feed(kUsageChunk + kDone);
        tracker.finish();
        QCOMPARE(tracker.malformedEvents(), 1);
        QVERIFY(!tracker.sawFirstToken()); // the oversized event could not be read
        QVERIFY(tracker.hasUsage());
        QCOMPARE(tracker.promptTokens(), qint64(12));
        QVERIFY(tracker.sawDone());
    }

    void oversizedJsonBodyUsageFromTail()
    {
        SseUsageTracker tracker(4096);
        QByteArray body = R"({"object":"list","data":[)";
        for (int i = 0; i < 2000; ++i)
            body += R"({"object":"embedding","index":)" + QByteArray::number(i) + R"(,"embedding":[0.25]},)";
        body += "{\"index\":-1}],\"model\":\"e\",\"usage\":{\"prompt_tokens\":4096,\"total_tokens\":4096,"
                "\"note\":\"a } in \\\" a string\"}}";
        for (qsizetype i = 0; i < body.size(); i += 777)
            tracker.feed(QByteArrayView(body).sliced(i, std::min<qsizetype>(777, body.size() - i)));
        tracker.finish();
        QVERIFY(tracker.hasUsage());
        QCOMPARE(tracker.promptTokens(), qint64(4096));
        QCOMPARE(tracker.completionTokens(), qint64(0));
    }

    void lastUsageWins()
    {
        SseUsageTracker tracker;
        tracker.feed(sseEvent(R"({"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":1}})")
                     + sseEvent(R"({"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":6}})"));
        tracker.finish();
        QCOMPARE(tracker.promptTokens(), qint64(5));
        QCOMPARE(tracker.completionTokens(), qint64(6));
    }

    void feedAfterFinishIgnored()
    {
        SseUsageTracker tracker;
        tracker.feed(kDone);
        tracker.finish();
        tracker.feed(kUsageChunk);
        QVERIFY(!tracker.hasUsage());
        QVERIFY(tracker.sawDone());
    }

    void emptyInput()
    {
        SseUsageTracker tracker;
        tracker.feed("");
        tracker.feed("\r\n  ");
        tracker.finish();
        QVERIFY(!tracker.hasUsage());
        QVERIFY(!tracker.sawFirstToken());
        QVERIFY(!tracker.sawDone());
        QCOMPARE(tracker.malformedEvents(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSseUsageTracker)
#include "tst_sseusagetracker.moc"
