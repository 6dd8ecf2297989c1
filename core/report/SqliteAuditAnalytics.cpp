// SPDX-License-Identifier: Apache-2.0
#include "SqliteAuditAnalytics.h"
#include "LatencyHistogram.h"
#include "observe/AuditRecordJson.h"

#include <QFileInfo>
#include <algorithm>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

namespace perimeter::report {

namespace {

Error sqliteError(const char *what, sqlite3 *db)
{
    return Error{QStringLiteral("audit_store_error"),
                 QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromUtf8(sqlite3_errmsg(db)))};
}

// A WHERE clause with its values, built from an AuditFilter.
struct Where {
    QString sql; // "" or " WHERE ..."
    std::vector<std::variant<qint64, QByteArray>> values;
};

Where buildWhere(const AuditFilter &filter, const QStringList &extra = {})
{
    Where w;
    QStringList terms;
    if (filter.from) {
        terms << QStringLiteral("ts_ms >= ?");
        w.values.emplace_back(filter.from->toMSecsSinceEpoch());
    }
    if (filter.to) {
        terms << QStringLiteral("ts_ms < ?");
        w.values.emplace_back(filter.to->toMSecsSinceEpoch());
    }
    const std::pair<const char *, const QStringList *> lists[] = {
        {"tier", &filter.tiers},
        {"team", &filter.teams},
        {"caller", &filter.callers},
        {"COALESCE(model_served, model_requested)", &filter.models},
        {"sensitivity", &filter.sensitivities},
        {"decision", &filter.decisions},
        {"endpoint_id", &filter.endpoints},
        {"reason", &filter.reasons},
    };
    for (const auto &[column, values] : lists) {
        if (values->isEmpty())
            continue;
        QStringList alternatives;
        QStringList placeholders;
        bool orNull = false;
        for (const QString &value : *values) {
            if (value.isEmpty()) {
                orNull = true;
            } else {
                placeholders << QStringLiteral("?");
                w.values.emplace_back(value.toUtf8());
            }
        }
        if (!placeholders.isEmpty())
            alternatives << QStringLiteral("%1 IN (%2)").arg(QLatin1String(column), placeholders.join(QStringLiteral(", ")));
        if (orNull)
            alternatives << QStringLiteral("%1 IS NULL").arg(QLatin1String(column));
        terms << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    terms << extra;
    if (!terms.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    return w;
}

// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3 *db, const QString &sql)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }

    bool bind(const Where &where, int first = 1)
    {
        int index = first;
        for (const auto &value : where.values) {
            int rc = SQLITE_OK;
            if (const auto *number = std::get_if<qint64>(&value))
                rc = sqlite3_bind_int64(m_stmt, index, *number);
            else {
                const QByteArray &text = std::get<QByteArray>(value);
                rc = sqlite3_bind_text(m_stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            }
            if (rc != SQLITE_OK)
                return false;
            ++index;
        }
        return true;
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

std::string_view textOf(sqlite3_stmt *stmt, int column)
{
    const auto *text = sqlite3_column_text(stmt, column);
    if (!text)
        return {};
    return {reinterpret_cast<const char *>(text), size_t(sqlite3_column_bytes(stmt, column))};
}

QString qtext(sqlite3_stmt *stmt, int column)
{
    const std::string_view t = textOf(stmt, column);
    return QString::fromUtf8(t.data(), qsizetype(t.size()));
}

struct TransparentHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Small string -> index table so the hot loop compares bytes, never builds a QString per row.
class Interner {
public:
    int id(std::string_view text)
    {
        if (auto it = m_ids.find(text); it != m_ids.end())
            return it->second;
        const int next = int(m_names.size());
        m_names.emplace_back(text);
        m_ids.emplace(std::string(text), next);
        return next;
    }
    int size() const { return int(m_names.size()); }
    QString name(int id) const { return QString::fromStdString(m_names.at(size_t(id))); }

private:
    std::unordered_map<std::string, int, TransparentHash, std::equal_to<>> m_ids;
    std::vector<std::string> m_names;
};

enum Tier { Onprem = 0, Cloud = 1, NoTier = 2 };

int tierOf(std::string_view tier)
{
    if (tier == "onprem")
        return Onprem;
    if (tier == "cloud")
        return Cloud;
    return NoTier;
}

// The per-group sums; converted to AuditStats once at the end.
struct Accumulator {
    qint64 requests = 0, routed = 0, rejected = 0, failed = 0, onprem = 0, cloud = 0, tokensIn = 0, tokensOut = 0;
    qint64 counterfactualRequests = 0;
    std::vector<double> cost; // by currency id, as the two below
    std::vector<double> counterfactual;
    std::vector<double> costWithCounterfactual;
    LatencyHistogram latency;

    AuditStats toStats(const Interner &currencies) const
    {
        AuditStats s;
        s.requests = requests;
        s.routed = routed;
        s.rejected = rejected;
        s.failed = failed;
        s.onpremRequests = onprem;
        s.cloudRequests = cloud;
        s.tokensIn = tokensIn;
        s.tokensOut = tokensOut;
        s.counterfactualRequests = counterfactualRequests;
        for (size_t i = 0; i < cost.size(); ++i) {
            const QString currency = currencies.name(int(i));
            s.cost.insert(currency, cost[i]);
            if (counterfactual[i] != 0.0 || costWithCounterfactual[i] != 0.0) {
                s.counterfactual.insert(currency, counterfactual[i]);
                s.costWithCounterfactual.insert(currency, costWithCounterfactual[i]);
            }
        }
        s.latencyP50 = latency.quantile(0.50);
        s.latencyP95 = latency.quantile(0.95);
        s.latencyP99 = latency.quantile(0.99);
        return s;
    }
};

// Columns every aggregating scan reads, in this order, optionally followed by a key.
const QString kScanColumns =
    QStringLiteral("ts_ms, tier, decision, latency_ms, tokens_in, tokens_out, cost_amount, cost_currency, cost_counterfactual");
constexpr int kKeyColumn = 9;

// One row of the scan folded into `acc`.
inline void addRow(sqlite3_stmt *stmt, Accumulator &acc, int tier, Interner &currencies)
{
    ++acc.requests;
    const std::string_view decision = textOf(stmt, 2);
    if (decision == "routed") {
        ++acc.routed;
        acc.latency.add(sqlite3_column_int64(stmt, 3));
    } else if (decision == "rejected") {
        ++acc.rejected;
    } else if (decision == "failed") {
        ++acc.failed;
    }
    if (tier == Onprem)
        ++acc.onprem;
    else if (tier == Cloud)
        ++acc.cloud;
    acc.tokensIn += sqlite3_column_int64(stmt, 4);
    acc.tokensOut += sqlite3_column_int64(stmt, 5);
    const double amount = sqlite3_column_double(stmt, 6);
    const int currency = currencies.id(textOf(stmt, 7));
    if (size_t(currency) >= acc.cost.size()) {
        acc.cost.resize(size_t(currency) + 1, 0.0);
        acc.counterfactual.resize(size_t(currency) + 1, 0.0);
        acc.costWithCounterfactual.resize(size_t(currency) + 1, 0.0);
    }
    acc.cost[size_t(currency)] += amount;
    if (sqlite3_column_type(stmt, 8) != SQLITE_NULL) {
        ++acc.counterfactualRequests;
        acc.counterfactual[size_t(currency)] += sqlite3_column_double(stmt, 8);
        acc.costWithCounterfactual[size_t(currency)] += amount;
    }
}

QString keyExpression(Dimension dimension)
{
    switch (dimension) {
    case Dimension::Tier: return QStringLiteral("tier");
    case Dimension::Model: return QStringLiteral("COALESCE(model_served, model_requested)");
    case Dimension::Team: return QStringLiteral("team");
    case Dimension::Caller: return QStringLiteral("caller");
    case Dimension::Sensitivity: return QStringLiteral("sensitivity");
    case Dimension::Decision: return QStringLiteral("decision");
    case Dimension::Endpoint: return QStringLiteral("endpoint_id");
    case Dimension::EndpointPath: return QStringLiteral("endpoint_path");
    case Dimension::Reason: return QStringLiteral("reason");
    }
    return QStringLiteral("NULL");
}

const QString kRecordColumns = QStringLiteral(
    "request_id, ts_ms, caller, team, endpoint_path, model_requested, model_served, tier, endpoint_id, decision, reason, "
    "sensitivity, finding_types, policy_version, status, tokens_in, tokens_out, latency_ms, upstream_ms, ttft_ms, streamed, "
    "cost_amount, cost_currency, cost_basis, cost_counterfactual, prev_hash, hash");

Result<observe::AuditRecord> readRecord(sqlite3_stmt *s)
{
    auto millisOrMinusOne = [s](int column) {
        return sqlite3_column_type(s, column) == SQLITE_NULL ? qint64(-1) : qint64(sqlite3_column_int64(s, column));
    };
    observe::AuditRecord r;
    r.requestId = qtext(s, 0);
    r.ts = QDateTime::fromMSecsSinceEpoch(sqlite3_column_int64(s, 1), Qt::UTC);
    r.caller = qtext(s, 2);
    r.team = qtext(s, 3);
    r.endpointPath = qtext(s, 4);
    r.modelRequested = qtext(s, 5);
    r.modelServed = qtext(s, 6);
    r.tier = qtext(s, 7);
    r.endpointId = qtext(s, 8);
    r.decision = qtext(s, 9);
    r.reason = qtext(s, 10);
    r.sensitivity = qtext(s, 11);
    auto findings = observe::findingTypesFromJson(qtext(s, 12));
    if (!findings)
        return Error{findings.error().code, QStringLiteral("audit record %1: %2").arg(r.requestId, findings.error().message)};
    r.findingTypes = findings.value();
    r.policyVersion = qtext(s, 13);
    r.status = sqlite3_column_int(s, 14);
    r.tokensIn = sqlite3_column_int64(s, 15);
    r.tokensOut = sqlite3_column_int64(s, 16);
    r.latencyMs = sqlite3_column_int64(s, 17);
    r.upstreamMs = millisOrMinusOne(18);
    r.ttftMs = millisOrMinusOne(19);
    r.streamed = sqlite3_column_int64(s, 20) != 0;
    r.costAmount = sqlite3_column_double(s, 21);
    r.costCurrency = qtext(s, 22);
    r.costBasis = qtext(s, 23);
    if (sqlite3_column_type(s, 24) != SQLITE_NULL)
        r.costCounterfactual = sqlite3_column_double(s, 24);
    r.prevHash = qtext(s, 25);
    r.hash = qtext(s, 26);
    return r;
}

} // namespace

SqliteAuditAnalytics::SqliteAuditAnalytics(QString path, sqlite3 *db) : m_path(std::move(path)), m_db(db) {}

SqliteAuditAnalytics::~SqliteAuditAnalytics()
{
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteAuditAnalytics>> SqliteAuditAnalytics::open(const QString &databasePath)
{
    if (!QFileInfo(databasePath).isFile())
        return Error{QStringLiteral("audit_store_error"), QStringLiteral("no audit database at %1").arg(databasePath)};
    sqlite3 *db = nullptr;
    // NOMUTEX: m_mutex already gives the connection to one thread at a time, and SQLite's own
    // per-connection mutex would be taken on every sqlite3_column_*() call: measured at a
    // third of a million-row scan.
    const int rc = sqlite3_open_v2(databasePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError("cannot open the audit database", db);
        sqlite3_close_v2(db);
        return e;
    }
    // The writer of another process may hold a checkpoint lock for a moment.
    sqlite3_busy_timeout(db, 5000);
    // Dashboards repeat their queries: 64 MiB of page cache keeps the covering index hot.
    sqlite3_exec(db, "PRAGMA cache_size=-65536", nullptr, nullptr, nullptr);
    // Fails early, with a clear message, on a file that is not an audit trail.
    {
        sqlite3_stmt *probe = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT ts_ms, tier, decision FROM audit_records LIMIT 0", -1, &probe, nullptr) != SQLITE_OK) {
            Error e = sqliteError("not an audit database", db);
            sqlite3_finalize(probe);
            sqlite3_close_v2(db);
            return e;
        }
        sqlite3_finalize(probe);
    }
    return std::unique_ptr<SqliteAuditAnalytics>(new SqliteAuditAnalytics(databasePath, db));
}

Result<TimeSeries> SqliteAuditAnalytics::series(const AuditFilter &filter, qint64 bucketMs) const
{
    if (!filter.from || !filter.to)
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("a series needs a period with a start and an end")};
    if (bucketMs <= 0)
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("the bucket size must be positive")};
    const qint64 fromMs = filter.from->toMSecsSinceEpoch();
    const qint64 toMs = filter.to->toMSecsSinceEpoch();
    if (toMs <= fromMs)
        return Error{QStringLiteral("invalid_argument"), QStringLiteral("the period must end after it starts")};
    const qint64 buckets = (toMs - fromMs + bucketMs - 1) / bucketMs;
    if (buckets > kMaxBuckets)
        return Error{QStringLiteral("invalid_argument"),
                     QStringLiteral("%1 buckets asked for, at most %2: use a larger bucket").arg(buckets).arg(kMaxBuckets)};

    const Where where = buildWhere(filter);
    std::vector<Accumulator> acc(size_t(buckets) * 3);
    Interner currencies;
    {
        std::lock_guard lock(m_mutex);
        Statement stmt(m_db, QStringLiteral("SELECT %1 FROM audit_records%2").arg(kScanColumns, where.sql));
        if (!stmt.ok() || !stmt.bind(where))
            return sqliteError("audit series query failed", m_db);
        int rc;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            const qint64 bucket = (sqlite3_column_int64(stmt.get(), 0) - fromMs) / bucketMs;
            const int tier = tierOf(textOf(stmt.get(), 1));
            addRow(stmt.get(), acc[size_t(bucket * 3 + tier)], tier, currencies);
        }
        if (rc != SQLITE_DONE)
            return sqliteError("audit series query failed", m_db);
    }
    TimeSeries series;
    series.from = filter.from->toUTC();
    series.to = filter.to->toUTC();
    series.bucketMs = bucketMs;
    series.tiers = {QStringLiteral("onprem"), QStringLiteral("cloud"), QString()};
    series.points.reserve(qsizetype(acc.size()));
    for (qint64 b = 0; b < buckets; ++b) {
        for (int t = 0; t < 3; ++t) {
            SeriesPoint p;
            p.bucketStart = QDateTime::fromMSecsSinceEpoch(fromMs + b * bucketMs, Qt::UTC);
            p.tier = series.tiers.at(t);
            p.stats = acc[size_t(b * 3 + t)].toStats(currencies);
            series.points.append(std::move(p));
        }
    }
    return series;
}

Result<QList<BreakdownRow>> SqliteAuditAnalytics::breakdown(const AuditFilter &filter, Dimension dimension) const
{
    const Where where = buildWhere(filter);
    Interner keys;
    Interner currencies;
    std::vector<Accumulator> acc;
    {
        std::lock_guard lock(m_mutex);
        Statement stmt(m_db, QStringLiteral("SELECT %1, %2 FROM audit_records%3").arg(kScanColumns, keyExpression(dimension), where.sql));
        if (!stmt.ok() || !stmt.bind(where))
            return sqliteError("audit breakdown query failed", m_db);
        int rc;
        // Consecutive rows often share a key (one caller's burst): skip the hash lookup then.
        std::string lastKey;
        int lastId = -1;
        while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
            const std::string_view key = textOf(stmt.get(), kKeyColumn);
            int id = lastId;
            if (id < 0 || key != lastKey) {
                id = keys.id(key);
                lastKey.assign(key);
                lastId = id;
            }
            if (size_t(id) >= acc.size())
                acc.resize(size_t(id) + 1);
            addRow(stmt.get(), acc[size_t(id)], tierOf(textOf(stmt.get(), 1)), currencies);
        }
        if (rc != SQLITE_DONE)
            return sqliteError("audit breakdown query failed", m_db);
    }
    QList<BreakdownRow> rows;
    rows.reserve(qsizetype(acc.size()));
    for (size_t i = 0; i < acc.size(); ++i)
        rows.append(BreakdownRow{keys.name(int(i)), acc[i].toStats(currencies)});
    std::sort(rows.begin(), rows.end(), [](const BreakdownRow &a, const BreakdownRow &b) {
        return a.stats.requests != b.stats.requests ? a.stats.requests > b.stats.requests : a.key < b.key;
    });
    return rows;
}

Result<QList<ReasonCount>> SqliteAuditAnalytics::topRejections(const AuditFilter &filter, int limit) const
{
    // Rejections are a small share of the trail: SQL's GROUP BY is cheap here.
    const Where where = buildWhere(filter, {QStringLiteral("decision = 'rejected'")});
    QString sql = QStringLiteral("SELECT COALESCE(reason, ''), COUNT(*) FROM audit_records%1 GROUP BY 1 ORDER BY 2 DESC, 1").arg(where.sql);
    if (limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    std::lock_guard lock(m_mutex);
    Statement stmt(m_db, sql);
    if (!stmt.ok() || !stmt.bind(where))
        return sqliteError("audit rejection query failed", m_db);
    QList<ReasonCount> rows;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW)
        rows.append(ReasonCount{qtext(stmt.get(), 0), sqlite3_column_int64(stmt.get(), 1)});
    if (rc != SQLITE_DONE)
        return sqliteError("audit rejection query failed", m_db);
    return rows;
}

Result<AuditStats> SqliteAuditAnalytics::totals(const AuditFilter &filter) const
{
    const Where where = buildWhere(filter);
    Accumulator acc;
    Interner currencies;
    std::lock_guard lock(m_mutex);
    Statement stmt(m_db, QStringLiteral("SELECT %1 FROM audit_records%2").arg(kScanColumns, where.sql));
    if (!stmt.ok() || !stmt.bind(where))
        return sqliteError("audit totals query failed", m_db);
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW)
        addRow(stmt.get(), acc, tierOf(textOf(stmt.get(), 1)), currencies);
    if (rc != SQLITE_DONE)
        return sqliteError("audit totals query failed", m_db);
    return acc.toStats(currencies);
}

Result<qint64> SqliteAuditAnalytics::count(const AuditFilter &filter) const
{
    const Where where = buildWhere(filter);
    std::lock_guard lock(m_mutex);
    Statement stmt(m_db, QStringLiteral("SELECT COUNT(*) FROM audit_records%1").arg(where.sql));
    if (!stmt.ok() || !stmt.bind(where) || sqlite3_step(stmt.get()) != SQLITE_ROW)
        return sqliteError("audit count query failed", m_db);
    return qint64(sqlite3_column_int64(stmt.get(), 0));
}

Status SqliteAuditAnalytics::forEachRecord(const AuditFilter &filter,
                                           const std::function<bool(const observe::AuditRecord &)> &visit) const
{
    const Where where = buildWhere(filter);
    std::lock_guard lock(m_mutex);
    // One statement is one read transaction: a long export sees one consistent snapshot.
    Statement stmt(m_db, QStringLiteral("SELECT %1 FROM audit_records%2 ORDER BY ts_ms, id").arg(kRecordColumns, where.sql));
    if (!stmt.ok() || !stmt.bind(where))
        return sqliteError("audit record query failed", m_db);
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        auto record = readRecord(stmt.get());
        if (!record)
            return record.error();
        if (!visit(record.value()))
            return Ok{};
    }
    if (rc != SQLITE_DONE)
        return sqliteError("audit record query failed", m_db);
    return Ok{};
}

} // namespace perimeter::report
