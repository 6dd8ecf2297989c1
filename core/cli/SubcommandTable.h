// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>
#include <QTextStream>
#include <initializer_list>

namespace perimeter::cli {

// Dispatch for commands with sub-subcommands (`audit list|verify`, `keys create|list|revoke`,
// `report cost|audit`): one place for the help, unknown-name and usage-exit-code rules.
template <typename Context>
struct Subcommand {
    using Handler = int (*)(Context &, const QStringList &, QTextStream &, QTextStream &);
    const char *name;
    Handler handler;
};

template <typename Context>
int dispatchSubcommand(const char *command, std::initializer_list<Subcommand<Context>> table, const QString &usage, Context &context,
                       const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty()) {
        err << usage;
        return 2;
    }
    const QString &name = args.first();
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        out << usage;
        return 0;
    }
    for (const auto &sub : table) {
        if (name == QLatin1String(sub.name))
            return sub.handler(context, args.mid(1), out, err);
    }
    err << "perimeterctl " << command << ": unknown subcommand '" << name << "'\n\n" << usage;
    return 2;
}

} // namespace perimeter::cli
