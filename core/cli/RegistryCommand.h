// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QStringList>

class QTextStream;

namespace perimeter::config { struct Config; }
namespace perimeter::registry { class ModelRegistry; }

namespace perimeter::cli {

// `perimeterctl registry list|show|add|edit|retire|history`; args are what follows
// "registry". Changes go to <data_dir>/registry.db; a running perimeterd (or console) serves
// them within about a second without a restart (it watches the registry's revision).
class RegistryCommand {
public:
    struct Context {
        const config::Config &config;
        registry::ModelRegistry &registry;
    };

    static int run(const config::Config &config, registry::ModelRegistry &registry, const QStringList &args, QTextStream &out,
                   QTextStream &err);
    static QString usage();

private:
    static int list(Context &context, const QStringList &args, QTextStream &out, QTextStream &err);
    static int show(Context &context, const QStringList &args, QTextStream &out, QTextStream &err);
    static int add(Context &context, const QStringList &args, QTextStream &out, QTextStream &err);
    static int edit(Context &context, const QStringList &args, QTextStream &out, QTextStream &err);
    static int retire(Context &context, const QStringList &args, QTextStream &out, QTextStream &err);
    static int history(Context &context, const QStringList &args, QTextStream &out, QTextStream &err);
};

} // namespace perimeter::cli
