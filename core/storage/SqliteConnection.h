// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <optional>

namespace perimeter::storage {

// One SQLite connection for the duration of a scope, owned by the calling thread (Qt SQL
// connections may not cross threads, and store calls come from the thread pool). Opens the
// file with a busy timeout, WAL and synchronous=NORMAL, and removes the named connection when
// it goes out of scope. `purpose` names the store in error messages ("the model registry").
class SqliteConnection {
public:
    struct Failure {
        QString message; // e.g. "cannot open the model registry"
        QSqlError error;
    };

    SqliteConnection(const QString &path, const QString &purpose);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    const std::optional<Failure> &failure() const { return m_failure; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    std::optional<Failure> m_failure;
};

} // namespace perimeter::storage
