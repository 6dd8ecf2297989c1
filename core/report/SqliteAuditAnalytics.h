// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditAnalytics.h"
#include <memory>
#include <mutex>

struct sqlite3;

namespace perimeter::report {

// AuditAnalytics over the embedded trail (<data_dir>/audit.db of observe::SqliteAuditStore),
// through its own read-only connection: it can never write, and in WAL mode it never waits
// for the gateway's writer nor makes it wait.
//
// The aggregation runs as one pass over the covering index audit_records_report (created by
// SqliteAuditStore's schema): SQLite filters by period and values inside the index and this
// class adds up the rows in C++. That is measured at several times faster than the same sums
// as SQL GROUP BY with CASE expressions (SQLite then sorts every row into a temporary B-tree),
// and it is why this class talks to SQLite's C API: QSqlQuery wraps every value in a QVariant,
// which alone costs more than the query on a million rows.
class SqliteAuditAnalytics final : public AuditAnalytics {
public:
    static Result<std::unique_ptr<SqliteAuditAnalytics>> open(const QString &databasePath);
    ~SqliteAuditAnalytics() override;

    SqliteAuditAnalytics(const SqliteAuditAnalytics &) = delete;
    SqliteAuditAnalytics &operator=(const SqliteAuditAnalytics &) = delete;

    Result<TimeSeries> series(const AuditFilter &filter, qint64 bucketMs) const override;
    Result<QList<BreakdownRow>> breakdown(const AuditFilter &filter, Dimension dimension) const override;
    Result<QList<ReasonCount>> topRejections(const AuditFilter &filter, int limit) const override;
    Result<AuditStats> totals(const AuditFilter &filter) const override;
    Result<qint64> count(const AuditFilter &filter) const override;
    Status forEachRecord(const AuditFilter &filter, const std::function<bool(const observe::AuditRecord &)> &visit) const override;

    QString databasePath() const { return m_path; }

private:
    SqliteAuditAnalytics(QString path, sqlite3 *db);

    const QString m_path;
    // One connection, used by one thread at a time: a dashboard's queries queue here rather
    // than each paying for a cold page cache.
    mutable std::mutex m_mutex;
    sqlite3 *m_db = nullptr;
};

} // namespace perimeter::report
