// SPDX-License-Identifier: Apache-2.0
// Test data the classifier's engine tests share: the shared corpus texts and one data row per
// built-in recognizer of a scan mode.
#pragma once
#include "classify/BuiltinRecognizers.h"
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

namespace perimeter::classify::testdata {

// The texts of shared/data/classifier/dev.jsonl (empty when the corpus is not there).
inline QStringList corpusTexts()
{
    QStringList texts;
    QFile f(QStringLiteral(PERIMETER_SHARED_DIR) + QStringLiteral("/data/classifier/dev.jsonl"));
    if (f.open(QIODevice::ReadOnly)) {
        while (!f.atEnd())
            texts << QJsonDocument::fromJson(f.readLine()).object().value(QStringLiteral("text")).toString();
    }
    return texts;
}

// Adds an int column "recognizer" and one row (named name:subtype) per built-in recognizer
// that runs in `mode`; returns how many.
inline int addRecognizerRows(ScanMode mode)
{
    QTest::addColumn<int>("recognizer");
    const auto all = BuiltinRecognizers::all();
    int count = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i].scan != mode)
            continue;
        ++count;
        QTest::newRow((all[i].name + QLatin1Char(':') + all[i].subtype).toUtf8().constData()) << int(i);
    }
    return count;
}

} // namespace perimeter::classify::testdata
