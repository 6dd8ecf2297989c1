// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "common/NoGuiGuard.h"
#include <QString>
#include <QUrl>

namespace perimeter::observe {

// One remote sink of the config's "sinks" list (docs/operations.md "Remote sinks").
struct SinkSettings {
    QString id;
    QUrl url;                  // http:// or https:// (TLS always verified)
    QString credential;        // sent as "Authorization: Bearer <secret>"; "" = none
    int batchSize = 200;       // records per POST
    int flushMs = 1000;        // a partial batch waits at most this long
    QString spoolDir;          // absolute; default <data_dir>/spool/<id>
    qint64 spoolMaxBytes = qint64(256) * 1024 * 1024;
    int timeoutMs = 10'000;    // one POST
    int backoffInitialMs = 500;
    int backoffMaxMs = 60'000;
    int queueCapacity = 100'000; // records held in memory before the worker spools them
    QString caFile;            // extra CA certificates (PEM) for a private PKI; "" = system store

    bool operator==(const SinkSettings &) const = default;
};

} // namespace perimeter::observe
