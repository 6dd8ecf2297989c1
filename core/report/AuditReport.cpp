// SPDX-License-Identifier: Apache-2.0
#include "AuditReport.h"

namespace perimeter::report {

QString AuditReport::residencyQuestion()
{
    return QStringLiteral("Did any confidential or restricted request go to the cloud in this period?");
}

QString AuditReport::chainSummary() const
{
    if (chain.ok)
        return QStringLiteral("the hash chain of all %1 stored record(s) verifies (head %2)")
            .arg(chain.recordsChecked)
            .arg(chain.headHash);
    return QStringLiteral("the hash chain does NOT verify (%1 at record %2%3): %4")
        .arg(observe::chainProblemName(chain.problem))
        .arg(chain.firstBadId)
        .arg(chain.firstBadRequestId.isEmpty() ? QString() : QStringLiteral(", request %1").arg(chain.firstBadRequestId), chain.detail);
}

QString AuditReport::residencyAnswer() const
{
    QString answer;
    // A sentence stays readable; every id is in the evidence list of each format.
    auto firstIds = [](const QStringList &ids) {
        constexpr int kShown = 20;
        QString text = ids.mid(0, kShown).join(QStringLiteral(", "));
        if (ids.size() > kShown)
            text += QStringLiteral(" and %1 more (see the evidence list)").arg(ids.size() - kShown);
        return text;
    };
    if (sensitiveInCloud) {
        answer = QStringLiteral("Yes: %1 confidential or restricted request(s) went to the cloud: %2.")
                     .arg(sensitiveInCloudIds.size())
                     .arg(firstIds(sensitiveInCloudIds));
    } else {
        answer = QStringLiteral("No: none of the %1 request(s) in this period that are confidential or restricted went to the cloud.")
                     .arg([this] {
                         qint64 n = 0;
                         for (const auto &levels : byTierAndLevel)
                             n += levels.value(QStringLiteral("confidential")) + levels.value(QStringLiteral("restricted"));
                         return n;
                     }());
    }
    if (!unclassifiedInCloudIds.isEmpty())
        answer += QStringLiteral(" %1 request(s) reached the cloud without a sensitivity level: %2.")
                      .arg(unclassifiedInCloudIds.size())
                      .arg(firstIds(unclassifiedInCloudIds));
    answer += chain.ok ? QStringLiteral(" Evidence: %1.").arg(chainSummary())
                       : QStringLiteral(" Warning: %1, so the stored records may not be the ones that were written.").arg(chainSummary());
    return answer;
}

} // namespace perimeter::report
