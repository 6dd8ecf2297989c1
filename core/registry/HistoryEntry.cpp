// SPDX-License-Identifier: Apache-2.0
#include "HistoryEntry.h"
#include <nlohmann/json.hpp>

namespace perimeter::registry {

namespace {

nlohmann::json parseObject(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return nlohmann::json::object();
    auto j = nlohmann::json::parse(bytes.constBegin(), bytes.constEnd(), nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

QString valueText(const nlohmann::json &v)
{
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_array()) {
        QStringList parts;
        for (const auto &e : v)
            parts.append(valueText(e));
        return parts.join(QLatin1Char(','));
    }
    if (v.is_null())
        return QString();
    return QString::fromStdString(v.dump());
}

} // namespace

QStringList HistoryEntry::changedFields() const
{
    const auto b = parseObject(before);
    const auto a = parseObject(after);
    QStringList fields;
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!b.contains(it.key()) || b.at(it.key()) != it.value())
            fields.append(QString::fromStdString(it.key()));
    }
    return fields;
}

QString HistoryEntry::changeSummary() const
{
    const auto b = parseObject(before);
    const auto a = parseObject(after);
    if (b.empty())
        return QStringLiteral("created (%1, %2)").arg(valueText(a.value("kind", nlohmann::json())), valueText(a.value("status", nlohmann::json())));
    QStringList parts;
    for (const QString &field : changedFields()) {
        const std::string key = field.toStdString();
        const QString from = valueText(b.value(key, nlohmann::json()));
        const QString to = valueText(a.at(key));
        if (field == QLatin1String("notes"))
            parts.append(QStringLiteral("notes changed"));
        else
            parts.append(QStringLiteral("%1: %2 -> %3").arg(field, from.isEmpty() ? QStringLiteral("-") : from, to.isEmpty() ? QStringLiteral("-") : to));
    }
    return parts.isEmpty() ? QStringLiteral("no change") : parts.join(QStringLiteral("; "));
}

} // namespace perimeter::registry
