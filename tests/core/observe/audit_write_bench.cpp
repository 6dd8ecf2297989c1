// SPDX-License-Identifier: Apache-2.0
// Measures how fast SqliteAuditStore commits records: N appends from one thread as fast as
// possible, then flush(). Prints the append rate (what the gateway thread pays) and the
// end-to-end commit rate (what the writer sustains, hash chain included), then how fast
// verify() checks the chain.
#include "observe/SqliteAuditStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>
#include <cstdio>

using namespace perimeter::observe;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 count = 200'000;
    if (args.size() > 1) {
        bool ok = false;
        count = args.at(1).toLongLong(&ok);
        if (!ok || count < 1) {
            std::fprintf(stderr, "usage: audit-write-bench [records]\n");
            return 2;
        }
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary directory\n");
        return 1;
    }
    // Capacity above the record count: this measures the writer, not the drop path.
    auto opened = SqliteAuditStore::open(dir.path(), static_cast<int>(count) + 1);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(opened.error().message));
        return 1;
    }
    auto store = std::move(opened).value();

    AuditRecord base;
    base.caller = QStringLiteral("alice");
    base.team = QStringLiteral("risk");
    base.endpointPath = QStringLiteral("/v1/chat/completions");
    base.modelRequested = QStringLiteral("llama-70b");
    base.modelServed = QStringLiteral("llama-70b");
    base.tier = QStringLiteral("onprem");
    base.endpointId = QStringLiteral("gpu-1");
    base.decision = QStringLiteral("routed");
    base.reason = QStringLiteral("ok");
    base.sensitivity = QStringLiteral("confidential");
    base.findingTypes = {{QStringLiteral("CREDIT_CARD"), 1}, {QStringLiteral("EMAIL_ADDRESS"), 2}};
    base.policyVersion = QStringLiteral("3");
    base.status = 200;
    base.tokensIn = 812;
    base.tokensOut = 256;
    base.latencyMs = 940;
    base.upstreamMs = 921;
    base.ttftMs = 120;
    base.streamed = true;
    base.costAmount = 0.0123;
    base.costBasis = QStringLiteral("blended_rate");

    const QDateTime start = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < count; ++i) {
        AuditRecord r = base;
        r.requestId = QStringLiteral("req-%1").arg(i, 8, 10, QLatin1Char('0'));
        r.ts = start.addMSecs(i);
        if (!store->append(std::move(r))) {
            std::fprintf(stderr, "append refused at %lld\n", static_cast<long long>(i));
            return 1;
        }
    }
    const qint64 appendNs = timer.nsecsElapsed();
    if (auto flushed = store->flush(); !flushed) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(flushed.error().message));
        return 1;
    }
    const qint64 totalNs = timer.nsecsElapsed();
    AuditQuery check;
    check.limit = -1;
    auto rows = store->query(check);
    if (!rows || rows.value().size() != count) {
        std::fprintf(stderr, "expected %lld committed records\n", static_cast<long long>(count));
        return 1;
    }
    QElapsedTimer verifyTimer;
    verifyTimer.start();
    auto verified = store->verify();
    const qint64 verifyNs = verifyTimer.nsecsElapsed();
    if (!verified || !verified.value().ok || verified.value().recordsChecked != count) {
        std::fprintf(stderr, "the hash chain does not verify: %s\n",
                     verified ? qUtf8Printable(verified.value().detail) : qUtf8Printable(verified.error().message));
        return 1;
    }
    std::printf("records: %lld\n", static_cast<long long>(count));
    std::printf("append (caller thread): %.0f records/s (%.2f us/record)\n", count * 1e9 / appendNs,
                appendNs / 1e3 / count);
    std::printf("committed (end to end, WAL, synchronous=NORMAL, batches of %d): %.0f records/s, %.2f s\n",
                SqliteAuditStore::kMaxBatch, count * 1e9 / totalNs, totalNs / 1e9);
    std::printf("verify (whole hash chain): %.0f records/s, %.2f s\n", count * 1e9 / verifyNs, verifyNs / 1e9);
    return 0;
}
