// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QString>

namespace perimeter::gateway {

// The OpenAI error shape plus the `perimeter` object (CONTRACTS.md). The message names
// finding types and models, never payload values.
class ApiError {
public:
    static QByteArray body(int status, const QString &code, const QString &message, const QString &requestId,
                           const QString &sensitivity, const QString &reason);
    // OpenAI's `error.type` for a status.
    static QString typeForStatus(int status);
};

} // namespace perimeter::gateway
