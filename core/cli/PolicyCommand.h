// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::cli {

// `perimeterctl policy validate [FILE]` and `policy show`: checks a policy document with the
// same loader the gateway uses, listing every problem by JSON pointer.
class PolicyCommand {
public:
    static int run(const QString &configuredPolicyPath, const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace perimeter::cli
