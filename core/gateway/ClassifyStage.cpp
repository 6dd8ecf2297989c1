// SPDX-License-Identifier: Apache-2.0
#include "ClassifyStage.h"
#include "Pipeline.h"
#include <QPointer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace perimeter::gateway {

void ClassifyStage::apply(Exchange &exchange, classify::ClassificationReport report)
{
    exchange.classification = std::move(report);
    Sensitivity level = exchange.classification.level;
    if (exchange.classification.failedClosed)
        level = Sensitivity::Restricted;
    if (exchange.callerLabel)
        level = maxSensitivity(level, *exchange.callerLabel);
    exchange.level = level;
    exchange.classified = true;
}

StageStatus ClassifyStage::run(const std::shared_ptr<Exchange> &exchange, Pipeline &pipeline)
{
    const auto classifier = exchange->snapshot->policy->classifier();
    if (exchange->request.body.size() <= inlineScanLimitBytes) {
        apply(*exchange, classifier->classifyRequest(exchange->body));
        return StageStatus::Continue;
    }
    QPointer<Pipeline> guard(&pipeline);
    auto future = QtConcurrent::run([classifier, exchange]() { return classifier->classifyRequest(exchange->body); });
    auto *watcher = new QFutureWatcher<classify::ClassificationReport>(&pipeline);
    QObject::connect(watcher, &QFutureWatcherBase::finished, &pipeline, [watcher, exchange, guard]() {
        watcher->deleteLater();
        if (!guard || exchange->finished)
            return;
        apply(*exchange, watcher->result());
        guard->run(exchange);
    });
    watcher->setFuture(future);
    return StageStatus::Pending;
}

} // namespace perimeter::gateway
