// SPDX-License-Identifier: Apache-2.0
#include "MetricFamily.h"

#include <QHashFunctions>
#include <algorithm>
#include <charconv>
#include <cmath>

namespace perimeter::observe {

namespace {

template <typename Range>
size_t hashLabels(const Range &labels)
{
    size_t h = 0x9e3779b9u;
    for (QStringView v : labels)
        h = qHash(v, h) ^ (h << 1);
    return h;
}

template <typename Range>
bool sameLabels(const std::vector<QString> &stored, const Range &labels)
{
    auto it = labels.begin();
    for (const QString &s : stored) {
        if (QStringView(s) != *it)
            return false;
        ++it;
    }
    return true;
}

} // namespace

MetricFamily::MetricFamily(QByteArray name, QByteArray help, Type type, QList<QByteArray> labelNames,
                           std::vector<double> buckets, int maxSeries)
    : m_name(std::move(name)),
      m_help(std::move(help)),
      m_type(type),
      m_labelNames(std::move(labelNames)),
      m_buckets(std::move(buckets)),
      m_maxSeries(std::max(1, maxSeries))
{
    // A family without labels always shows its one series, even before the first update.
    if (m_labelNames.isEmpty()) {
        std::lock_guard lock(m_mutex);
        series({});
    }
}

template <typename Range>
MetricFamily::Series *MetricFamily::find(const Range &labels, size_t hash) const
{
    const auto bucket = m_series.find(hash);
    if (bucket == m_series.end())
        return nullptr;
    for (const auto &s : bucket->second) {
        if (sameLabels(s->labels, labels))
            return s.get();
    }
    return nullptr;
}

MetricFamily::Series &MetricFamily::series(std::initializer_list<QStringView> labels)
{
    const size_t hash = hashLabels(labels);
    if (Series *existing = find(labels, hash))
        return *existing;
    if (m_seriesCount >= m_maxSeries) {
        // The overflow series is found like any other, by its label values; it is the one
        // series allowed beyond the limit.
        static const QString overflow = QStringLiteral("overflow");
        const std::vector<QStringView> views(labels.size(), QStringView(overflow));
        const size_t overflowHash = hashLabels(views);
        if (Series *existing = find(views, overflowHash))
            return *existing;
        auto created = std::make_unique<Series>();
        created->labels.assign(labels.size(), overflow);
        created->buckets.assign(m_type == Type::Histogram ? m_buckets.size() + 1 : 0, 0);
        auto &slot = m_series[overflowHash];
        slot.push_back(std::move(created));
        return *slot.back();
    }
    auto created = std::make_unique<Series>();
    created->labels.reserve(labels.size());
    for (QStringView v : labels)
        created->labels.push_back(v.toString());
    created->buckets.assign(m_type == Type::Histogram ? m_buckets.size() + 1 : 0, 0);
    auto &slot = m_series[hash];
    slot.push_back(std::move(created));
    ++m_seriesCount;
    return *slot.back();
}

void MetricFamily::add(std::initializer_list<QStringView> labels, double delta)
{
    Q_ASSERT(labels.size() == size_t(m_labelNames.size()) && m_type != Type::Histogram);
    if (labels.size() != size_t(m_labelNames.size()) || m_type == Type::Histogram)
        return;
    std::lock_guard lock(m_mutex);
    series(labels).value += delta;
}

void MetricFamily::set(std::initializer_list<QStringView> labels, double value)
{
    Q_ASSERT(labels.size() == size_t(m_labelNames.size()) && m_type != Type::Histogram);
    if (labels.size() != size_t(m_labelNames.size()) || m_type == Type::Histogram)
        return;
    std::lock_guard lock(m_mutex);
    series(labels).value = value;
}

void MetricFamily::observe(std::initializer_list<QStringView> labels, double value)
{
    Q_ASSERT(labels.size() == size_t(m_labelNames.size()) && m_type == Type::Histogram);
    if (labels.size() != size_t(m_labelNames.size()) || m_type != Type::Histogram || std::isnan(value))
        return;
    // Upper bounds are inclusive (le = "less or equal").
    const size_t index = static_cast<size_t>(std::lower_bound(m_buckets.begin(), m_buckets.end(), value) - m_buckets.begin());
    std::lock_guard lock(m_mutex);
    Series &s = series(labels);
    ++s.buckets[index];
    s.sum += value;
    ++s.count;
}

double MetricFamily::value(std::initializer_list<QStringView> labels) const
{
    if (labels.size() != size_t(m_labelNames.size()))
        return 0.0;
    std::lock_guard lock(m_mutex);
    const Series *s = find(labels, hashLabels(labels));
    if (!s)
        return 0.0;
    return m_type == Type::Histogram ? double(s->count) : s->value;
}

int MetricFamily::seriesCount() const
{
    std::lock_guard lock(m_mutex);
    return m_seriesCount;
}

QByteArray MetricFamily::escapeLabelValue(QStringView value)
{
    QByteArray out = value.toUtf8();
    if (!out.contains('\\') && !out.contains('"') && !out.contains('\n'))
        return out;
    QByteArray escaped;
    escaped.reserve(out.size() + 8);
    for (char c : out) {
        if (c == '\\')
            escaped.append("\\\\");
        else if (c == '"')
            escaped.append("\\\"");
        else if (c == '\n')
            escaped.append("\\n");
        else
            escaped.append(c);
    }
    return escaped;
}

QByteArray MetricFamily::escapeHelp(const QByteArray &help)
{
    QByteArray escaped;
    escaped.reserve(help.size());
    for (char c : help) {
        if (c == '\\')
            escaped.append("\\\\");
        else if (c == '\n')
            escaped.append("\\n");
        else
            escaped.append(c);
    }
    return escaped;
}

QByteArray MetricFamily::formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (value == 0.0)
        return QByteArrayLiteral("0");
    // Shortest round-trip digits; positional in the usual range so bucket bounds read
    // "0.0001" rather than "1e-04".
    char buffer[400];
    const double magnitude = std::fabs(value);
    const auto result = magnitude >= 1e-6 && magnitude < 1e15
                            ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
                            : std::to_chars(buffer, buffer + sizeof buffer, value);
    return QByteArray(buffer, static_cast<qsizetype>(result.ptr - buffer));
}

void MetricFamily::render(QByteArray &out) const
{
    static const char *const typeNames[] = {"counter", "gauge", "histogram"};
    out.append("# HELP ").append(m_name).append(' ').append(escapeHelp(m_help)).append('\n');
    out.append("# TYPE ").append(m_name).append(' ').append(typeNames[static_cast<int>(m_type)]).append('\n');

    std::lock_guard lock(m_mutex);
    std::vector<const Series *> sorted;
    sorted.reserve(size_t(m_seriesCount) + 1);
    for (const auto &[hash, list] : m_series) {
        for (const auto &s : list)
            sorted.push_back(s.get());
    }
    std::sort(sorted.begin(), sorted.end(), [](const Series *a, const Series *b) { return a->labels < b->labels; });

    auto labelText = [this](const Series &s, const QByteArray &extra = QByteArray()) {
        QByteArray text;
        if (s.labels.empty() && extra.isEmpty())
            return text;
        text.append('{');
        for (size_t i = 0; i < s.labels.size(); ++i) {
            if (i > 0)
                text.append(',');
            text.append(m_labelNames.at(qsizetype(i))).append("=\"").append(escapeLabelValue(s.labels[i])).append('"');
        }
        if (!extra.isEmpty()) {
            if (!s.labels.empty())
                text.append(',');
            text.append(extra);
        }
        text.append('}');
        return text;
    };

    for (const Series *s : sorted) {
        if (m_type != Type::Histogram) {
            out.append(m_name).append(labelText(*s)).append(' ').append(formatValue(s->value)).append('\n');
            continue;
        }
        quint64 cumulative = 0;
        for (size_t i = 0; i <= m_buckets.size(); ++i) {
            cumulative += s->buckets[i];
            const QByteArray le = i < m_buckets.size() ? formatValue(m_buckets[i]) : QByteArrayLiteral("+Inf");
            out.append(m_name).append("_bucket").append(labelText(*s, "le=\"" + le + '"')).append(' ')
                .append(QByteArray::number(cumulative)).append('\n');
        }
        out.append(m_name).append("_sum").append(labelText(*s)).append(' ').append(formatValue(s->sum)).append('\n');
        out.append(m_name).append("_count").append(labelText(*s)).append(' ').append(QByteArray::number(s->count)).append('\n');
    }
}

} // namespace perimeter::observe
