// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/Sensitivity.h"
#include <QList>
#include <QString>

namespace perimeter::classify {

// One detected entity. Offsets are Unicode code points into the scanned string, end exclusive.
// A finding never carries the matched value: it is the one object that travels to logs,
// the audit trail and the console, and the value must not.
struct Finding {
    QString type;        // vocabulary of shared/data/classifier/README.md, e.g. "CREDIT_CARD", "SECRET"
    QString subtype;     // SECRET only: e.g. "aws-access-key"
    qint64 start = 0;
    qint64 end = 0;
    double score = 0.0;  // 0..1 confidence
    QString recognizer;  // name of the recognizer that produced it
    Sensitivity level = Sensitivity::Public; // set by the TypeLevelMap
    QString path;        // JSON pointer of the string inside a request body ("" for plain text)
};

using Findings = QList<Finding>;

} // namespace perimeter::classify
