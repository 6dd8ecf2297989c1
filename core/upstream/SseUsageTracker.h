// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QByteArrayView>
#include <QElapsedTimer>

namespace perimeter::upstream {

// Watches the bytes of one upstream answer as they are relayed and extracts what the audit
// record needs: token usage, the moment of the first content token (TTFT) and whether the
// stream ended with [DONE]. Accepts a Server-Sent Events stream (OpenAI `stream: true`) split at
// any byte boundary, or a whole JSON body; the mode is chosen from the first non-blank byte.
// Malformed events are ignored. Memory is bounded by maxBufferBytes (lines or JSON bodies longer
// than that are skipped; for an oversized JSON body the usage object is still found in its tail).
class SseUsageTracker {
public:
    static constexpr qsizetype kDefaultMaxBufferBytes = 1024 * 1024;

    explicit SseUsageTracker(qsizetype maxBufferBytes = kDefaultMaxBufferBytes);

    // atMs: the caller's clock for this moment (e.g. UpstreamCall::msTotal(), making
    // firstTokenMs() the TTFT directly); -1 uses ms since this tracker was constructed.
    void feed(QByteArrayView bytes, qint64 atMs = -1);
    // End of body: parses a buffered JSON body, dispatches an unterminated last SSE event.
    void finish(qint64 atMs = -1);

    bool hasUsage() const { return m_hasUsage; }
    qint64 promptTokens() const { return m_promptTokens; }         // 0 without usage
    qint64 completionTokens() const { return m_completionTokens; } // 0 without usage
    bool sawFirstToken() const { return m_firstTokenMs >= 0; }
    // When the bytes holding the first non-empty content arrived; -1 if none. For a whole JSON
    // body this is when the body was complete (finish()).
    qint64 firstTokenMs() const { return m_firstTokenMs; }
    bool sawDone() const { return m_sawDone; }
    bool isStream() const { return m_mode == Mode::Sse; }
    int malformedEvents() const { return m_malformed; }

private:
    enum class Mode { Unknown, Sse, Json };

    qint64 now(qint64 atMs) const { return atMs >= 0 ? atMs : m_clock.elapsed(); }
    void feedSse(QByteArrayView bytes, qint64 at);
    void processLine(QByteArrayView line, qint64 at);
    void dispatchEvent(qint64 at);
    void feedJson(QByteArrayView bytes);
    void finishJson(qint64 at);
    // Reads usage and first content from one parsed chunk or body; false if not a JSON object.
    bool inspect(QByteArrayView json, qint64 at);
    void inspectUsageInTail();

    qsizetype m_maxBuffer;
    QElapsedTimer m_clock;
    Mode m_mode = Mode::Unknown;

    // SSE state
    QByteArray m_line;
    bool m_lineTooLong = false;
    bool m_afterCR = false;
    QByteArray m_eventData;
    bool m_eventHasData = false;
    bool m_eventTooLong = false;

    // JSON state
    QByteArray m_body;
    bool m_bodyTooLong = false;
    QByteArray m_tail; // last bytes of an oversized body, where OpenAI puts "usage"

    bool m_finished = false;
    bool m_hasUsage = false;
    qint64 m_promptTokens = 0;
    qint64 m_completionTokens = 0;
    qint64 m_firstTokenMs = -1;
    bool m_sawDone = false;
    int m_malformed = 0;
};

} // namespace perimeter::upstream
