// SPDX-License-Identifier: Apache-2.0
#include "PolicyCommand.h"
#include "policy/PolicyLoader.h"
#include <QTextStream>

namespace perimeter::cli {

namespace {
const char *kUsage = "usage: perimeterctl policy validate [FILE] | perimeterctl policy show\n";
}

int PolicyCommand::run(const QString &configuredPolicyPath, const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty() || (args.first() != QLatin1String("validate") && args.first() != QLatin1String("show")) || args.size() > 2
        || (args.first() == QLatin1String("show") && args.size() > 1)) {
        err << kUsage;
        return 2;
    }
    const QString path = args.size() == 2 ? args.at(1) : configuredPolicyPath;
    auto policy = path.isEmpty() ? policy::PolicyLoader::defaults() : policy::PolicyLoader::loadFile(path);
    if (!policy.ok()) {
        err << (path.isEmpty() ? QStringLiteral("default policy") : path) << ": invalid\n";
        for (const auto &p : policy.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            err << "  " << p << '\n';
        return 2;
    }
    const auto &p = *policy.value();
    if (args.first() == QLatin1String("validate")) {
        out << (path.isEmpty() ? QStringLiteral("default policy") : path) << ": valid (version " << p.version() << ")\n";
        return 0;
    }
    out << "version: " << p.version() << '\n';
    if (!p.comment().isEmpty())
        out << "comment: " << p.comment() << '\n';
    for (auto level : {Sensitivity::Public, Sensitivity::Internal, Sensitivity::Confidential, Sensitivity::Restricted}) {
        QStringList tiers;
        for (auto t : p.permittedTiers(level))
            tiers.append(tierName(t));
        out << sensitivityName(level) << ": " << (tiers.isEmpty() ? QStringLiteral("(refused everywhere)") : tiers.join(QLatin1String(", "))) << '\n';
    }
    return 0;
}

} // namespace perimeter::cli
