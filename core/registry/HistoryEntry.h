// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace perimeter::registry {

// One change of the registry: who did what to which model version, with the record before
// and after it as JSON (before is empty for seed/add).
struct HistoryEntry {
    qint64 sequence = 0;
    QDateTime at;              // UTC
    QString actor;
    QString action;            // "seed" | "add" | "edit" | "retire"
    QString name;
    QString version;
    QByteArray before;         // compact JSON object, or empty
    QByteArray after;          // compact JSON object
    QString comment;

    // "capacity: 8 -> 16; status: active -> draining" (fields that differ), for tables.
    QString changeSummary() const;
    QStringList changedFields() const;
};

} // namespace perimeter::registry
