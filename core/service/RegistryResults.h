// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include "observe/CostModel.h"
#include "registry/HistoryEntry.h"
#include "registry/ModelRecord.h"
#include <QHash>
#include <QList>
#include <QMetaType>
#include <optional>

namespace perimeter::service {

// An endpoint's health as the embedded gateway sees it when the view is taken.
struct EndpointHealth {
    QString id;
    Tier tier = Tier::OnPrem;
    bool known = false;       // false: the config has no such endpoint (any more)
    bool available = false;   // routable now: probe healthy, circuit closed
    bool circuitOpen = false;
    int inFlight = 0;
    int capacity = 0;
};

// A model served from the cloud tier, with the list price the cost model uses for it.
struct CloudModel {
    QString name;
    QString kind;
    QStringList endpoints;                 // its cloud endpoint ids
    bool alsoOnPrem = false;               // hybrid: the registry (or config) also serves it on-prem
    std::optional<observe::ModelPrice> price;
};

// What the console's Models page shows, read in one go off the UI and gateway threads.
struct RegistryView {
    bool ok = false;
    QString error;
    QList<registry::ModelRecord> records;  // every registered version, retired ones included
    QStringList servedVersions;            // record keys ("name@version") the gateway serves
    QHash<QString, EndpointHealth> health; // by endpoint id
    QList<CloudModel> cloudModels;
    QStringList onPremEndpoints;           // ids a registry model may use
    bool healthChecksEnabled = false;
};

struct RegistryChange {
    enum class Action { Add, Edit, Retire };
    Action action = Action::Add;
    registry::ModelRecord record;          // Add: the new record; Edit/Retire: name + version
    registry::ModelPatch patch;            // Edit
    QString comment;
};

struct RegistryChangeResult {
    bool ok = false;
    QString code;                          // "invalid", "not_found", "registry_error", "gateway_not_running"
    QString message;
    QStringList problems;                  // "<field>: <message>", for "invalid"
    registry::ModelRecord record;          // the record as stored
};

struct RegistryHistoryResult {
    bool ok = false;
    QString error;
    QList<registry::HistoryEntry> entries; // oldest first
};

} // namespace perimeter::service

Q_DECLARE_METATYPE(perimeter::service::RegistryView)
Q_DECLARE_METATYPE(perimeter::service::RegistryChangeResult)
Q_DECLARE_METATYPE(perimeter::service::RegistryHistoryResult)
