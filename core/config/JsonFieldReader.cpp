// SPDX-License-Identifier: Apache-2.0
#include "JsonFieldReader.h"

namespace perimeter::config {

namespace {
// RFC 6901: '~' and '/' in a key are escaped in a JSON pointer.
QString escapePointerToken(const std::string &key)
{
    QString token = QString::fromStdString(key);
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}
} // namespace

QString jsonTypeName(const nlohmann::json &value)
{
    return QString::fromLatin1(value.type_name());
}

JsonFieldReader::JsonFieldReader(const nlohmann::json &object, QString path, QStringList &problems)
    : m_object(object), m_path(std::move(path)), m_problems(problems), m_isObject(object.is_object())
{
    if (!m_isObject)
        problemHere(QStringLiteral("must be an object, found %1").arg(jsonTypeName(object)));
}

QString JsonFieldReader::childPath(const std::string &key) const
{
    return m_path + QLatin1Char('/') + escapePointerToken(key);
}

bool JsonFieldReader::has(const std::string &key) const
{
    return m_isObject && m_object.contains(key);
}

const nlohmann::json *JsonFieldReader::value(const std::string &key) const
{
    if (!has(key))
        return nullptr;
    return &m_object.at(key);
}

void JsonFieldReader::problem(const std::string &key, const QString &message)
{
    m_problems.append(childPath(key) + QLatin1String(": ") + message);
}

void JsonFieldReader::problemHere(const QString &message)
{
    m_problems.append((m_path.isEmpty() ? QStringLiteral("/") : m_path) + QLatin1String(": ") + message);
}

const nlohmann::json *JsonFieldReader::take(const std::string &key, bool required)
{
    m_seen.insert(key);
    const auto *v = value(key);
    if (!v && required && m_isObject)
        problem(key, QStringLiteral("is required"));
    return v;
}

std::optional<QString> JsonFieldReader::string(const std::string &key, bool required, bool allowEmpty)
{
    const auto *v = take(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_string()) {
        problem(key, QStringLiteral("must be a string, found %1").arg(jsonTypeName(*v)));
        return std::nullopt;
    }
    QString s = QString::fromStdString(v->get<std::string>());
    if (!allowEmpty && s.isEmpty()) {
        problem(key, QStringLiteral("must not be empty"));
        return std::nullopt;
    }
    return s;
}

std::optional<qint64> JsonFieldReader::integer(const std::string &key, bool required, qint64 min, qint64 max)
{
    const auto *v = take(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_number_integer()) {
        problem(key, QStringLiteral("must be an integer, found %1").arg(jsonTypeName(*v)));
        return std::nullopt;
    }
    const qint64 n = v->is_number_unsigned() && v->get<quint64>() > quint64(std::numeric_limits<qint64>::max())
        ? std::numeric_limits<qint64>::max()
        : v->get<qint64>();
    if (n < min || n > max) {
        problem(key, QStringLiteral("must be between %1 and %2, found %3").arg(min).arg(max).arg(n));
        return std::nullopt;
    }
    return n;
}

std::optional<double> JsonFieldReader::number(const std::string &key, bool required, double min, double max)
{
    const auto *v = take(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_number()) {
        problem(key, QStringLiteral("must be a number, found %1").arg(jsonTypeName(*v)));
        return std::nullopt;
    }
    const double n = v->get<double>();
    if (!(n >= min && n <= max)) {
        problem(key, QStringLiteral("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> JsonFieldReader::boolean(const std::string &key, bool required)
{
    const auto *v = take(key, required);
    if (!v)
        return std::nullopt;
    if (!v->is_boolean()) {
        problem(key, QStringLiteral("must be true or false, found %1").arg(jsonTypeName(*v)));
        return std::nullopt;
    }
    return v->get<bool>();
}

const nlohmann::json *JsonFieldReader::array(const std::string &key, bool required)
{
    const auto *v = take(key, required);
    if (!v)
        return nullptr;
    if (!v->is_array()) {
        problem(key, QStringLiteral("must be an array, found %1").arg(jsonTypeName(*v)));
        return nullptr;
    }
    return v;
}

const nlohmann::json *JsonFieldReader::object(const std::string &key, bool required)
{
    const auto *v = take(key, required);
    if (!v)
        return nullptr;
    if (!v->is_object()) {
        problem(key, QStringLiteral("must be an object, found %1").arg(jsonTypeName(*v)));
        return nullptr;
    }
    return v;
}

void JsonFieldReader::rejectUnknownKeys(std::initializer_list<const char *> extraAllowed)
{
    if (!m_isObject)
        return;
    for (const auto *k : extraAllowed)
        m_seen.insert(k);
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_seen.count(it.key()))
            problem(it.key(), QStringLiteral("unknown key"));
    }
}

} // namespace perimeter::config
