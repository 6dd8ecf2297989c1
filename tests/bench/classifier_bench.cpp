// SPDX-License-Identifier: Apache-2.0
// classifier-bench: throughput on mixed prose and latency percentiles per payload size for the
// default classifier. Not a test; run by hand: classifier-bench [seconds-per-size]
// Figures are thread CPU time (what one core spends), so they hold on a busy machine too; the
// wall-clock throughput and the load average are printed alongside. Database build is timed
// cold (cache disabled) and warm (per-user cache, see CompiledDatabases).
#include "classify/ClassifierFactory.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>
#include <QFile>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace perimeter::classify;

namespace {

// Mixed prose: ordinary sentences, code, numbers, and a few sensitive values, as prompts are.
QString mixedProse(qsizetype size)
{
    static const char *parts[] = {
        "The quarterly report shows revenue grew by 12 percent compared with last year, driven by new customers in Europe. ",
        "Please summarise the meeting notes and list the action items for the platform team before Friday. ",
        "def handler(event, context):\n    items = event.get('items', [])\n    return {'count': len(items)}\n",
        "Order 4481-2209 shipped on 2024-03-15 to the warehouse at 10.0.12.7; tracking id ZX81923. ",
        "Contact jane.doe@example.com or call +44 20 7123 4567 if the invoice total of 1,234.56 EUR is wrong. ",
        "const config = { retries: 3, timeoutMs: 2500, endpoint: \"https://api.example.org/v1/items\" };\n",
        "In 1969 the first message was sent over ARPANET between UCLA and SRI; the system crashed after two letters. ",
        "Card on file 4111 1111 1111 1111 should not be stored in plain text according to the PCI rules. ",
    };
    QString out;
    out.reserve(size + 256);
    size_t i = 0;
    while (out.size() < size)
        out += QString::fromLatin1(parts[i++ % (sizeof parts / sizeof *parts)]);
    out.truncate(size);
    return out;
}

qint64 cpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    QTextStream out(stdout);
    out << "load average: " << loadAverage() << "\n";
    {
        // cold: a pattern set no cache has seen (one unique marker term), disk cache off
        ClassifierSettings cold = ClassifierSettings::defaults();
        cold.markers.append(MarkerList{QStringLiteral("bench"), QStringLiteral("ORG_MARKER"), std::nullopt, 1.0,
                                       {QStringLiteral("bench-%1").arg(QDateTime::currentMSecsSinceEpoch())}});
        qputenv("PERIMETER_CLASSIFIER_CACHE", "off");
        QElapsedTimer t;
        t.start();
        auto c = ClassifierFactory::build(cold);
        out << "database build, cold (compile): " << t.elapsed() << " ms\n";
        qunsetenv("PERIMETER_CLASSIFIER_CACHE");
    }
    // first build of the default set in this process: read from the per-user cache when an
    // earlier run stored it (what a perimeterctl run or a daemon start pays), else compiled
    QElapsedTimer firstTimer;
    firstTimer.start();
    const auto first = ClassifierFactory::build(ClassifierSettings::defaults());
    out << "database build, first in process (disk cache if present): " << firstTimer.elapsed() << " ms\n";
    QElapsedTimer build;
    build.start();
    auto classifier = ClassifierFactory::build(ClassifierSettings::defaults());
    if (!classifier) {
        out << "build failed: " << classifier.error().message << "\n";
        return 1;
    }
    out << "database build, warm (same process, shared): " << build.elapsed() << " ms\n";

    // Throughput on 16 MiB of mixed prose (scanned in 1 MiB payloads).
    {
        const QString chunk = mixedProse(1 << 20);
        QElapsedTimer t;
        t.start();
        const qint64 cpu0 = cpuNs();
        qint64 bytes = 0;
        qint64 findings = 0;
        int payloads = 0;
        while (t.elapsed() < qint64(seconds * 3000) || bytes < (16 << 20)) {
            const auto r = classifier.value()->classifyText(chunk);
            findings += r.findings.size();
            bytes += chunk.size();
            ++payloads;
        }
        const double mib = double(bytes) / (1024.0 * 1024.0);
        out << QStringLiteral("throughput (mixed prose, 1 MiB payloads, one thread): %1 MB/s CPU time, %2 MB/s wall (%3 findings per MiB)\n")
                   .arg(mib / (double(cpuNs() - cpu0) / 1e9), 0, 'f', 1)
                   .arg(mib / (double(t.nsecsElapsed()) / 1e9), 0, 'f', 1)
                   .arg(findings / payloads);
    }

    for (qsizetype size : {qsizetype(1024), qsizetype(4096), qsizetype(65536), qsizetype(1 << 20)}) {
        const QString text = mixedProse(size);
        std::vector<qint64> samples;
        QElapsedTimer total;
        total.start();
        while (total.elapsed() < qint64(seconds * 1000) || samples.size() < 20) {
            const qint64 c0 = cpuNs();
            const auto r = classifier.value()->classifyText(text);
            samples.push_back(cpuNs() - c0);
            if (r.failedClosed)
                return 1;
        }
        std::sort(samples.begin(), samples.end());
        const auto pct = [&](double p) { return double(samples[size_t(p * double(samples.size() - 1))]) / 1000.0; };
        out << QStringLiteral("%1 bytes: n=%2 p50=%3 us p99=%4 us (CPU time)\n")
                   .arg(size, 8)
                   .arg(samples.size())
                   .arg(pct(0.50), 0, 'f', 1)
                   .arg(pct(0.99), 0, 'f', 1);
    }
    return 0;
}
