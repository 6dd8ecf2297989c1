// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace perimeter::policy {

// One applied policy, as kept in the version history.
struct PolicyVersion {
    qint64 sequence = 0;  // 1, 2, 3, ... in the order applied
    QString version;      // the policy's own version string
    QString author;
    QDateTime appliedAt;  // UTC
    QString comment;
    QByteArray content;   // the document as applied
};

} // namespace perimeter::policy
