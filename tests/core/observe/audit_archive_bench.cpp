// SPDX-License-Identifier: Apache-2.0
// Retention figures (not a CTest test): audit-archive-bench [records]
// Writes the records one second apart, archives the oldest 90 %, then times verify of the
// live trail and of archives + live as one chain.
#include "observe/AuditArchiveVerifier.h"
#include "observe/AuditArchiver.h"
#include "observe/SqliteAuditStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdio>

using namespace perimeter::observe;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 count = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200000;
    if (count < 10) {
        std::fprintf(stderr, "usage: audit-archive-bench [records >= 10]\n");
        return 2;
    }
    QTemporaryDir dir;
    auto opened = SqliteAuditStore::open(dir.path(), static_cast<int>(count) + 1);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    SqliteAuditStore &store = *opened.value();
    const QDateTime base = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    for (qint64 i = 0; i < count; ++i) {
        AuditRecord r;
        r.requestId = QStringLiteral("req-%1").arg(i);
        r.ts = base.addSecs(i);
        r.caller = QStringLiteral("alice");
        r.team = QStringLiteral("risk");
        r.modelRequested = QStringLiteral("llama-70b");
        r.tier = i % 2 ? QStringLiteral("onprem") : QStringLiteral("cloud");
        r.decision = QStringLiteral("routed");
        r.reason = QStringLiteral("ok");
        r.sensitivity = QStringLiteral("internal");
        r.findingTypes = {{QStringLiteral("EMAIL_ADDRESS"), 1}};
        r.status = 200;
        r.tokensIn = 100;
        r.tokensOut = 50;
        r.costAmount = 0.001;
        r.costBasis = QStringLiteral("list_price");
        store.append(r);
    }
    if (!store.flush()) {
        std::fprintf(stderr, "write failed\n");
        return 1;
    }
    const qint64 archived = count * 9 / 10;
    QElapsedTimer t;
    t.start();
    auto run = AuditArchiver::archive(store, dir.filePath(QStringLiteral("archive")), base.addSecs(archived));
    const qint64 archiveMs = t.elapsed();
    if (!run) {
        std::fprintf(stderr, "%s\n", qPrintable(run.error().message));
        return 1;
    }
    t.restart();
    auto live = store.verify();
    const qint64 liveMs = t.elapsed();
    t.restart();
    auto whole = AuditArchiveVerifier::verify(store, dir.filePath(QStringLiteral("archive")));
    const qint64 wholeMs = t.elapsed();
    if (!live || !live.value().ok || !whole || !whole.value().chain.ok) {
        std::fprintf(stderr, "verification failed\n");
        return 1;
    }
    std::printf("archived %lld of %lld records in %d file(s): %lld ms (%.0f records/s)\n", static_cast<long long>(run.value().records),
                static_cast<long long>(count), run.value().files, static_cast<long long>(archiveMs),
                double(run.value().records) * 1000.0 / double(std::max<qint64>(1, archiveMs)));
    std::printf("verify live (%lld records): %lld ms; verify archives + live (%lld records): %lld ms\n",
                static_cast<long long>(live.value().recordsChecked), static_cast<long long>(liveMs),
                static_cast<long long>(whole.value().chain.recordsChecked), static_cast<long long>(wholeMs));
    return 0;
}
