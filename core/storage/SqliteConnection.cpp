// SPDX-License-Identifier: Apache-2.0
#include "SqliteConnection.h"
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace perimeter::storage {

SqliteConnection::SqliteConnection(const QString &path, const QString &purpose, const QString &errorCode)
{
    static std::atomic<quint64> counter{0};
    m_name = QStringLiteral("perimeter.sqlite.%1").arg(counter.fetch_add(1, std::memory_order_relaxed));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    const auto fail = [&](const QString &what, const QSqlError &error) {
        m_error = Error{errorCode, QStringLiteral("%1: %2").arg(what, error.text())};
    };
    if (!m_db.open()) {
        fail(QStringLiteral("cannot open %1").arg(purpose), m_db.lastError());
        return;
    }
    QSqlQuery pragma(m_db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        fail(QStringLiteral("cannot switch %1 to WAL mode").arg(purpose), pragma.lastError());
    else if (!pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        fail(QStringLiteral("cannot configure %1").arg(purpose), pragma.lastError());
}

SqliteConnection::~SqliteConnection()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace perimeter::storage
