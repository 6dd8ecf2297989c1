// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Error.h"
#include "common/NoGuiGuard.h"
#include <QSqlDatabase>
#include <QString>
#include <optional>

namespace perimeter::storage {

// One SQLite connection for the duration of a scope, owned by the calling thread (Qt SQL
// connections may not cross threads, and store calls come from the thread pool). Opens the
// file with a busy timeout, WAL and synchronous=NORMAL, and removes the named connection when
// it goes out of scope. A failure is reported as `errorCode` with a message naming `purpose`
// ("cannot open the model registry: <driver text>").
class SqliteConnection {
public:
    SqliteConnection(const QString &path, const QString &purpose, const QString &errorCode);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    const std::optional<Error> &error() const { return m_error; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    std::optional<Error> m_error;
};

} // namespace perimeter::storage
