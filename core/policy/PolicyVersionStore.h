// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PolicyVersion.h"
#include "common/Result.h"
#include <QList>
#include <QMutex>
#include <memory>

namespace perimeter::policy {

// History of every applied policy (author, time, comment, content) in <data_dir>/policy.db,
// for diffs and rollback. Blocking SQLite: call it from a worker thread, never the gateway's
// event loop. Each call opens its own connection, so any thread may use it.
class PolicyVersionStore {
public:
    static Result<std::unique_ptr<PolicyVersionStore>> open(const QString &dataDir);
    ~PolicyVersionStore();

    // Records an applied policy; consecutive identical contents are stored once.
    Result<PolicyVersion> record(const QString &version, const QString &author, const QString &comment, const QByteArray &content);
    Result<QList<PolicyVersion>> list(int limit = 200) const;   // newest first, content omitted
    Result<PolicyVersion> bySequence(qint64 sequence) const;
    Result<PolicyVersion> byVersion(const QString &version) const; // newest with that version string

    // A line diff of two policy documents, both pretty-printed first so that formatting
    // differences do not show: lines prefixed "- ", "+ " or "  ".
    static QStringList diff(const QByteArray &from, const QByteArray &to);

private:
    explicit PolicyVersionStore(QString path);
    template <typename Fn>
    auto withDatabase(Fn &&fn) const;

    QString m_path;
    mutable QMutex m_mutex;
};

} // namespace perimeter::policy
