// SPDX-License-Identifier: Apache-2.0
#include "SseUsageTracker.h"
#include <nlohmann/json.hpp>
#include <algorithm>

namespace perimeter::upstream {

namespace {

constexpr qsizetype kTailBytes = 64 * 1024;

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool readCount(const nlohmann::json &object, const char *key, qint64 &out)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        return false;
    const double value = it->get<double>();
    if (value < 0 || value > 1e15)
        return false;
    out = it->is_number_integer() ? it->get<qint64>() : static_cast<qint64>(value);
    return true;
}

bool nonEmptyString(const nlohmann::json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() && !it->get_ref<const std::string &>().empty();
}

} // namespace

SseUsageTracker::SseUsageTracker(qsizetype maxBufferBytes)
    : m_maxBuffer(std::max<qsizetype>(1024, maxBufferBytes))
{
    m_clock.start();
}

void SseUsageTracker::feed(QByteArrayView bytes, qint64 atMs)
{
    if (m_finished || bytes.isEmpty())
        return;
    const qint64 at = now(atMs);
    if (m_mode == Mode::Unknown) {
        qsizetype i = 0;
        while (i < bytes.size() && isBlank(bytes[i]))
            ++i;
        if (i == bytes.size())
            return;
        m_mode = (bytes[i] == '{' || bytes[i] == '[') ? Mode::Json : Mode::Sse;
        bytes = bytes.sliced(i);
    }
    if (m_mode == Mode::Sse)
        feedSse(bytes, at);
    else
        feedJson(bytes);
}

void SseUsageTracker::feedSse(QByteArrayView bytes, qint64 at)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (m_afterCR) {
            m_afterCR = false;
            if (bytes[pos] == '\n') { // the LF of a CRLF split across feeds
                ++pos;
                continue;
            }
        }
        qsizetype end = pos;
        while (end < bytes.size() && bytes[end] != '\n' && bytes[end] != '\r')
            ++end;
        const QByteArrayView segment = bytes.sliced(pos, end - pos);
        if (!m_lineTooLong) {
            if (m_line.size() + segment.size() > m_maxBuffer) {
                m_lineTooLong = true;
                m_line.clear();
                m_line.squeeze();
            } else {
                m_line.append(segment);
            }
        }
        if (end == bytes.size())
            return; // line continues in the next feed
        if (m_lineTooLong) {
            // The event this line belonged to cannot be read; drop it as a whole.
            m_eventTooLong = true;
            m_eventHasData = true;
            m_lineTooLong = false;
        } else {
            processLine(m_line, at);
        }
        m_line.clear();
        if (bytes[end] == '\r') {
            if (end + 1 < bytes.size()) {
                if (bytes[end + 1] == '\n')
                    ++end;
            } else {
                m_afterCR = true;
            }
        }
        pos = end + 1;
    }
}

void SseUsageTracker::processLine(QByteArrayView line, qint64 at)
{
    if (line.isEmpty()) {
        dispatchEvent(at);
        return;
    }
    if (line.front() == ':')
        return; // comment / keep-alive
    const qsizetype colon = line.indexOf(':');
    const QByteArrayView field = colon < 0 ? line : line.first(colon);
    if (field != "data")
        return; // event:, id:, retry: carry nothing we account
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    if (m_eventTooLong)
        return;
    if (m_eventData.size() + value.size() + 1 > m_maxBuffer) {
        m_eventTooLong = true;
        m_eventData.clear();
        m_eventData.squeeze();
        m_eventHasData = true;
        return;
    }
    if (m_eventHasData)
        m_eventData.append('\n');
    m_eventData.append(value);
    m_eventHasData = true;
}

void SseUsageTracker::dispatchEvent(qint64 at)
{
    if (m_eventHasData) {
        if (m_eventTooLong)
            ++m_malformed;
        else if (m_eventData.trimmed() == "[DONE]")
            m_sawDone = true;
        else if (!inspect(m_eventData, at))
            ++m_malformed;
    }
    m_eventData.clear();
    m_eventHasData = false;
    m_eventTooLong = false;
}

void SseUsageTracker::feedJson(QByteArrayView bytes)
{
    if (!m_bodyTooLong) {
        if (m_body.size() + bytes.size() <= m_maxBuffer) {
            m_body.append(bytes);
            return;
        }
        m_bodyTooLong = true;
        m_tail = m_body.right(kTailBytes);
        m_body.clear();
        m_body.squeeze();
    }
    m_tail.append(bytes);
    if (m_tail.size() > 2 * kTailBytes)
        m_tail = m_tail.right(kTailBytes);
}

void SseUsageTracker::finish(qint64 atMs)
{
    if (m_finished)
        return;
    m_finished = true;
    const qint64 at = now(atMs);
    if (m_mode == Mode::Sse) {
        if (!m_line.isEmpty() && !m_lineTooLong)
            processLine(m_line, at);
        else if (m_lineTooLong)
            m_eventTooLong = m_eventHasData = true;
        m_line.clear();
        dispatchEvent(at);
    } else if (m_mode == Mode::Json) {
        if (m_bodyTooLong)
            inspectUsageInTail();
        else if (!inspect(m_body, at))
            ++m_malformed;
        m_body.clear();
        m_tail.clear();
    }
}

bool SseUsageTracker::inspect(QByteArrayView json, qint64 at)
{
    const nlohmann::json doc = nlohmann::json::parse(json.cbegin(), json.cend(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return false;

    const auto usage = doc.find("usage");
    if (usage != doc.end() && usage->is_object()) { // streams send "usage": null until the end
        qint64 prompt = 0;
        qint64 completion = 0;
        const bool hasPrompt = readCount(*usage, "prompt_tokens", prompt);
        const bool hasCompletion = readCount(*usage, "completion_tokens", completion);
        if (hasPrompt || hasCompletion) {
            m_hasUsage = true;
            m_promptTokens = prompt;
            m_completionTokens = completion;
        }
    }

    if (m_firstTokenMs < 0) {
        const auto choices = doc.find("choices");
        if (choices != doc.end() && choices->is_array()) {
            for (const auto &choice : *choices) {
                if (!choice.is_object())
                    continue;
                bool content = nonEmptyString(choice, "text");
                for (const char *holder : {"delta", "message"}) {
                    const auto it = choice.find(holder);
                    if (it != choice.end() && it->is_object() && nonEmptyString(*it, "content"))
                        content = true;
                }
                if (content) {
                    m_firstTokenMs = at;
                    break;
                }
            }
        }
    }
    return true;
}

void SseUsageTracker::inspectUsageInTail()
{
    // The body was too large to keep: find the last "usage" object and parse just that.
    const qsizetype key = m_tail.lastIndexOf("\"usage\"");
    if (key < 0)
        return;
    qsizetype i = key + 7;
    while (i < m_tail.size() && isBlank(m_tail[i]))
        ++i;
    if (i >= m_tail.size() || m_tail[i] != ':')
        return;
    ++i;
    while (i < m_tail.size() && isBlank(m_tail[i]))
        ++i;
    if (i >= m_tail.size() || m_tail[i] != '{')
        return;
    const qsizetype begin = i;
    int depth = 0;
    bool inString = false;
    for (; i < m_tail.size(); ++i) {
        const char c = m_tail[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            const QByteArray wrapped = "{\"usage\":" + m_tail.mid(begin, i - begin + 1) + '}';
            inspect(wrapped, -1);
            return;
        }
    }
}

} // namespace perimeter::upstream
