// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "ModelRecord.h"
#include "config/Config.h"
#include <QList>
#include <QStringList>

namespace perimeter::registry {

// Checks a model record against the config's endpoints and the registry's other records.
// Returns every problem, each as "<field>: <message>" with the field named as in the JSON
// form and the CLI ("endpoints/1: unknown endpoint id \"gpu-9\""); empty means valid.
class ModelValidator {
public:
    static constexpr int kMaxNameLength = 128;
    static constexpr int kMaxVersionLength = 64;
    static constexpr int kMaxNotesLength = 2000;
    static constexpr int kMaxContextLength = 10000000;
    static constexpr int kMaxCapacity = 1000000;

    // isNew: the record is being added (a name+version already present is a duplicate);
    // otherwise it replaces the existing record with the same name+version.
    static QStringList validate(const ModelRecord &record, const config::Config &config, const QList<ModelRecord> &existing, bool isNew);

    static bool isValidKind(const QString &kind);
};

} // namespace perimeter::registry
