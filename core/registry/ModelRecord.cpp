// SPDX-License-Identifier: Apache-2.0
#include "ModelRecord.h"
#include <nlohmann/json.hpp>

namespace perimeter::registry {

QString statusName(ModelStatus status)
{
    switch (status) {
    case ModelStatus::Active:
        return QStringLiteral("active");
    case ModelStatus::Draining:
        return QStringLiteral("draining");
    case ModelStatus::Retired:
        return QStringLiteral("retired");
    }
    return QStringLiteral("retired");
}

std::optional<ModelStatus> parseStatus(const QString &name)
{
    if (name == QLatin1String("active"))
        return ModelStatus::Active;
    if (name == QLatin1String("draining"))
        return ModelStatus::Draining;
    if (name == QLatin1String("retired"))
        return ModelStatus::Retired;
    return std::nullopt;
}

nlohmann::json ModelRecord::toJson() const
{
    nlohmann::json endpointList = nlohmann::json::array();
    for (const auto &e : endpoints)
        endpointList.push_back(e.toStdString());
    return nlohmann::json{{"name", name.toStdString()},
                          {"version", version.toStdString()},
                          {"kind", kind.toStdString()},
                          {"endpoints", endpointList},
                          {"context_length", contextLength},
                          {"capacity", capacity},
                          {"status", statusName(status).toStdString()},
                          {"notes", notes.toStdString()}};
}

bool ModelRecord::sameContent(const ModelRecord &other) const
{
    return name == other.name && version == other.version && kind == other.kind && endpoints == other.endpoints
        && contextLength == other.contextLength && capacity == other.capacity && status == other.status && notes == other.notes;
}

void ModelPatch::applyTo(ModelRecord &record) const
{
    if (kind)
        record.kind = *kind;
    if (endpoints)
        record.endpoints = *endpoints;
    if (contextLength)
        record.contextLength = *contextLength;
    if (capacity)
        record.capacity = *capacity;
    if (status)
        record.status = *status;
    if (notes)
        record.notes = *notes;
}

} // namespace perimeter::registry
