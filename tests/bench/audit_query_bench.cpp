// SPDX-License-Identifier: Apache-2.0
// Times the dashboard and report queries of report::SqliteAuditAnalytics on a large trail.
//   audit-query-bench [--records N] [--dir DIR]
// Generates N (default 1,000,000) realistic records over 30 days through SqliteAuditStore
// (hash chain and the report index included) into DIR (default: a temporary directory; an
// existing DIR/audit.db with records is reused), then runs each query once on a fresh
// connection (cold: empty SQLite page cache, OS cache as it is) and five times on the same
// connection (warm: the median is printed). Wall time and the thread's CPU time are both
// printed: on a shared machine the CPU time is the figure that does not depend on the load.
#include "observe/SqliteAuditStore.h"
#include "report/SqliteAuditAnalytics.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>

using namespace perimeter;
using namespace perimeter::report;

namespace {

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

const QDateTime kEnd(QDate(2026, 11, 30), QTime(0, 0), Qt::UTC);
const QDateTime kStart = kEnd.addDays(-30);

// Deterministic, roughly what a mid-size organisation sends: 6 teams of 20 callers, chat and
// embedding models in both tiers, mostly public/internal data, ~3 % rejections, ~1 % failures.
observe::AuditRecord makeRecord(qint64 i, qint64 total, std::mt19937_64 &rng)
{
    static const QStringList teams = {QStringLiteral("risk"), QStringLiteral("ops"), QStringLiteral("research"),
                                      QStringLiteral("legal"), QStringLiteral("sales"), QStringLiteral("support")};
    struct Model {
        const char *name;
        const char *path;
        bool onprem;
        bool cloud;
    };
    static const Model models[] = {
        {"llama-70b", "/v1/chat/completions", true, false}, {"mistral-7b", "/v1/chat/completions", true, false},
        {"gpt-4o", "/v1/chat/completions", false, true},     {"gpt-4o-mini", "/v1/chat/completions", false, true},
        {"embed", "/v1/embeddings", true, true},             {"qwen-32b", "/v1/chat/completions", true, true},
    };
    static const char *levels[] = {"public", "internal", "confidential", "restricted"};
    std::uniform_real_distribution<double> u(0.0, 1.0);
    observe::AuditRecord r;
    r.requestId = QStringLiteral("req-%1").arg(i, 8, 10, QLatin1Char('0'));
    r.ts = kStart.addMSecs(qint64(double(i) * double(kStart.msecsTo(kEnd)) / double(total)));
    const int team = int(rng() % 6);
    r.team = teams.at(team);
    r.caller = QStringLiteral("%1-app-%2").arg(r.team).arg(rng() % 20);
    const Model &m = models[rng() % 6];
    r.endpointPath = QLatin1String(m.path);
    r.modelRequested = QLatin1String(m.name);
    const double l = u(rng);
    const int level = l < 0.50 ? 0 : l < 0.80 ? 1 : l < 0.95 ? 2 : 3;
    r.sensitivity = QLatin1String(levels[level]);
    if (level >= 2)
        r.findingTypes = {{level == 3 ? QStringLiteral("US_SSN") : QStringLiteral("CREDIT_CARD"), 1 + int(rng() % 3)}};
    else if (level == 1)
        r.findingTypes = {{QStringLiteral("EMAIL_ADDRESS"), 1}};
    r.policyVersion = QStringLiteral("7");
    const double d = u(rng);
    const bool mayCloud = level < 2;
    QString tier;
    if (m.onprem && m.cloud)
        tier = mayCloud && u(rng) < 0.5 ? QStringLiteral("cloud") : QStringLiteral("onprem");
    else if (m.onprem)
        tier = QStringLiteral("onprem");
    else if (mayCloud)
        tier = QStringLiteral("cloud");
    if (tier.isEmpty() || d < 0.015) {
        r.decision = QStringLiteral("rejected");
        r.reason = tier.isEmpty() ? QStringLiteral("residency_violation")
                                  : (d < 0.01 ? QStringLiteral("rate_limited") : QStringLiteral("model_not_found"));
        r.status = tier.isEmpty() ? 403 : (d < 0.01 ? 429 : 404);
        r.latencyMs = 1 + qint64(rng() % 4);
        r.costBasis.clear();
        return r;
    }
    r.tier = tier;
    const bool cloud = tier == QLatin1String("cloud");
    r.endpointId = cloud ? QStringLiteral("openai") : QStringLiteral("gpu-%1").arg(1 + rng() % 3);
    r.tokensIn = 50 + qint64(rng() % 4000);
    r.tokensOut = r.endpointPath == QLatin1String("/v1/embeddings") ? 0 : 20 + qint64(rng() % 1200);
    std::lognormal_distribution<double> latency(cloud ? 6.9 : 6.4, 0.55);
    r.latencyMs = qMax<qint64>(5, qint64(latency(rng)));
    r.upstreamMs = r.latencyMs - 3;
    r.streamed = u(rng) < 0.6;
    r.ttftMs = r.streamed ? r.latencyMs / 5 : -1;
    if (d > 0.99) {
        r.decision = QStringLiteral("failed");
        r.reason = d > 0.995 ? QStringLiteral("upstream_timeout") : QStringLiteral("upstream_error");
        r.status = d > 0.995 ? 504 : 502;
        r.modelServed = r.modelRequested;
        return r;
    }
    r.decision = QStringLiteral("routed");
    r.reason = QStringLiteral("ok");
    r.status = 200;
    r.modelServed = r.modelRequested;
    const double perToken = cloud ? 5e-6 : 1.2e-6;
    r.costAmount = double(r.tokensIn + 3 * r.tokensOut) * perToken;
    r.costBasis = cloud ? QStringLiteral("list_price") : QStringLiteral("blended_rate");
    r.costCounterfactual = double(r.tokensIn + 3 * r.tokensOut) * (cloud ? 1.2e-6 : 5e-6);
    return r;
}

struct Timing {
    double wallMs = 0;
    double cpuMs = 0;
};

Timing timeOnce(const std::function<bool()> &query)
{
    QElapsedTimer wall;
    const double cpu0 = threadCpuMs();
    wall.start();
    if (!query()) {
        std::fprintf(stderr, "query failed\n");
        std::exit(1);
    }
    return Timing{double(wall.nsecsElapsed()) / 1e6, threadCpuMs() - cpu0};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 count = 1000000;
    QString dirPath;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--records") && i + 1 < args.size())
            count = args.at(++i).toLongLong();
        else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size())
            dirPath = args.at(++i);
        else {
            std::fprintf(stderr, "usage: audit-query-bench [--records N] [--dir DIR]\n");
            return 2;
        }
    }
    if (count < 1) {
        std::fprintf(stderr, "--records must be at least 1\n");
        return 2;
    }
    QTemporaryDir tmp;
    if (dirPath.isEmpty())
        dirPath = tmp.path();
    QDir().mkpath(dirPath);
    const QString dbPath = QDir(dirPath).filePath(QStringLiteral("audit.db"));

    {
        const QElapsedTimer openClock = [] { QElapsedTimer t; t.start(); return t; }();
        auto opened = observe::SqliteAuditStore::open(dirPath, 100000);
        if (!opened) {
            std::fprintf(stderr, "%s\n", qUtf8Printable(opened.error().message));
            return 1;
        }
        std::printf("open (schema, report index): %.0f ms\n", double(openClock.nsecsElapsed()) / 1e6);
        auto store = std::move(opened).value();
        auto analytics = SqliteAuditAnalytics::open(dbPath);
        const qint64 existing = analytics ? analytics.value()->count({}).value() : 0;
        if (existing == 0) {
            std::mt19937_64 rng(42);
            QElapsedTimer clock;
            clock.start();
            for (qint64 i = 0; i < count; ++i) {
                while (!store->append(makeRecord(i, count, rng)))
                    store->flush();
                if (i % 100000 == 99999)
                    std::fprintf(stderr, "  %lld records generated\n", static_cast<long long>(i + 1));
            }
            if (auto flushed = store->flush(); !flushed) {
                std::fprintf(stderr, "%s\n", qUtf8Printable(flushed.error().message));
                return 1;
            }
            const double s = double(clock.nsecsElapsed()) / 1e9;
            std::printf("generated %lld records in %.1f s (%.0f records/s, hash chain and indexes included)\n",
                        static_cast<long long>(count), s, double(count) / s);
        } else {
            std::printf("reusing %lld records in %s\n", static_cast<long long>(existing), qUtf8Printable(dbPath));
            count = existing;
        }
    }
    std::printf("database: %.0f MiB\n", double(QFileInfo(dbPath).size()) / 1048576.0);

    AuditFilter month;
    month.from = kStart;
    month.to = kEnd;
    AuditFilter day = month;
    day.from = kEnd.addDays(-1);
    AuditFilter riskCloud = month;
    riskCloud.teams = {QStringLiteral("risk")};
    riskCloud.tiers = {QStringLiteral("cloud")};

    struct Query {
        QString name;
        std::function<bool(const SqliteAuditAnalytics &)> run;
    };
    QList<Query> queries = {
        {QStringLiteral("count 30d"), [&](const SqliteAuditAnalytics &a) { return a.count(month).ok(); }},
        {QStringLiteral("totals 30d"), [&](const SqliteAuditAnalytics &a) { return a.totals(month).ok(); }},
        {QStringLiteral("series 30d / 1 h (720 buckets x 3 tiers)"), [&](const SqliteAuditAnalytics &a) { return a.series(month, 3600000).ok(); }},
        {QStringLiteral("series 30d / 1 d"), [&](const SqliteAuditAnalytics &a) { return a.series(month, 86400000).ok(); }},
        {QStringLiteral("series 24h / 5 min"), [&](const SqliteAuditAnalytics &a) { return a.series(day, 300000).ok(); }},
        {QStringLiteral("series 30d / 1 h, team=risk tier=cloud"), [&](const SqliteAuditAnalytics &a) { return a.series(riskCloud, 3600000).ok(); }},
        {QStringLiteral("top rejections 30d"), [&](const SqliteAuditAnalytics &a) { return a.topRejections(month, 10).ok(); }},
        {QStringLiteral("records 24h (export scan)"), [&](const SqliteAuditAnalytics &a) {
             qint64 n = 0;
             return a.forEachRecord(day, [&n](const observe::AuditRecord &) { ++n; return true; }).ok() && n > 0;
         }},
    };
    for (const QString &name : dimensionNames()) {
        const Dimension d = *dimensionFromName(name);
        queries.append({QStringLiteral("breakdown 30d by %1").arg(name), [&month, d](const SqliteAuditAnalytics &a) { return a.breakdown(month, d).ok(); }});
    }
    queries.append({QStringLiteral("breakdown 30d by team, tier=cloud team=risk"),
                    [&](const SqliteAuditAnalytics &a) { return a.breakdown(riskCloud, Dimension::Team).ok(); }});

    std::printf("\n%-46s %12s %12s %12s %12s\n", "query", "cold wall", "cold cpu", "warm wall", "warm cpu");
    for (const Query &q : std::as_const(queries)) {
        Timing cold;
        {
            auto fresh = SqliteAuditAnalytics::open(dbPath);
            if (!fresh) {
                std::fprintf(stderr, "%s\n", qUtf8Printable(fresh.error().message));
                return 1;
            }
            const SqliteAuditAnalytics &a = *fresh.value();
            cold = timeOnce([&] { return q.run(a); });
            QList<Timing> warm;
            for (int i = 0; i < 5; ++i)
                warm.append(timeOnce([&] { return q.run(a); }));
            std::sort(warm.begin(), warm.end(), [](const Timing &x, const Timing &y) { return x.wallMs < y.wallMs; });
            std::printf("%-46s %9.1f ms %9.1f ms %9.1f ms %9.1f ms\n", qUtf8Printable(q.name), cold.wallMs, cold.cpuMs,
                        warm.at(2).wallMs, warm.at(2).cpuMs);
            std::fflush(stdout);
        }
    }
    return 0;
}
