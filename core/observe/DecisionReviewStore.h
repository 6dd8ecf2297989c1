// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "DecisionReview.h"
#include "common/NoGuiGuard.h"
#include "common/Result.h"
#include <QList>
#include <QMutex>
#include <QStringList>
#include <memory>

namespace perimeter::observe {

// Reviews of audited decisions in <data_dir>/reviews.db (its own SQLite file next to the
// audit trail, which stays append-only and hash-chained): table decision_reviews holds the
// current state per request id, decision_review_log every action (who, when, what, comment).
// Blocking SQLite: call it from a worker thread, never the gateway's event loop. Each call
// opens its own connection, so any thread may use it.
class DecisionReviewStore {
public:
    static constexpr int kMaxCommentChars = 2000;

    static Result<std::unique_ptr<DecisionReviewStore>> open(const QString &dataDir);
    ~DecisionReviewStore();

    // Records an action and makes it the decision's state. Refused (every problem listed):
    // an empty or over-long request id, a status other than reviewed/flagged, a flag without
    // a comment, a comment over kMaxCommentChars, an empty reviewer.
    Result<DecisionReview> mark(const QString &requestId, const QString &status, const QString &reviewer, const QString &comment);
    // The current state of every reviewed decision (newest action first).
    Result<QList<DecisionReview>> current() const;
    // Every action on one decision, oldest first.
    Result<QList<DecisionReview>> log(const QString &requestId) const;

    static QStringList statuses(); // "reviewed", "flagged"

private:
    explicit DecisionReviewStore(QString path);
    template <typename Fn>
    auto withDatabase(Fn &&fn) const;

    QString m_path;
    mutable QMutex m_mutex;
};

} // namespace perimeter::observe
