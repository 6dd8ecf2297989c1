// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "Config.h"
#include "common/Result.h"
#include <nlohmann/json_fwd.hpp>

namespace perimeter::config {

// Loads and validates the gateway configuration (CONTRACTS.md "Configuration file").
// An invalid file is refused whole; the Error's message lists every problem, one per line,
// each starting with its JSON pointer (e.g. "/endpoints/1/tier: must be \"onprem\" or \"cloud\"").
class ConfigLoader {
public:
    static Result<Config> loadFile(const QString &path);
    // baseDir resolves relative paths (the config file's folder).
    static Result<Config> fromJson(const nlohmann::json &document, const QString &baseDir, const QString &sourcePath);
    static Result<Config> fromBytes(const QByteArray &bytes, const QString &baseDir, const QString &sourcePath);

    // The problems of a failed load, one per entry.
    static QStringList problems(const Error &error);
    // "~/x" and relative paths made absolute.
    static QString resolvePath(const QString &path, const QString &baseDir);
};

} // namespace perimeter::config
