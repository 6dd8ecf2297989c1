// SPDX-License-Identifier: Apache-2.0
#include "LevelColors.h"
#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace perimeter::ui {

QColor LevelColors::solid(Sensitivity level)
{
    switch (level) {
    case Sensitivity::Public: return QColor(0x4c, 0xaf, 0x50);
    case Sensitivity::Internal: return QColor(0x42, 0x8b, 0xe0);
    case Sensitivity::Confidential: return QColor(0xf0, 0x8c, 0x1a);
    case Sensitivity::Restricted: return QColor(0xe0, 0x3c, 0x3c);
    }
    return {};
}

QColor LevelColors::highlight(Sensitivity level)
{
    QColor c = solid(level);
    c.setAlpha(110);
    return c;
}

QIcon LevelColors::swatch(Sensitivity level)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(solid(level));
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

QString LevelColors::displayName(Sensitivity level)
{
    switch (level) {
    case Sensitivity::Public: return QCoreApplication::translate("perimeter::ui::LevelColors", "public");
    case Sensitivity::Internal: return QCoreApplication::translate("perimeter::ui::LevelColors", "internal");
    case Sensitivity::Confidential: return QCoreApplication::translate("perimeter::ui::LevelColors", "confidential");
    case Sensitivity::Restricted: return QCoreApplication::translate("perimeter::ui::LevelColors", "restricted");
    }
    return {};
}

} // namespace perimeter::ui
