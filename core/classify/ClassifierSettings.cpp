// SPDX-License-Identifier: Apache-2.0
#include "ClassifierSettings.h"
#include "HyperscanClassifier.h"
#include <nlohmann/json.hpp>
#include <hs/hs.h>

namespace perimeter::classify {

namespace {

QString str(const nlohmann::json &j) { return QString::fromStdString(j.get<std::string>()); }

std::optional<Sensitivity> parseLevel(const nlohmann::json &j, const QString &path, QStringList &problems)
{
    if (!j.is_string()) {
        problems << path + QStringLiteral(": must be a string (public, internal, confidential or restricted)");
        return std::nullopt;
    }
    const auto level = parseSensitivity(str(j));
    if (!level)
        problems << path + QStringLiteral(": must be \"public\", \"internal\", \"confidential\" or \"restricted\"");
    return level;
}

std::optional<double> parseUnit(const nlohmann::json &j, const QString &path, QStringList &problems)
{
    if (!j.is_number() || j.get<double>() < 0.0 || j.get<double>() > 1.0) {
        problems << path + QStringLiteral(": must be a number between 0 and 1");
        return std::nullopt;
    }
    return j.get<double>();
}

bool validTypeName(const QString &t)
{
    if (t.isEmpty() || t.size() > 64)
        return false;
    for (QChar c : t)
        if (!(c.isUpper() || c.isDigit() || c == QLatin1Char('_')) || c.unicode() > 127)
            return false;
    return true;
}

QString requireType(const nlohmann::json &obj, const QString &path, QStringList &problems, const QString &fallback)
{
    if (!obj.contains("type"))
        return fallback;
    if (!obj["type"].is_string() || !validTypeName(str(obj["type"]))) {
        problems << path + QStringLiteral("/type: must be an upper-case type name ([A-Z0-9_], at most 64 characters)");
        return fallback;
    }
    return str(obj["type"]);
}

void unknownKeys(const nlohmann::json &obj, const QString &path, std::initializer_list<const char *> known, QStringList &problems)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        bool ok = false;
        for (const char *k : known)
            ok = ok || it.key() == k;
        if (!ok)
            problems << path + QLatin1Char('/') + QString::fromStdString(it.key()) + QStringLiteral(": unknown key");
    }
}

} // namespace

ClassifierSettings ClassifierSettings::defaults()
{
    return {};
}

ClassifierSettings ClassifierSettings::fromJson(const nlohmann::json &obj, const QString &prefix, QStringList &problems)
{
    ClassifierSettings s;
    if (!obj.is_object()) {
        problems << prefix + QStringLiteral(": must be an object");
        return s;
    }
    unknownKeys(obj, prefix, {"max_scan_chars", "max_decoded_bytes", "disabled_types", "types", "markers", "custom_recognizers"}, problems);

    if (obj.contains("max_scan_chars")) {
        const auto &v = obj["max_scan_chars"];
        if (!v.is_number_integer() || v.get<qint64>() < 1)
            problems << prefix + QStringLiteral("/max_scan_chars: must be a positive integer");
        else
            s.limits.maxScanChars = v.get<qint64>();
    }
    if (obj.contains("max_decoded_bytes")) {
        const auto &v = obj["max_decoded_bytes"];
        if (!v.is_number_integer() || v.get<qint64>() < 0)
            problems << prefix + QStringLiteral("/max_decoded_bytes: must be a non-negative integer");
        else
            s.limits.maxDecodedBytes = v.get<qint64>();
    }
    if (obj.contains("disabled_types")) {
        const auto &v = obj["disabled_types"];
        if (!v.is_array()) {
            problems << prefix + QStringLiteral("/disabled_types: must be an array of type names");
        } else {
            for (size_t i = 0; i < v.size(); ++i) {
                if (!v[i].is_string() || !validTypeName(str(v[i])))
                    problems << prefix + QStringLiteral("/disabled_types/%1: must be a type name").arg(i);
                else
                    s.disabledTypes << str(v[i]);
            }
        }
    }
    if (obj.contains("types")) {
        const auto &v = obj["types"];
        if (!v.is_object()) {
            problems << prefix + QStringLiteral("/types: must be an object of type name -> {level, threshold}");
        } else {
            for (auto it = v.begin(); it != v.end(); ++it) {
                const QString type = QString::fromStdString(it.key());
                const QString path = prefix + QStringLiteral("/types/") + type;
                if (!validTypeName(type))
                    problems << path + QStringLiteral(": type names are upper-case [A-Z0-9_]");
                if (!it.value().is_object()) {
                    problems << path + QStringLiteral(": must be an object with \"level\" and/or \"threshold\"");
                    continue;
                }
                unknownKeys(it.value(), path, {"level", "threshold"}, problems);
                TypeOverride o;
                if (it.value().contains("level"))
                    o.level = parseLevel(it.value()["level"], path + QStringLiteral("/level"), problems);
                if (it.value().contains("threshold"))
                    o.threshold = parseUnit(it.value()["threshold"], path + QStringLiteral("/threshold"), problems);
                s.types.insert(type, o);
            }
        }
    }
    if (obj.contains("markers")) {
        const auto &v = obj["markers"];
        if (!v.is_array()) {
            problems << prefix + QStringLiteral("/markers: must be an array");
        } else {
            for (size_t i = 0; i < v.size(); ++i) {
                const QString path = prefix + QStringLiteral("/markers/%1").arg(i);
                const auto &m = v[i];
                if (!m.is_object()) {
                    problems << path + QStringLiteral(": must be an object");
                    continue;
                }
                unknownKeys(m, path, {"name", "type", "level", "score", "terms"}, problems);
                MarkerList list;
                list.name = m.contains("name") && m["name"].is_string() ? str(m["name"]) : QStringLiteral("markers-%1").arg(i);
                if (m.contains("name") && !m["name"].is_string())
                    problems << path + QStringLiteral("/name: must be a string");
                list.type = requireType(m, path, problems, list.type);
                if (m.contains("level"))
                    list.level = parseLevel(m["level"], path + QStringLiteral("/level"), problems);
                if (m.contains("score")) {
                    if (auto sc = parseUnit(m["score"], path + QStringLiteral("/score"), problems))
                        list.score = *sc;
                }
                if (!m.contains("terms") || !m["terms"].is_array() || m["terms"].empty()) {
                    problems << path + QStringLiteral("/terms: must be a non-empty array of strings");
                } else {
                    for (size_t k = 0; k < m["terms"].size(); ++k) {
                        const auto &t = m["terms"][k];
                        if (!t.is_string() || str(t).trimmed().isEmpty())
                            problems << path + QStringLiteral("/terms/%1: must be a non-empty string").arg(k);
                        else
                            list.terms << str(t);
                    }
                }
                s.markers << list;
            }
        }
    }
    if (obj.contains("custom_recognizers")) {
        const auto &v = obj["custom_recognizers"];
        if (!v.is_array()) {
            problems << prefix + QStringLiteral("/custom_recognizers: must be an array");
        } else {
            for (size_t i = 0; i < v.size(); ++i) {
                const QString path = prefix + QStringLiteral("/custom_recognizers/%1").arg(i);
                const auto &c = v[i];
                if (!c.is_object()) {
                    problems << path + QStringLiteral(": must be an object");
                    continue;
                }
                unknownKeys(c, path, {"name", "type", "pattern", "score", "level", "context", "case_insensitive"}, problems);
                CustomRecognizer rec;
                if (!c.contains("name") || !c["name"].is_string() || str(c["name"]).isEmpty())
                    problems << path + QStringLiteral("/name: must be a non-empty string");
                else
                    rec.name = str(c["name"]);
                if (!c.contains("type"))
                    problems << path + QStringLiteral("/type: is required");
                rec.type = requireType(c, path, problems, QString());
                if (!c.contains("pattern") || !c["pattern"].is_string() || str(c["pattern"]).isEmpty()) {
                    problems << path + QStringLiteral("/pattern: must be a non-empty string");
                } else {
                    rec.pattern = str(c["pattern"]);
                    if (c.contains("case_insensitive") && !c["case_insensitive"].is_boolean())
                        problems << path + QStringLiteral("/case_insensitive: must be true or false");
                    rec.caseInsensitive = c.value("case_insensitive", false) == true;
                    const QString err = HyperscanClassifier::checkPattern(
                        rec.pattern.toStdString(), HS_FLAG_UTF8 | (rec.caseInsensitive ? HS_FLAG_CASELESS : 0u));
                    if (!err.isEmpty())
                        problems << path + QStringLiteral("/pattern: does not compile: ") + err;
                }
                if (c.contains("score")) {
                    if (auto sc = parseUnit(c["score"], path + QStringLiteral("/score"), problems))
                        rec.score = *sc;
                }
                if (c.contains("level"))
                    rec.level = parseLevel(c["level"], path + QStringLiteral("/level"), problems);
                if (c.contains("context")) {
                    if (!c["context"].is_array()) {
                        problems << path + QStringLiteral("/context: must be an array of strings");
                    } else {
                        for (size_t k = 0; k < c["context"].size(); ++k) {
                            if (!c["context"][k].is_string() || str(c["context"][k]).trimmed().isEmpty())
                                problems << path + QStringLiteral("/context/%1: must be a non-empty string").arg(k);
                            else
                                rec.context << str(c["context"][k]);
                        }
                    }
                }
                s.customRecognizers << rec;
            }
        }
    }
    return s;
}

TypeLevelMap ClassifierSettings::typeLevelMap() const
{
    TypeLevelMap map = TypeLevelMap::defaults();
    for (const auto &m : markers)
        if (m.level)
            map.setLevel(m.type, *m.level);
    for (const auto &c : customRecognizers)
        if (c.level)
            map.setLevel(c.type, *c.level);
    for (auto it = types.cbegin(); it != types.cend(); ++it) {
        if (it->level)
            map.setLevel(it.key(), *it->level);
        if (it->threshold)
            map.setThreshold(it.key(), *it->threshold);
    }
    return map;
}

} // namespace perimeter::classify
