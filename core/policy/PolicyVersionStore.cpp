// SPDX-License-Identifier: Apache-2.0
#include "PolicyVersionStore.h"
#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QTimeZone>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <nlohmann/json.hpp>

namespace perimeter::policy {

namespace {

QAtomicInteger<quint64> g_connectionCounter;

Error sqlError(const QString &what, const QSqlError &error)
{
    return Error{QStringLiteral("policy_store_failed"), QStringLiteral("%1: %2").arg(what, error.text())};
}

PolicyVersion fromQuery(const QSqlQuery &q, bool withContent)
{
    PolicyVersion v;
    v.sequence = q.value(0).toLongLong();
    v.version = q.value(1).toString();
    v.author = q.value(2).toString();
    v.appliedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    v.comment = q.value(4).toString();
    if (withContent)
        v.content = q.value(5).toByteArray();
    return v;
}

QStringList prettyLines(const QByteArray &document)
{
    try {
        return QString::fromStdString(nlohmann::json::parse(document.constBegin(), document.constEnd()).dump(2)).split(QLatin1Char('\n'));
    } catch (const nlohmann::json::exception &) {
        return QString::fromUtf8(document).split(QLatin1Char('\n'));
    }
}

} // namespace

// Runs fn(QSqlDatabase&) on a fresh connection, removed afterwards (Qt connections belong to
// the thread that made them, and callers come from the thread pool).
template <typename Fn>
auto PolicyVersionStore::withDatabase(Fn &&fn) const
{
    QMutexLocker lock(&m_mutex);
    const QString name = QStringLiteral("perimeter-policy-%1").arg(++g_connectionCounter);
    auto result = [&]() {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_path);
        if (!db.open())
            return decltype(fn(db))(sqlError(QStringLiteral("cannot open %1").arg(m_path), db.lastError()));
        QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        auto r = fn(db);
        db.close();
        return r;
    }();
    QSqlDatabase::removeDatabase(name);
    return result;
}

PolicyVersionStore::PolicyVersionStore(QString path) : m_path(std::move(path)) {}
PolicyVersionStore::~PolicyVersionStore() = default;

Result<std::unique_ptr<PolicyVersionStore>> PolicyVersionStore::open(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return Error{QStringLiteral("policy_store_failed"), QStringLiteral("cannot create %1").arg(dataDir)};
    std::unique_ptr<PolicyVersionStore> store(new PolicyVersionStore(dataDir + QLatin1String("/policy.db")));
    auto created = store->withDatabase([](QSqlDatabase &db) -> Status {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL"))
            || !q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS policy_versions ("
                                      "sequence INTEGER PRIMARY KEY AUTOINCREMENT, version TEXT NOT NULL, author TEXT NOT NULL,"
                                      " applied_at_ms INTEGER NOT NULL, comment TEXT NOT NULL, content BLOB NOT NULL)")))
            return sqlError(QStringLiteral("cannot create the policy history"), q.lastError());
        return Ok{};
    });
    if (!created.ok())
        return created.error();
    QFile::setPermissions(store->m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return store;
}

Result<PolicyVersion> PolicyVersionStore::record(const QString &version, const QString &author, const QString &comment, const QByteArray &content)
{
    return withDatabase([&](QSqlDatabase &db) -> Result<PolicyVersion> {
        QSqlQuery last(db);
        if (last.exec(QStringLiteral("SELECT sequence, version, author, applied_at_ms, comment, content FROM policy_versions ORDER BY sequence DESC LIMIT 1"))
            && last.next() && last.value(5).toByteArray() == content && last.value(1).toString() == version)
            return fromQuery(last, true);
        PolicyVersion v;
        v.version = version;
        v.author = author;
        v.comment = comment;
        v.content = content;
        v.appliedAt = QDateTime::currentDateTimeUtc();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO policy_versions (version, author, applied_at_ms, comment, content) VALUES (?, ?, ?, ?, ?)"));
        q.addBindValue(version);
        q.addBindValue(author);
        q.addBindValue(v.appliedAt.toMSecsSinceEpoch());
        q.addBindValue(comment);
        q.addBindValue(content);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot record the policy"), q.lastError());
        v.sequence = q.lastInsertId().toLongLong();
        return v;
    });
}

Result<QList<PolicyVersion>> PolicyVersionStore::list(int limit) const
{
    return withDatabase([&](QSqlDatabase &db) -> Result<QList<PolicyVersion>> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT sequence, version, author, applied_at_ms, comment FROM policy_versions ORDER BY sequence DESC LIMIT ?"));
        q.addBindValue(limit);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot read the policy history"), q.lastError());
        QList<PolicyVersion> versions;
        while (q.next())
            versions.append(fromQuery(q, false));
        return versions;
    });
}

Result<PolicyVersion> PolicyVersionStore::bySequence(qint64 sequence) const
{
    return withDatabase([&](QSqlDatabase &db) -> Result<PolicyVersion> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT sequence, version, author, applied_at_ms, comment, content FROM policy_versions WHERE sequence = ?"));
        q.addBindValue(sequence);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot read the policy history"), q.lastError());
        if (!q.next())
            return Error{QStringLiteral("not_found"), QStringLiteral("no policy version #%1").arg(sequence)};
        return fromQuery(q, true);
    });
}

Result<PolicyVersion> PolicyVersionStore::byVersion(const QString &version) const
{
    return withDatabase([&](QSqlDatabase &db) -> Result<PolicyVersion> {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT sequence, version, author, applied_at_ms, comment, content FROM policy_versions WHERE version = ? ORDER BY sequence DESC LIMIT 1"));
        q.addBindValue(version);
        if (!q.exec())
            return sqlError(QStringLiteral("cannot read the policy history"), q.lastError());
        if (!q.next())
            return Error{QStringLiteral("not_found"), QStringLiteral("no policy version \"%1\"").arg(version)};
        return fromQuery(q, true);
    });
}

QStringList PolicyVersionStore::diff(const QByteArray &from, const QByteArray &to)
{
    // Longest common subsequence over lines: policies are small (hundreds of lines).
    const QStringList a = prettyLines(from);
    const QStringList b = prettyLines(to);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                     : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    QStringList out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            out.append(QLatin1String("  ") + a[i]);
            ++i;
            ++j;
        } else if (lcs[size_t(i + 1)][size_t(j)] >= lcs[size_t(i)][size_t(j + 1)]) {
            out.append(QLatin1String("- ") + a[i++]);
        } else {
            out.append(QLatin1String("+ ") + b[j++]);
        }
    }
    while (i < n)
        out.append(QLatin1String("- ") + a[i++]);
    while (j < m)
        out.append(QLatin1String("+ ") + b[j++]);
    return out;
}

} // namespace perimeter::policy
