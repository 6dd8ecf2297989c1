// SPDX-License-Identifier: Apache-2.0
#include "AppIcon.h"
#include "LevelColors.h"
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace perimeter::ui {

QIcon AppIcon::icon(bool running)
{
    QIcon icon;
    for (int size : {16, 22, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const double s = size;
        // A shield: the perimeter around the data.
        QPainterPath shield;
        shield.moveTo(s * 0.5, s * 0.06);
        shield.lineTo(s * 0.88, s * 0.2);
        shield.cubicTo(s * 0.88, s * 0.6, s * 0.72, s * 0.82, s * 0.5, s * 0.95);
        shield.cubicTo(s * 0.28, s * 0.82, s * 0.12, s * 0.6, s * 0.12, s * 0.2);
        shield.closeSubpath();
        const QColor fill = running ? LevelColors::solid(Sensitivity::Internal) : QColor(0x80, 0x80, 0x80);
        p.setPen(QPen(fill.darker(140), qMax(1.0, s / 24)));
        p.setBrush(fill);
        p.drawPath(shield);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 230));
        p.drawEllipse(QPointF(s * 0.5, s * 0.47), s * 0.14, s * 0.14);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace perimeter::ui
