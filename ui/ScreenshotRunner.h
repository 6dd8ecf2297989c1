// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QObject>
#include <QStringList>

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

class MainWindow;

// Drives a MainWindow through each page once the gateway has started (a sample simulated,
// the trail loaded) and saves one PNG per page with QWidget::grab(), for docs/screenshots.
// Emits finished(exitCode) when done.
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow *window, service::GatewayService *service, QString directory, QObject *parent = nullptr);

    void run(); // call once the window is shown
    QStringList savedFiles() const { return m_saved; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void prepare();
    void capture();

    MainWindow *m_window;
    service::GatewayService *m_service;
    QString m_directory;
    QStringList m_saved;
    int m_pendingLoads = 0;
    bool m_prepared = false;
};

} // namespace perimeter::ui
