// SPDX-License-Identifier: Apache-2.0
#include "SimOptions.h"
#include <QCommandLineParser>
#include <QHostAddress>

namespace perimeter::sim {

QString failModeName(FailMode mode)
{
    switch (mode) {
    case FailMode::None: return QStringLiteral("none");
    case FailMode::ServerError: return QStringLiteral("5xx");
    case FailMode::Reset: return QStringLiteral("reset");
    case FailMode::Hang: return QStringLiteral("hang");
    }
    return QStringLiteral("none");
}

Result<FailMode> parseFailMode(const QString &name)
{
    if (name == QLatin1String("none"))
        return FailMode::None;
    if (name == QLatin1String("5xx"))
        return FailMode::ServerError;
    if (name == QLatin1String("reset"))
        return FailMode::Reset;
    if (name == QLatin1String("hang"))
        return FailMode::Hang;
    return Result<FailMode>::failure(QStringLiteral("invalid_fail_mode"),
                                     QStringLiteral("--fail must be one of none, 5xx, reset, hang"));
}

void SimOptions::addToParser(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("HOST"),
         QStringLiteral("127.0.0.1")},
        {QStringLiteral("port"), QStringLiteral("Port to listen on; 0 picks a free one (default 0)."), QStringLiteral("PORT"),
         QStringLiteral("0")},
        {QStringLiteral("name"), QStringLiteral("Label shown in every answer (default sim)."), QStringLiteral("NAME"),
         QStringLiteral("sim")},
        {QStringLiteral("models"),
         QStringLiteral("Comma-separated model names; a name containing \"embed\" is an embedding model "
                        "(default sim-chat,sim-embed)."),
         QStringLiteral("LIST"), QStringLiteral("sim-chat,sim-embed")},
        {QStringLiteral("latency-ms"), QStringLiteral("Delay before the first byte of an answer (default 0)."),
         QStringLiteral("MS"), QStringLiteral("0")},
        {QStringLiteral("tokens-per-second"), QStringLiteral("Streaming pace; 0 is as fast as possible (default 0)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("reply-tokens"), QStringLiteral("Tokens in each answer (default 8)."), QStringLiteral("N"),
         QStringLiteral("8")},
        {QStringLiteral("api-key"), QStringLiteral("Require \"Authorization: Bearer KEY\" on /v1 requests."),
         QStringLiteral("KEY")},
        {QStringLiteral("fail"), QStringLiteral("Inject failures: none, 5xx, reset or hang (default none)."),
         QStringLiteral("MODE"), QStringLiteral("none")},
        {QStringLiteral("fail-rate"), QStringLiteral("Share of requests that fail, 0..1 (default 1)."),
         QStringLiteral("R"), QStringLiteral("1")},
        {QStringLiteral("record"), QStringLiteral("Append one JSON line per received request to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("metrics"), QStringLiteral("Serve GET /metrics like vllm or llamacpp (queue depth gauges)."),
         QStringLiteral("FORMAT")},
        {QStringLiteral("queue-waiting"), QStringLiteral("Queue depth /metrics reports as waiting (default 0)."),
         QStringLiteral("N"), QStringLiteral("0")},
        {QStringLiteral("keep-received"),
         QStringLiteral("Requests kept in memory for GET /__sim/received; older ones are dropped so long "
                        "benchmarks stay bounded (default 100000)."),
         QStringLiteral("N"), QStringLiteral("100000")},
    });
}

namespace {
Result<int> readInt(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        return Result<int>::failure(QStringLiteral("invalid_option"),
                                    QStringLiteral("--%1 must be an integer between %2 and %3").arg(name).arg(min).arg(max));
    }
    return v;
}
} // namespace

Result<SimOptions> SimOptions::fromParser(const QCommandLineParser &parser)
{
    SimOptions o;
    if (!parser.positionalArguments().isEmpty()) {
        return Result<SimOptions>::failure(QStringLiteral("invalid_option"),
                                           QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments().first()));
    }
    o.host = parser.value(QStringLiteral("host"));
    if (QHostAddress(o.host).isNull() && o.host != QLatin1String("localhost"))
        return Result<SimOptions>::failure(QStringLiteral("invalid_option"), QStringLiteral("--host must be an IP address"));
    const auto port = readInt(parser, QStringLiteral("port"), 0, 65535);
    if (!port)
        return port.error();
    o.port = quint16(port.value());
    o.name = parser.value(QStringLiteral("name"));
    if (o.name.isEmpty())
        return Result<SimOptions>::failure(QStringLiteral("invalid_option"), QStringLiteral("--name must not be empty"));
    o.models.clear();
    for (const QString &m : parser.value(QStringLiteral("models")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!m.trimmed().isEmpty())
            o.models.append(m.trimmed());
    }
    if (o.models.isEmpty())
        return Result<SimOptions>::failure(QStringLiteral("invalid_option"), QStringLiteral("--models must name a model"));
    const auto latency = readInt(parser, QStringLiteral("latency-ms"), 0, 3'600'000);
    if (!latency)
        return latency.error();
    o.latencyMs = latency.value();
    const auto tps = readInt(parser, QStringLiteral("tokens-per-second"), 0, 1'000'000);
    if (!tps)
        return tps.error();
    o.tokensPerSecond = tps.value();
    const auto reply = readInt(parser, QStringLiteral("reply-tokens"), 1, 1'000'000);
    if (!reply)
        return reply.error();
    o.replyTokens = reply.value();
    o.apiKey = parser.value(QStringLiteral("api-key"));
    const auto fail = parseFailMode(parser.value(QStringLiteral("fail")));
    if (!fail)
        return fail.error();
    o.fail = fail.value();
    bool ok = false;
    o.failRate = parser.value(QStringLiteral("fail-rate")).toDouble(&ok);
    if (!ok || o.failRate < 0.0 || o.failRate > 1.0)
        return Result<SimOptions>::failure(QStringLiteral("invalid_option"), QStringLiteral("--fail-rate must be between 0 and 1"));
    o.recordFile = parser.value(QStringLiteral("record"));
    const auto keep = readInt(parser, QStringLiteral("keep-received"), 0, 100'000'000);
    if (!keep)
        return keep.error();
    o.keepReceived = keep.value();
    o.metricsFormat = parser.value(QStringLiteral("metrics"));
    if (!o.metricsFormat.isEmpty() && o.metricsFormat != QLatin1String("vllm") && o.metricsFormat != QLatin1String("llamacpp"))
        return Result<SimOptions>::failure(QStringLiteral("invalid_option"), QStringLiteral("--metrics must be vllm or llamacpp"));
    const auto waiting = readInt(parser, QStringLiteral("queue-waiting"), 0, 1'000'000);
    if (!waiting)
        return waiting.error();
    o.queueWaiting = waiting.value();
    return o;
}

} // namespace perimeter::sim
