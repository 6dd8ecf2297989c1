// SPDX-License-Identifier: Apache-2.0
#include "PolicyPublisher.h"
#include "PolicyLoader.h"
#include "PolicyVersionStore.h"
#include <QSaveFile>

namespace perimeter::policy {

PolicyPublication PolicyPublication::publish(const QByteArray &content, const QString &policyPath, PolicyVersionStore &history,
                                             const QString &author, const QString &comment)
{
    PolicyPublication out;
    out.policy = PolicyLoader::fromBytes(content);
    if (!out.policy.ok())
        return out;
    QSaveFile file(policyPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        out.writeError = file.errorString();
        return out;
    }
    out.version = history.record(out.policy.value()->version(), author, comment, content);
    return out;
}

} // namespace perimeter::policy
