// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace perimeter::config {

// Reads typed fields out of a JSON object and records every problem with its JSON pointer,
// so a bad file is refused with all of its problems listed at once rather than one per try.
class JsonFieldReader {
public:
    JsonFieldReader(const nlohmann::json &object, QString path, QStringList &problems);

    bool isObject() const { return m_isObject; }
    const QString &path() const { return m_path; }
    QString childPath(const std::string &key) const;
    bool has(const std::string &key) const;
    const nlohmann::json *value(const std::string &key) const;

    std::optional<QString> string(const std::string &key, bool required, bool allowEmpty = false);
    std::optional<qint64> integer(const std::string &key, bool required, qint64 min, qint64 max);
    std::optional<double> number(const std::string &key, bool required, double min, double max);
    std::optional<bool> boolean(const std::string &key, bool required);
    // Returns the array (possibly empty) or nullptr after recording a problem.
    const nlohmann::json *array(const std::string &key, bool required);
    const nlohmann::json *object(const std::string &key, bool required);

    void problem(const std::string &key, const QString &message);
    void problemHere(const QString &message);
    // Reports every key that no read asked for: typos must not be silently ignored.
    void rejectUnknownKeys(std::initializer_list<const char *> extraAllowed = {});

private:
    // Marks the key as read; records "is required" when a required key is missing.
    const nlohmann::json *take(const std::string &key, bool required);

    const nlohmann::json &m_object;
    QString m_path;
    QStringList &m_problems;
    bool m_isObject;
    std::set<std::string> m_seen;
};

QString jsonTypeName(const nlohmann::json &value);

} // namespace perimeter::config
