// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "AuditRecord.h"
#include "common/Result.h"
#include <QList>
#include <QStringList>
#include <optional>

namespace perimeter::observe {

struct AuditQuery {
    std::optional<QDateTime> from;   // inclusive
    std::optional<QDateTime> to;     // exclusive
    QString caller;                  // "" = any
    QString tier;
    QString decision;
    QString requestId;
    QStringList sensitivities;       // any of these levels; "" matches records never classified; empty list = any
    int limit = -1;                  // -1 = all; oldest first
};

// Result of checking the hash chain over the whole trail (see AuditChain.h).
struct ChainVerification {
    enum class Problem {
        None,
        Altered,    // a record's fields or hash no longer match its stored hash
        Missing,    // a record is gone: the next one links to a hash no stored record has,
                    // or records after the last one are gone (the chain head names more)
        Reordered,  // a record links to a stored record other than the one before it
        Unchained,  // a record without a hash (inserted behind the store's back)
    };
    bool ok = true;
    qint64 recordsChecked = 0;
    Problem problem = Problem::None;
    qint64 firstBadId = -1;        // row id of the first bad record (or where a missing one belongs)
    QString firstBadRequestId;     // "" when the record itself is missing
    QString detail;                // human-readable, names fields/ids only, never content
    QString headHash;              // hash of the last record: anchor it elsewhere to detect truncation by someone who also rewrites the head
    QString baseHash;              // where the live chain starts: genesis, or the anchor of the last archive (ChainAnchor.h)
};

QString chainProblemName(ChainVerification::Problem problem);

enum class AuditGroupBy { Team, Caller, Model, Tier, Endpoint, Sensitivity, Reason };

struct AuditAggregateQuery {
    std::optional<QDateTime> from;   // inclusive
    std::optional<QDateTime> to;     // exclusive
    AuditGroupBy groupBy = AuditGroupBy::Team;
};

// One group of an aggregation; records with different cost currencies form separate rows.
struct AuditAggregateRow {
    QString key;                     // "" for records without a value (e.g. no team, never routed)
    QString currency;
    qint64 requests = 0;
    qint64 routed = 0;
    qint64 rejected = 0;
    qint64 failed = 0;
    qint64 onpremRequests = 0;
    qint64 cloudRequests = 0;
    qint64 tokensIn = 0;
    qint64 tokensOut = 0;
    double cost = 0.0;
    double onpremCost = 0.0;
    double cloudCost = 0.0;
    double counterfactual = 0.0;     // sum over the records that have one
    qint64 counterfactualRecords = 0;
    double costWithCounterfactual = 0.0; // cost of exactly those records, for a like-for-like difference
};

// The audit trail behind an interface so a shared PostgreSQL can replace SQLite for fleets.
class AuditStore {
public:
    virtual ~AuditStore() = default;
    // Never blocks the caller's event loop: the record is queued for a writer thread.
    // Returns false when the queue is full (the record is then counted as dropped and logged).
    virtual bool append(AuditRecord record) = 0;
    // Blocks until every record appended so far is committed.
    virtual Status flush() = 0;
    // Blocking read; for the CLI, reports and worker threads, never the gateway's event loop.
    virtual Result<QList<AuditRecord>> query(const AuditQuery &query) const = 0;
    // Blocking; checks the hash chain over every stored record, oldest first.
    virtual Result<ChainVerification> verify() const = 0;
    // Blocking; sums per group in the store (SQL GROUP BY), rows ordered by key then currency.
    virtual Result<QList<AuditAggregateRow>> aggregate(const AuditAggregateQuery &query) const = 0;
    // Blocking; the decision trace stored with a request's record (JSON), nullopt when there
    // is none (unknown request, or a record written before traces existed).
    virtual Result<std::optional<QByteArray>> decisionTrace(const QString &requestId) const
    {
        Q_UNUSED(requestId);
        return Error{QStringLiteral("not_supported"), QStringLiteral("this audit store keeps no decision traces")};
    }
};

} // namespace perimeter::observe
