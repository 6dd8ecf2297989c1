// SPDX-License-Identifier: Apache-2.0
#include "DecisionReviewStore.h"
#include "storage/SqliteConnection.h"
#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace perimeter::observe {

namespace {

constexpr int kMaxRequestIdChars = 128;

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("review_store_failed"), QStringLiteral("%1: %2").arg(what, error.text())};
}

DecisionReview fromQuery(const QSqlQuery &q)
{
    DecisionReview r;
    r.id = q.value(0).toLongLong();
    r.requestId = q.value(1).toString();
    r.status = q.value(2).toString();
    r.reviewer = q.value(3).toString();
    r.comment = q.value(4).toString();
    r.at = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    return r;
}

} // namespace

// Runs fn(QSqlDatabase&) on a fresh connection of the calling thread (callers come from the
// thread pool, and Qt connections belong to the thread that made them).
template <typename Fn>
auto DecisionReviewStore::withDatabase(Fn &&fn) const
{
    QMutexLocker lock(&m_mutex);
    storage::SqliteConnection connection(m_path, QStringLiteral("the review store"), QStringLiteral("review_store_failed"));
    if (const auto &error = connection.error())
        return decltype(fn(connection.db()))(*error);
    return fn(connection.db());
}

DecisionReviewStore::DecisionReviewStore(QString path) : m_path(std::move(path)) {}
DecisionReviewStore::~DecisionReviewStore() = default;

QStringList DecisionReviewStore::statuses()
{
    return {QStringLiteral("reviewed"), QStringLiteral("flagged")};
}

Result<std::unique_ptr<DecisionReviewStore>> DecisionReviewStore::open(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return Error{QStringLiteral("review_store_failed"), QStringLiteral("cannot create %1").arg(dataDir)};
    std::unique_ptr<DecisionReviewStore> store(new DecisionReviewStore(dataDir + QLatin1String("/reviews.db")));
    auto created = store->withDatabase([](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS decision_review_log ("
                                      "id INTEGER PRIMARY KEY AUTOINCREMENT, request_id TEXT NOT NULL,"
                                      " status TEXT NOT NULL CHECK (status IN ('reviewed', 'flagged')),"
                                      " reviewer TEXT NOT NULL, comment TEXT NOT NULL, at_ms INTEGER NOT NULL)"))
            || !q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS decision_review_log_request ON decision_review_log (request_id)"))
            || !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS decision_reviews ("
                                      "request_id TEXT PRIMARY KEY, log_id INTEGER NOT NULL REFERENCES decision_review_log (id))")))
            return sqlError(QStringLiteral("cannot create the review tables"), q.lastError());
        return Ok{};
    });
    if (!created.ok())
        return created.error();
    QFile::setPermissions(store->m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return store;
}

Result<DecisionReview> DecisionReviewStore::mark(const QString &requestId, const QString &status, const QString &reviewer, const QString &comment)
{
    QStringList problems;
    const QString id = requestId.trimmed();
    const QString note = comment.trimmed();
    if (id.isEmpty() || id.size() > kMaxRequestIdChars)
        problems.append(QStringLiteral("request_id: must be 1 to %1 characters").arg(kMaxRequestIdChars));
    if (!statuses().contains(status))
        problems.append(QStringLiteral("status: must be \"reviewed\" or \"flagged\""));
    if (status == QLatin1String("flagged") && note.isEmpty())
        problems.append(QStringLiteral("comment: a flag needs a comment saying what is wrong"));
    if (note.size() > kMaxCommentChars)
        problems.append(QStringLiteral("comment: at most %1 characters").arg(kMaxCommentChars));
    if (reviewer.trimmed().isEmpty())
        problems.append(QStringLiteral("reviewer: must not be empty"));
    if (!problems.isEmpty())
        return Error{QStringLiteral("review_invalid"), problems.join(QLatin1Char('\n'))};

    return withDatabase([&](QSqlDatabase &db) -> Result<DecisionReview> {
        DecisionReview r;
        r.requestId = id;
        r.status = status;
        r.reviewer = reviewer.trimmed();
        r.comment = note;
        r.at = QDateTime::currentDateTimeUtc();
        // The log entry and the new state commit together.
        if (!db.transaction())
            return sqlError(QStringLiteral("cannot record the review"), db.lastError());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO decision_review_log (request_id, status, reviewer, comment, at_ms) VALUES (?, ?, ?, COALESCE(?, ''), ?)"));
        q.addBindValue(r.requestId);
        q.addBindValue(r.status);
        q.addBindValue(r.reviewer);
        q.addBindValue(r.comment);
        q.addBindValue(r.at.toMSecsSinceEpoch());
        if (!q.exec()) {
            db.rollback();
            return sqlError(QStringLiteral("cannot record the review"), q.lastError());
        }
        r.id = q.lastInsertId().toLongLong();
        QSqlQuery state(db);
        state.prepare(QStringLiteral("INSERT INTO decision_reviews (request_id, log_id) VALUES (?, ?) "
                                     "ON CONFLICT (request_id) DO UPDATE SET log_id = excluded.log_id"));
        state.addBindValue(r.requestId);
        state.addBindValue(r.id);
        if (!state.exec() || !db.commit()) {
            db.rollback();
            return sqlError(QStringLiteral("cannot record the review"), state.lastError());
        }
        return r;
    });
}

Result<QList<DecisionReview>> DecisionReviewStore::current() const
{
    return withDatabase([&](QSqlDatabase &db) -> Result<QList<DecisionReview>> {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT l.id, l.request_id, l.status, l.reviewer, l.comment, l.at_ms FROM decision_reviews s "
                                   "JOIN decision_review_log l ON l.id = s.log_id ORDER BY l.id DESC")))
            return sqlError(QStringLiteral("cannot read the reviews"), q.lastError());
        QList<DecisionReview> out;
        while (q.next())
            out.append(fromQuery(q));
        return out;
    });
}

Result<QList<DecisionReview>> DecisionReviewStore::log(const QString &requestId) const
{
    return withDatabase([&](QSqlDatabase &db) -> Result<QList<DecisionReview>> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id, request_id, status, reviewer, comment, at_ms FROM decision_review_log WHERE request_id = ? ORDER BY id"));
        q.addBindValue(requestId.trimmed());
        if (!q.exec())
            return sqlError(QStringLiteral("cannot read the review log"), q.lastError());
        QList<DecisionReview> out;
        while (q.next())
            out.append(fromQuery(q));
        return out;
    });
}

} // namespace perimeter::observe
