// SPDX-License-Identifier: Apache-2.0
#include "DefaultConfigLocator.h"
#include <QCoreApplication>
#include <QFileInfo>

namespace perimeter::config {

QString DefaultConfigLocator::defaultConfigPath()
{
    const QString fromEnv = qEnvironmentVariable("PERIMETER_CONFIG");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString installed = QCoreApplication::applicationDirPath() + QLatin1String("/../share/perimeter/demo/perimeter.json");
    if (QFileInfo::exists(installed))
        return QFileInfo(installed).absoluteFilePath();
    return QStringLiteral(PERIMETER_SOURCE_DIR "/resources/demo/perimeter.json");
}

} // namespace perimeter::config
