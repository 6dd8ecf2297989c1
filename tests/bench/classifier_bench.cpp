// SPDX-License-Identifier: Apache-2.0
// classifier-bench: throughput on mixed prose and latency percentiles per payload size for the
// default classifier. Not a test; run by hand: classifier-bench [seconds-per-size]
#include "classify/ClassifierFactory.h"
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
    QTextStream out(stdout);
    QElapsedTimer build;
    build.start();
    auto classifier = ClassifierFactory::build(ClassifierSettings::defaults());
    if (!classifier) {
        out << "build failed: " << classifier.error().message << "\n";
        return 1;
    }
    out << "database build: " << build.elapsed() << " ms\n";

    // Throughput on 16 MiB of mixed prose (scanned in 1 MiB payloads).
    {
        const QString chunk = mixedProse(1 << 20);
        QElapsedTimer t;
        t.start();
        qint64 bytes = 0;
        int findings = 0;
        while (t.elapsed() < qint64(seconds * 3000) || bytes < (16 << 20)) {
            const auto r = classifier.value()->classifyText(chunk);
            findings += int(r.findings.size());
            bytes += chunk.size();
        }
        const double mbps = double(bytes) / (1024.0 * 1024.0) / (double(t.nsecsElapsed()) / 1e9);
        out << QStringLiteral("throughput (mixed prose, 1 MiB payloads, one thread): %1 MB/s (%2 findings)\n")
                   .arg(mbps, 0, 'f', 1)
                   .arg(findings);
    }

    for (qsizetype size : {qsizetype(1024), qsizetype(4096), qsizetype(65536), qsizetype(1 << 20)}) {
        const QString text = mixedProse(size);
        std::vector<qint64> samples;
        QElapsedTimer total;
        total.start();
        while (total.elapsed() < qint64(seconds * 1000) || samples.size() < 20) {
            QElapsedTimer one;
            one.start();
            const auto r = classifier.value()->classifyText(text);
            samples.push_back(one.nsecsElapsed());
            if (r.failedClosed)
                return 1;
        }
        std::sort(samples.begin(), samples.end());
        const auto pct = [&](double p) { return double(samples[size_t(p * double(samples.size() - 1))]) / 1000.0; };
        out << QStringLiteral("%1 bytes: n=%2 p50=%3 us p99=%4 us\n")
                   .arg(size, 8)
                   .arg(samples.size())
                   .arg(pct(0.50), 0, 'f', 1)
                   .arg(pct(0.99), 0, 'f', 1);
    }
    return 0;
}
