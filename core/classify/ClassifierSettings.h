// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "PayloadClassifier.h"
#include "common/Sensitivity.h"
#include <QHash>
#include <QStringList>
#include <nlohmann/json_fwd.hpp>
#include <optional>

// Policy settings of the data classifier. JSON shape (every key optional; unknown keys are
// reported as problems so typos do not silently weaken the policy):
//
//   {
//     "max_scan_chars": 4194304,            // payloads with more characters fail closed (restricted)
//     "max_decoded_bytes": 1048576,         // base64 / data-URL strings decoded and scanned up to this size
//     "disabled_types": ["DATE_TIME"],      // built-in recognizers of these types are not compiled
//     "types": {                            // per-type level and minimum score
//       "PHONE_NUMBER": {"level": "confidential", "threshold": 0.5}
//     },
//     "markers": [                          // organisation markers: keyword lists
//       {"name": "banners", "type": "ORG_MARKER", "level": "confidential", "score": 1.0,
//        "terms": ["CONFIDENTIAL — INTERNAL ONLY", "Project Nightingale"]}
//     ],
//     "custom_recognizers": [               // Hyperscan patterns (PCRE subset, no look-around / back-references)
//       {"name": "employee-id", "type": "EMPLOYEE_ID", "pattern": "\\bEMP-[0-9]{6}\\b",
//        "score": 0.8, "level": "confidential", "context": ["employee"], "case_insensitive": false}
//     ]
//   }
//
// Marker terms match case-insensitively, any run of whitespace in a term matches any run of
// whitespace in the text, and they are normalised like the text (full-width forms, dashes).
// A custom recognizer with "context" words scores half its "score" when no context word is near
// and that plus 0.35 (at least 0.4) when one is; the type threshold decides what counts. Levels: public,
// internal, confidential, restricted. Types without a level default to confidential.
namespace perimeter::classify {

struct MarkerList {
    QString name;
    QString type = QStringLiteral("ORG_MARKER");
    std::optional<Sensitivity> level;      // default: the type's level (ORG_MARKER: confidential)
    double score = 1.0;
    QStringList terms;
};

struct CustomRecognizer {
    QString name;
    QString type;
    QString pattern;
    double score = 0.8;
    std::optional<Sensitivity> level;
    QStringList context;
    bool caseInsensitive = false;
};

struct TypeOverride {
    std::optional<Sensitivity> level;
    std::optional<double> threshold;
};

struct ClassifierSettings {
    PayloadLimits limits;
    QStringList disabledTypes;
    QHash<QString, TypeOverride> types;
    QList<MarkerList> markers;
    QList<CustomRecognizer> customRecognizers;

    static ClassifierSettings defaults();
    // Parses `obj` (the classifier section); every problem is appended to `problems` as
    // "<jsonPathPrefix>/<path>: <message>". The result is usable only when no problem was added.
    static ClassifierSettings fromJson(const nlohmann::json &obj, const QString &jsonPathPrefix, QStringList &problems);

    TypeLevelMap typeLevelMap() const;     // defaults + markers + custom recognizers + overrides
};

} // namespace perimeter::classify
