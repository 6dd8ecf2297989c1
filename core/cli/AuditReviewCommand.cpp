// SPDX-License-Identifier: Apache-2.0
#include "AuditReviewCommand.h"
#include "observe/AuditRecordJson.h"
#include "observe/AuditStore.h"
#include "observe/DecisionReviewStore.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace perimeter::cli {

QString AuditReviewCommand::usage()
{
    return QStringLiteral(
        "usage: perimeterctl audit review REQUEST_ID --status reviewed|flagged [--comment TEXT]\n"
        "\n"
        "Records a verdict on one audited decision: looked at and fine (reviewed) or needs\n"
        "attention (flagged, always with a comment). The latest verdict is the decision's review\n"
        "state; every verdict is kept in the review log (reviews.db in data_dir), with the\n"
        "reviewer (the operating-system user) and the time. The audit trail is not modified.\n"
        "Exit 1 when no audit record has that request id or the review cannot be stored.\n"
        "  --status S    reviewed or flagged\n"
        "  --comment T   why (required with flagged; at most 2000 characters)\n");
}

QString AuditReviewCommand::currentUser()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME", qEnvironmentVariable("USERNAME")));
    return user.trimmed().isEmpty() ? QStringLiteral("unknown") : user.trimmed();
}

int AuditReviewCommand::run(const QString &dataDir, const observe::AuditStore &audit, const QString &reviewer, const QStringList &args,
                            QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption status(QStringLiteral("status"), QString(), QStringLiteral("S"));
    const QCommandLineOption comment(QStringLiteral("comment"), QString(), QStringLiteral("T"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOptions({status, comment, help});
    auto usageError = [&](const QStringList &problems) {
        for (const QString &problem : problems)
            err << "perimeterctl audit review: " << problem << '\n';
        err << '\n' << usage();
        return 2;
    };
    if (!parser.parse(QStringList{QStringLiteral("audit-review")} + args))
        return usageError({parser.errorText()});
    if (parser.isSet(help)) {
        out << usage();
        return 0;
    }
    // Every problem at once, not the first one only.
    QStringList problems;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        problems.append(positional.size() > 1 ? QStringLiteral("exactly one REQUEST_ID") : QStringLiteral("a REQUEST_ID is required"));
    if (parser.values(status).size() > 1)
        problems.append(QStringLiteral("--status given more than once"));
    else if (!parser.isSet(status))
        problems.append(QStringLiteral("--status is required (%1)").arg(observe::DecisionReviewStore::statuses().join(QLatin1Char('|'))));
    else if (!observe::DecisionReviewStore::statuses().contains(parser.value(status)))
        problems.append(QStringLiteral("--status must be one of %1").arg(observe::DecisionReviewStore::statuses().join(QLatin1String(", "))));
    if (parser.values(comment).size() > 1)
        problems.append(QStringLiteral("--comment given more than once"));
    if (parser.value(status) == QLatin1String("flagged") && parser.value(comment).trimmed().isEmpty())
        problems.append(QStringLiteral("--comment is required with --status flagged (say what is wrong)"));
    if (parser.value(comment).trimmed().size() > observe::DecisionReviewStore::kMaxCommentChars)
        problems.append(QStringLiteral("--comment: at most %1 characters").arg(observe::DecisionReviewStore::kMaxCommentChars));
    if (!problems.isEmpty())
        return usageError(problems);
    const QString requestId = positional.first().trimmed();

    // A verdict on a request the trail does not know is a typo, not a review.
    observe::AuditQuery query;
    query.requestId = requestId;
    query.limit = 1;
    auto records = audit.query(query);
    if (!records) {
        err << "perimeterctl audit review: " << records.error().message << '\n';
        return 1;
    }
    if (records.value().isEmpty()) {
        err << "perimeterctl audit review: no audit record for request " << requestId << '\n';
        return 1;
    }

    auto store = observe::DecisionReviewStore::open(dataDir);
    if (!store) {
        err << "perimeterctl audit review: " << store.error().message << '\n';
        return 1;
    }
    auto marked = store.value()->mark(requestId, parser.value(status), reviewer, parser.value(comment));
    if (!marked) {
        for (const QString &line : marked.error().message.split(QLatin1Char('\n')))
            err << "perimeterctl audit review: " << line << '\n';
        return 1;
    }
    const auto &r = marked.value();
    out << r.requestId << ": " << r.status << " by " << r.reviewer << " at " << observe::formatAuditTimestamp(r.at) << " (review log #" << r.id
        << ")\n";
    return 0;
}

} // namespace perimeter::cli
