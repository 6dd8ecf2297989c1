// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "DashboardData.h"
#include "service/GatewayStats.h"
#include <QFutureWatcher>
#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QHorizontalStackedBarSeries;
class QTableWidget;
class QBarSet;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QDateTimeAxis;
class QHorizontalBarSeries;
class QLabel;
class QLineSeries;
class QPieSeries;
class QPushButton;
class QTimer;
class QValueAxis;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

// The unified dashboard: requests over time per tier, decision and sensitivity mix, top
// rejection reasons, latency percentiles per tier, cost per team and tier (on-prem at the
// blended rate) for a selectable period, and the endpoints' health from the live stats.
// The figures come from the core query API (GatewayService::analytics(), see DashboardData);
// those blocking calls run on the thread pool and refreshes are coalesced (one in flight, at
// most one queued); the UI thread only swaps in the finished numbers.
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    explicit DashboardPage(service::GatewayService *service, QWidget *parent = nullptr);

    const DashboardData &data() const { return m_data; }
    bool isLoading() const { return m_watcher.isRunning(); }
    QString summaryText() const;
    void setRangeMinutes(int minutes);
    void setLiveInterval(int ms);
    QTableWidget *endpointTable() const { return m_endpoints; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onFinished();
    void applyData();
    void applyLatencyAndCost();
    void showEndpoints(const service::GatewayStats &stats);
    void applyTheme();
    void retranslate();
    QChartView *makeView(QChart *chart);

    service::GatewayService *m_service;
    QFutureWatcher<DashboardData> m_watcher;
    DashboardData m_data;
    QString m_error;
    bool m_refreshAgain = false;
    QTimer *m_liveTimer;

    QComboBox *m_range;
    QCheckBox *m_live;
    QPushButton *m_refresh;
    QLabel *m_summary;

    QChart *m_timeline;
    QLineSeries *m_onprem;
    QLineSeries *m_cloud;
    QLineSeries *m_noTier;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_countAxis;
    QChart *m_decisionChart;
    QPieSeries *m_decisions;
    QChart *m_levelChart;
    QPieSeries *m_levels;
    QChart *m_reasonChart;
    QHorizontalBarSeries *m_reasons;
    QBarSet *m_reasonSet;
    QBarCategoryAxis *m_reasonAxis;
    QValueAxis *m_reasonCountAxis;
    QChart *m_latencyChart;
    QBarSeries *m_latency;
    QBarCategoryAxis *m_latencyTierAxis;
    QValueAxis *m_latencyMsAxis;
    QChart *m_costChart;
    QHorizontalStackedBarSeries *m_cost;
    QBarCategoryAxis *m_costTeamAxis;
    QValueAxis *m_costAxis;
    QLabel *m_endpointsTitle;
    QTableWidget *m_endpoints;
    QList<service::EndpointSample> m_endpointHealth;
    QChartView *m_costView = nullptr;
    QString m_costTotals;
    QString m_costBasis;
    QList<QChartView *> m_views;
};

} // namespace perimeter::ui
