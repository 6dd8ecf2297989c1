// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <nlohmann/json_fwd.hpp>
#include <optional>

namespace perimeter::registry {

// active: served. draining: still served while no version of the name is active (so a
// replacement can be rolled out first), flagged for retirement. retired: never served.
enum class ModelStatus { Active, Draining, Retired };

QString statusName(ModelStatus status);
std::optional<ModelStatus> parseStatus(const QString &name);

// One on-prem model deployment in the registry, identified by name + version.
struct ModelRecord {
    QString name;
    QString version;
    QString kind;              // "chat" | "completion" | "embedding"
    QStringList endpoints;     // on-prem endpoint ids from the config
    int contextLength = 0;     // tokens; 0 = not stated
    int capacity = 0;          // concurrent requests the deployment is sized for
    ModelStatus status = ModelStatus::Active;
    QString notes;
    QDateTime created;         // UTC
    QDateTime updated;         // UTC
    QString updatedBy;

    QString key() const { return name + QLatin1Char('@') + version; }
    // The fields a change may touch, as stored in the history (before/after).
    nlohmann::json toJson() const;
    bool sameContent(const ModelRecord &other) const;
};

// A partial update for `edit`: only the fields that are set change.
struct ModelPatch {
    std::optional<QString> kind;
    std::optional<QStringList> endpoints;
    std::optional<int> contextLength;
    std::optional<int> capacity;
    std::optional<ModelStatus> status;
    std::optional<QString> notes;

    bool isEmpty() const { return !kind && !endpoints && !contextLength && !capacity && !status && !notes; }
    void applyTo(ModelRecord &record) const;
};

} // namespace perimeter::registry
