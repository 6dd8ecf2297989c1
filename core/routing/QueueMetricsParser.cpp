// SPDX-License-Identifier: Apache-2.0
#include "QueueMetricsParser.h"
#include <QByteArray>
#include <cmath>

namespace perimeter::routing {

std::optional<double> QueueMetricsParser::gauge(QByteArrayView exposition, const QString &metric)
{
    const QByteArray name = metric.toUtf8();
    if (name.isEmpty())
        return std::nullopt;
    std::optional<double> sum;
    qsizetype pos = 0;
    while (pos < exposition.size()) {
        qsizetype end = exposition.indexOf('\n', pos);
        if (end < 0)
            end = exposition.size();
        QByteArrayView line = exposition.sliced(pos, end - pos).trimmed();
        pos = end + 1;
        if (line.isEmpty() || line.front() == '#' || !line.startsWith(name) || line.size() == name.size())
            continue;
        qsizetype rest = name.size();
        const char next = line.at(rest);
        if (next == '{') {
            // Label values may contain '}' only inside quotes; skip to the closing brace.
            bool quoted = false;
            for (++rest; rest < line.size(); ++rest) {
                const char c = line.at(rest);
                if (c == '\\' && quoted)
                    ++rest;
                else if (c == '"')
                    quoted = !quoted;
                else if (c == '}' && !quoted)
                    break;
            }
            ++rest;
        } else if (next != ' ' && next != '\t') {
            continue; // a longer metric name with the same prefix
        }
        QByteArrayView value = line.sliced(qMin(rest, line.size())).trimmed();
        if (const qsizetype space = value.indexOf(' '); space >= 0)
            value = value.first(space); // drop an optional timestamp
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || !std::isfinite(v))
            continue;
        sum = sum.value_or(0.0) + v;
    }
    return sum;
}

} // namespace perimeter::routing
