// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace perimeter::observe {

// One Prometheus metric family (a name, its type, its label names) and its series.
//
// Built for the gateway thread: updating a series whose label set already exists hashes the
// label views, takes this family's mutex and changes numbers in place, with no allocation.
// Only the first observation of a new label set allocates. A family holds at most
// maxSeries() label sets; observations beyond that are counted in one series whose every
// label is "overflow", so a caller cannot grow memory without bound by inventing values.
class MetricFamily {
public:
    enum class Type { Counter, Gauge, Histogram };
    static constexpr int kDefaultMaxSeries = 10000;

    // name must be a valid Prometheus metric name; a counter's name ends in "_total".
    // buckets: histogram upper bounds, ascending, without +Inf.
    MetricFamily(QByteArray name, QByteArray help, Type type, QList<QByteArray> labelNames,
                 std::vector<double> buckets = {}, int maxSeries = kDefaultMaxSeries);

    MetricFamily(const MetricFamily &) = delete;
    MetricFamily &operator=(const MetricFamily &) = delete;

    const QByteArray &name() const { return m_name; }
    Type type() const { return m_type; }
    int maxSeries() const { return m_maxSeries; }

    // labels: one value per label name, in order; a wrong count is ignored (and asserted).
    void add(std::initializer_list<QStringView> labels, double delta);   // counter or gauge
    void set(std::initializer_list<QStringView> labels, double value);   // gauge, or a counter mirroring a running total
    void observe(std::initializer_list<QStringView> labels, double value); // histogram
    // Current value of a counter/gauge series, or a histogram's observation count; 0 if absent.
    double value(std::initializer_list<QStringView> labels) const;
    int seriesCount() const;

    // Appends HELP, TYPE and every series in text exposition format 0.0.4, series sorted by labels.
    void render(QByteArray &out) const;

    static QByteArray escapeLabelValue(QStringView value);
    static QByteArray escapeHelp(const QByteArray &help);
    static QByteArray formatValue(double value);

private:
    struct Series {
        std::vector<QString> labels;
        double value = 0.0;
        std::vector<quint64> buckets; // per bucket, not cumulative; last is +Inf
        double sum = 0.0;
        quint64 count = 0;
    };
    template <typename Range>
    Series *find(const Range &labels, size_t hash) const;
    Series &series(std::initializer_list<QStringView> labels);

    const QByteArray m_name;
    const QByteArray m_help;
    const Type m_type;
    const QList<QByteArray> m_labelNames;
    const std::vector<double> m_buckets;
    const int m_maxSeries;

    mutable std::mutex m_mutex;
    std::unordered_map<size_t, std::vector<std::unique_ptr<Series>>> m_series;
    int m_seriesCount = 0;
};

} // namespace perimeter::observe
