// SPDX-License-Identifier: Apache-2.0
#include "PayloadClassifier.h"
#include <QByteArray>
#include <QElapsedTimer>
#include <QStringDecoder>
#include <algorithm>
#include <vector>
#include <nlohmann/json.hpp>

namespace perimeter::classify {

namespace {

const QString kTooLarge = QStringLiteral("payload_too_large_to_scan");
const QString kError = QStringLiteral("classifier_error");

QString escapePointerToken(const QString &token)
{
    QString t = token;
    t.replace(QLatin1Char('~'), QStringLiteral("~0"));
    t.replace(QLatin1Char('/'), QStringLiteral("~1"));
    return t;
}

bool looksBase64(const QString &s)
{
    if (s.size() < 32 || s.size() % 4 != 0)
        return false;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (!((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '+' || u == '/' || u == '='
              || u == '-' || u == '_'))
            return false;
    }
    return true;
}

// Decoded bytes are scanned only when they are text (valid UTF-8, mostly printable): images and
// other binary attachments cannot be classified by patterns.
std::optional<QString> decodedText(const QByteArray &b64)
{
    auto decoded = QByteArray::fromBase64Encoding(b64, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        decoded = QByteArray::fromBase64Encoding(b64, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return std::nullopt;
    }
    const QByteArray &bytes = *decoded;
    if (bytes.isEmpty())
        return std::nullopt;
    auto toUtf16 = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = toUtf16(bytes);
    if (toUtf16.hasError())
        return std::nullopt;
    qsizetype control = 0;
    for (QChar c : text)
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') && c != QLatin1Char('\t'))
            ++control;
    if (control * 20 > text.size())
        return std::nullopt;
    return text;
}

} // namespace

struct PayloadClassifier::Walk {
    ClassificationReport *report;
    bool stop = false;
};

PayloadClassifier::PayloadClassifier(std::shared_ptr<const Classifier> classifier, TypeLevelMap levels, PayloadLimits limits)
    : m_classifier(std::move(classifier))
    , m_levels(std::move(levels))
    , m_limits(limits)
{
}

bool PayloadClassifier::scanString(const QString &text, const QString &pointer, Walk &state) const
{
    ClassificationReport &report = *state.report;
    if (text.isEmpty())
        return true;
    report.scannedChars += text.size();
    if (report.scannedChars > m_limits.maxScanChars) {
        report.failedClosed = true;
        report.failureReason = kTooLarge;
        state.stop = true;
        return false;
    }
    auto result = m_classifier ? m_classifier->scan(text) : Result<Findings>(Error{kError, QStringLiteral("no classifier")});
    if (!result) {
        report.failedClosed = true;
        report.failureReason = kError;
        state.stop = true;
        return false;
    }
    // findings of one recognizer share its type string (implicit sharing): look each type up
    // in the policy's tables once per string, not once per finding
    struct TypeEntry {
        const QChar *data;
        double threshold;
        Sensitivity level;
    };
    std::vector<TypeEntry> types;
    // room for this string's findings at once, growing geometrically (a body has many strings)
    const qsizetype needed = report.findings.size() + result.value().size();
    if (report.findings.capacity() < needed)
        report.findings.reserve(std::max(needed, 2 * report.findings.capacity()));
    for (auto &f : result.value()) {
        auto it = std::find_if(types.begin(), types.end(), [&](const TypeEntry &e) { return e.data == f.type.constData(); });
        if (it == types.end())
            it = types.insert(types.end(), {f.type.constData(), m_levels.thresholdFor(f.type), m_levels.levelFor(f.type)});
        if (f.score < it->threshold)
            continue;
        f.level = it->level;
        f.path = pointer;
        report.findings.push_back(std::move(f));
    }

    // Encoded payloads: a data URL or a long base64 string is decoded and scanned as well.
    QString b64;
    const qsizetype comma = text.startsWith(QLatin1String("data:")) ? text.indexOf(QLatin1String(";base64,")) : -1;
    if (comma > 0 && comma < 256)
        b64 = text.mid(comma + 8);
    else if (looksBase64(text))
        b64 = text;
    if (!b64.isEmpty() && b64.size() / 4 * 3 <= m_limits.maxDecodedBytes) {
        if (auto decoded = decodedText(b64.toLatin1()))
            return scanString(*decoded, pointer + QStringLiteral("#base64"), state);
    }
    return true;
}

void PayloadClassifier::walk(const nlohmann::json &node, const QString &pointer, int depth, Walk &state) const
{
    if (state.stop)
        return;
    if (depth > m_limits.maxDepth) {
        state.report->failedClosed = true;
        state.report->failureReason = kTooLarge;
        state.stop = true;
        return;
    }
    if (node.is_string()) {
        scanString(QString::fromStdString(node.get_ref<const std::string &>()), pointer, state);
    } else if (node.is_object()) {
        for (auto it = node.begin(); it != node.end() && !state.stop; ++it) {
            const QString key = QString::fromStdString(it.key());
            const QString child = pointer + QLatin1Char('/') + escapePointerToken(key);
            scanString(key, child, state); // keys carry data too ({"4111 1111 1111 1111": ...})
            walk(it.value(), child, depth + 1, state);
        }
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size() && !state.stop; ++i)
            walk(node[i], pointer + QLatin1Char('/') + QString::number(i), depth + 1, state);
    }
    // numbers: a card number sent as a JSON number is still a card number
    else if (node.is_number_integer() || node.is_number_unsigned()) {
        scanString(QString::fromStdString(node.dump()), pointer, state);
    }
}

void PayloadClassifier::finish(ClassificationReport &report) const
{
    if (report.failedClosed) {
        report.level = Sensitivity::Restricted;
        return;
    }
    Sensitivity level = Sensitivity::Public;
    for (const auto &f : report.findings)
        level = maxSensitivity(level, f.level);
    report.level = level;
}

ClassificationReport PayloadClassifier::classifyText(const QString &text) const
{
    QElapsedTimer timer;
    timer.start();
    ClassificationReport report;
    Walk state{&report};
    scanString(text, QString(), state);
    finish(report);
    report.elapsedNs = timer.nsecsElapsed();
    return report;
}

ClassificationReport PayloadClassifier::classifyRequest(const nlohmann::json &body) const
{
    QElapsedTimer timer;
    timer.start();
    ClassificationReport report;
    Walk state{&report};
    try {
        walk(body, QString(), 0, state);
    } catch (const std::exception &) {
        report.failedClosed = true;
        report.failureReason = kError;
    }
    finish(report);
    report.elapsedNs = timer.nsecsElapsed();
    return report;
}

} // namespace perimeter::classify
