// SPDX-License-Identifier: Apache-2.0
// classifier-bench: throughput and latency percentiles per payload size for the default
// classifier, on mixed prose (what prompts look like) and on dense text (a sensitive value in
// most sentences). Not a test; run by hand: classifier-bench [seconds-per-size]
// (--write and --loop, below, serve profiling)
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

// Mixed prose: what prompts are made of. Paragraphs of ordinary writing, source code, log lines,
// tables and JSON, with a sensitive value (card, e-mail, phone, IBAN, key, SSN, ...) in about
// one fragment in twenty. Deterministic: the same seed gives the same text on every run.
QString mixedProse(qsizetype size)
{
    static const char *ordinary[] = {
        "The quarterly report shows revenue grew by 12 percent compared with last year, driven by new customers in Europe. ",
        "Please summarise the meeting notes and list the action items for the platform team before Friday. ",
        "Rewrite this paragraph so that it sounds less formal, but keep the key points about the migration schedule. ",
        "Our onboarding flow asks new users three questions; most of them skip the second one, which hurts retention. ",
        "Can you explain the difference between optimistic and pessimistic locking, with an example for each? ",
        "The committee agreed to postpone the vote until the auditors have reviewed the supplier contracts. ",
        "Translate the following into German: the delivery was delayed because of the strike at the port. ",
        "In 1969 the first message was sent over ARPANET between UCLA and SRI; the system crashed after two letters. ",
        "She argued that the model was overfitting, since validation loss rose after the fourth epoch while training loss kept falling. ",
        "Draft a polite reply declining the invitation, and suggest a call in the second week of March instead. ",
        "The library's new release drops support for Python 3.7 and changes the default timeout to 30 seconds. ",
        "Summarise the main arguments of the essay in five bullet points, each no longer than one sentence. ",
        "Heat the oven to 200 degrees, roast the vegetables for 25 minutes and season them before serving. ",
        "We measured a p99 latency of 180 ms under load, which is well above the budget we agreed with the product team. ",
        "Write unit tests for the parser: empty input, nested lists, unterminated strings and very long lines. ",
        "The warehouse in Rotterdam handles about 40 trucks a day; the new scheduling system should raise that to 55. ",
        "Explain why the sky is blue to a ten-year-old, in no more than three sentences. ",
        "After the refactoring, the build takes 7 minutes instead of 12, mostly thanks to the cache. ",
        "Compare the two proposals and tell me which one carries less risk for the release on the 14th. ",
        "The patient information leaflet must be readable at a reading age of eleven, according to the guidance. ",
        "def handler(event, context):\n    items = event.get('items', [])\n    return {'count': len(items)}\n",
        "const config = { retries: 3, timeoutMs: 2500, endpoint: \"https://api.example.org/v1/items\" };\n",
        "for (size_t i = 0; i < rows.size(); ++i) {\n    total += rows[i].amount * rate;\n}\n",
        "SELECT customer_id, SUM(amount) AS total FROM orders WHERE created_at >= '2024-01-01' GROUP BY customer_id;\n",
        "std::vector<std::string> parts = split(line, ','); if (parts.size() != 4) return std::nullopt;\n",
        "git rebase -i HEAD~3 && git push --force-with-lease origin feature/login-form\n",
        "2024-03-15T10:42:07Z INFO request completed method=GET path=/v1/orders status=200 duration_ms=37\n",
        "2024-03-15T10:42:09Z WARN retrying upstream call attempt=2 backoff_ms=400 reason=timeout\n",
        "| region | orders | revenue |\n|---|---|---|\n| north | 1,204 | 88,300 |\n| south | 987 | 71,450 |\n",
        "{\"model\": \"gpt-4o-mini\", \"temperature\": 0.2, \"max_tokens\": 512, \"stream\": true}\n",
        "Order 4481-2209 shipped on 2024-03-15 to the warehouse; tracking id ZX81923. ",
        "The invoice total of 1,234.56 EUR includes VAT at 21 percent and a delivery charge of 15 EUR. ",
    };
    static const char *sensitive[] = {
        "Contact jane.doe@example.com or call +44 20 7123 4567 if anything is wrong. ",
        "Card on file 4111 1111 1111 1111 should not be stored in plain text according to the PCI rules. ",
        "Please transfer the deposit to IBAN GB82 WEST 1234 5698 7654 32 by Monday. ",
        "export OPENAI_API_KEY=sk-proj-Xk3vQ9mT2pL8rW5nY7bZ1cF4hJ6gD0sA ",
        "His SSN is 078-05-1120 and he was born on 4 July 1976. ",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY ",
        "The server at 10.0.12.7 rejected the login from 203.0.113.42 twice. ",
    };
    quint32 state = 20261201u;
    const auto next = [&state]() {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    QString out;
    out.reserve(size + 256);
    while (out.size() < size) {
        if (next() % 20 == 0)
            out += QString::fromLatin1(sensitive[next() % (sizeof sensitive / sizeof *sensitive)]);
        else
            out += QString::fromLatin1(ordinary[next() % (sizeof ordinary / sizeof *ordinary)]);
    }
    out.truncate(size);
    return out;
}

// Dense: a sensitive value in most sentences (the worst case for post-processing).
QString denseProse(qsizetype size)
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
    QTextStream out(stdout);
    if (argc == 4 && QByteArray(argv[1]) == "--write") {
        // classifier-bench --write mixed|dense FILE: 1 MiB of a workload, to profile it elsewhere
        QFile file(QString::fromLocal8Bit(argv[3]));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write((QByteArray(argv[2]) == "dense" ? denseProse(1 << 20) : mixedProse(1 << 20)).toUtf8());
        return 0;
    }
    if (argc == 5 && QByteArray(argv[1]) == "--loop") {
        // classifier-bench --loop mixed|dense SIZE SECONDS|COUNTx: scan one payload over and over
        // (for SECONDS of CPU time, or COUNT times), to profile one workload and size under perf
        // or callgrind
        const QString text = QByteArray(argv[2]) == "dense" ? denseProse(std::atoll(argv[3])) : mixedProse(std::atoll(argv[3]));
        auto classifier = ClassifierFactory::build(ClassifierSettings::defaults());
        if (!classifier)
            return 1;
        const QByteArray limit(argv[4]);
        const bool counted = limit.endsWith('x');
        const double amount = std::atof(argv[4]);
        const qint64 cpu0 = cpuNs();
        qint64 scans = 0;
        while (counted ? scans < qint64(amount) : cpuNs() - cpu0 < qint64(amount * 1e9)) {
            if (classifier.value()->classifyText(text).failedClosed)
                return 1;
            ++scans;
        }
        out << QStringLiteral("%1 scans, %2 MB/s CPU time\n")
                   .arg(scans)
                   .arg(double(scans) * double(text.size()) / (1024.0 * 1024.0) / (double(cpuNs() - cpu0) / 1e9), 0, 'f', 1);
        return 0;
    }
    const double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
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

    struct Workload {
        const char *name;
        QString (*make)(qsizetype);
    };
    for (const Workload &w : {Workload{"mixed prose", mixedProse}, Workload{"dense", denseProse}}) {
        // throughput on at least 16 MiB (scanned in 1 MiB payloads)
        const QString chunk = w.make(1 << 20);
        QElapsedTimer t;
        t.start();
        const qint64 cpu0 = cpuNs();
        qint64 bytes = 0;
        qint64 findings = 0;
        int payloads = 0;
        std::vector<qint64> perPayload;
        while (t.elapsed() < qint64(seconds * 3000) || bytes < (16 << 20)) {
            const qint64 c0 = cpuNs();
            const auto r = classifier.value()->classifyText(chunk);
            perPayload.push_back(cpuNs() - c0);
            findings += r.findings.size();
            bytes += chunk.size();
            ++payloads;
        }
        const double mib = double(bytes) / (1024.0 * 1024.0);
        // the mean counts every stall a shared machine adds; the median payload is what one core
        // sustains without them. Both are printed.
        std::sort(perPayload.begin(), perPayload.end());
        const double medianSeconds = double(perPayload[perPayload.size() / 2]) / 1e9;
        out << QStringLiteral("%1: throughput (1 MiB payloads, one thread): %2 MB/s CPU time (mean), %3 MB/s (median payload), %4 MB/s wall (%5 findings per MiB)\n")
                   .arg(QLatin1String(w.name))
                   .arg(mib / (double(cpuNs() - cpu0) / 1e9), 0, 'f', 1)
                   .arg(double(chunk.size()) / (1024.0 * 1024.0) / medianSeconds, 0, 'f', 1)
                   .arg(mib / (double(t.nsecsElapsed()) / 1e9), 0, 'f', 1)
                   .arg(findings / payloads);

        for (qsizetype size : {qsizetype(1024), qsizetype(4096), qsizetype(65536), qsizetype(1 << 20)}) {
            const QString text = w.make(size);
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
            out << QStringLiteral("%1: %2 bytes: n=%3 p50=%4 us p99=%5 us (CPU time)\n")
                       .arg(QLatin1String(w.name))
                       .arg(size, 8)
                       .arg(samples.size())
                       .arg(pct(0.50), 0, 'f', 1)
                       .arg(pct(0.99), 0, 'f', 1);
        }
    }
    return 0;
}
