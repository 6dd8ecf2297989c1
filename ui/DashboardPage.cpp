// SPDX-License-Identifier: Apache-2.0
#include "DashboardPage.h"
#include "LevelColors.h"
#include "service/GatewayService.h"
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QTableWidget>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPushButton>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace perimeter::ui {

namespace {
constexpr int kRangeMinutes[] = {15, 60, 6 * 60, 24 * 60, 7 * 24 * 60};
constexpr int kBuckets = 60;
constexpr int kTopReasons = 5;
constexpr int kTopTeams = 6;
const char *const kTiers[] = {"onprem", "cloud"};
} // namespace

DashboardPage::DashboardPage(service::GatewayService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_liveTimer(new QTimer(this))
{
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("rangeCombo"));
    for (int minutes : kRangeMinutes)
        m_range->addItem(QString(), minutes);
    m_range->setCurrentIndex(1);
    m_live = new QCheckBox(this);
    m_live->setChecked(true);
    m_refresh = new QPushButton(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    // Long (translated) summaries wrap instead of widening the window.
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_timeline = new QChart;
    m_onprem = new QLineSeries(m_timeline);
    m_cloud = new QLineSeries(m_timeline);
    m_noTier = new QLineSeries(m_timeline);
    m_timeline->addSeries(m_onprem);
    m_timeline->addSeries(m_cloud);
    m_timeline->addSeries(m_noTier);
    m_timeAxis = new QDateTimeAxis(m_timeline);
    m_countAxis = new QValueAxis(m_timeline);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_timeline->addAxis(m_timeAxis, Qt::AlignBottom);
    m_timeline->addAxis(m_countAxis, Qt::AlignLeft);
    for (auto *s : {m_onprem, m_cloud, m_noTier}) {
        s->attachAxis(m_timeAxis);
        s->attachAxis(m_countAxis);
    }

    m_decisionChart = new QChart;
    m_decisions = new QPieSeries(m_decisionChart);
    m_decisions->setHoleSize(0.35);
    m_decisionChart->addSeries(m_decisions);
    m_decisionChart->legend()->setAlignment(Qt::AlignRight);

    m_levelChart = new QChart;
    m_levels = new QPieSeries(m_levelChart);
    m_levels->setHoleSize(0.35);
    m_levelChart->addSeries(m_levels);
    m_levelChart->legend()->setAlignment(Qt::AlignRight);
    for (auto *chart : {m_decisionChart, m_levelChart}) {
        // Narrow columns elide legend labels: a smaller font, and the full text as tooltip.
        QFont font = chart->legend()->font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        chart->legend()->setFont(font);
        chart->legend()->setShowToolTips(true);
    }

    m_reasonChart = new QChart;
    m_reasons = new QHorizontalBarSeries(m_reasonChart);
    m_reasonSet = new QBarSet(QString(), m_reasons);
    m_reasons->append(m_reasonSet);
    m_reasonChart->addSeries(m_reasons);
    m_reasonAxis = new QBarCategoryAxis(m_reasonChart);
    m_reasonCountAxis = new QValueAxis(m_reasonChart);
    m_reasonCountAxis->setLabelFormat(QStringLiteral("%d"));
    m_reasonChart->addAxis(m_reasonAxis, Qt::AlignLeft);
    m_reasonChart->addAxis(m_reasonCountAxis, Qt::AlignBottom);
    m_reasons->attachAxis(m_reasonAxis);
    m_reasons->attachAxis(m_reasonCountAxis);
    m_reasonChart->legend()->hide();

    m_latencyChart = new QChart;
    m_latency = new QBarSeries(m_latencyChart);
    for (int i = 0; i < 3; ++i)
        m_latency->append(new QBarSet(QString(), m_latency));
    m_latencyChart->addSeries(m_latency);
    m_latencyTierAxis = new QBarCategoryAxis(m_latencyChart);
    m_latencyMsAxis = new QValueAxis(m_latencyChart);
    m_latencyMsAxis->setLabelFormat(QStringLiteral("%d"));
    m_latencyChart->addAxis(m_latencyTierAxis, Qt::AlignBottom);
    m_latencyChart->addAxis(m_latencyMsAxis, Qt::AlignLeft);
    m_latency->attachAxis(m_latencyTierAxis);
    m_latency->attachAxis(m_latencyMsAxis);
    m_latencyChart->legend()->setAlignment(Qt::AlignBottom);

    m_costChart = new QChart;
    m_cost = new QHorizontalStackedBarSeries(m_costChart);
    for (int i = 0; i < 2; ++i)
        m_cost->append(new QBarSet(QString(), m_cost));
    m_costChart->addSeries(m_cost);
    m_costTeamAxis = new QBarCategoryAxis(m_costChart);
    m_costAxis = new QValueAxis(m_costChart);
    m_costChart->addAxis(m_costTeamAxis, Qt::AlignLeft);
    m_costChart->addAxis(m_costAxis, Qt::AlignBottom);
    m_cost->attachAxis(m_costTeamAxis);
    m_cost->attachAxis(m_costAxis);
    m_costChart->legend()->setAlignment(Qt::AlignBottom);

    m_endpointsTitle = new QLabel(this);
    m_endpointsTitle->setAlignment(Qt::AlignHCenter);
    QFont titleFont = m_endpointsTitle->font();
    titleFont.setBold(true);
    m_endpointsTitle->setFont(titleFont);
    m_endpoints = new QTableWidget(0, 5, this);
    m_endpoints->setObjectName(QStringLiteral("endpointHealth"));
    m_endpoints->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_endpoints->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_endpoints->verticalHeader()->hide();
    m_endpoints->horizontalHeader()->setStretchLastSection(true);
    m_endpoints->setMinimumSize(200, 110);
    m_endpointsTitle->setBuddy(m_endpoints);
    auto *endpointsBox = new QWidget(this);
    auto *endpointsLayout = new QVBoxLayout(endpointsBox);
    endpointsLayout->setContentsMargins(0, 0, 0, 0);
    endpointsLayout->addWidget(m_endpointsTitle);
    endpointsLayout->addWidget(m_endpoints, 1);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_range);
    controls->addWidget(m_live);
    controls->addWidget(m_refresh);
    controls->addWidget(m_summary, 1);

    auto *grid = new QGridLayout;
    grid->addWidget(makeView(m_timeline), 0, 0, 1, 3);
    grid->addWidget(makeView(m_decisionChart), 1, 0);
    grid->addWidget(makeView(m_levelChart), 1, 1);
    grid->addWidget(makeView(m_reasonChart), 1, 2);
    grid->addWidget(makeView(m_latencyChart), 2, 0);
    m_costView = makeView(m_costChart);
    grid->addWidget(m_costView, 2, 1);
    grid->addWidget(endpointsBox, 2, 2);
    // Equal columns: the decision legend ("routed (1234)") needs as much room as the others.
    for (int column = 0; column < 3; ++column)
        grid->setColumnStretch(column, 1);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    grid->setRowStretch(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(grid, 1);

    m_liveTimer->setInterval(5000);
    connect(m_liveTimer, &QTimer::timeout, this, [this]() {
        if (isVisible() && m_live->isChecked())
            refresh();
    });
    m_liveTimer->start();
    connect(m_range, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(&m_watcher, &QFutureWatcher<DashboardData>::finished, this, &DashboardPage::onFinished);
    connect(m_service, &service::GatewayService::started, this, &DashboardPage::refresh);
    // The live stats arrive once a second from the gateway thread; only the small endpoint
    // table is redrawn, and only while the page is visible.
    connect(m_service, &service::GatewayService::statsUpdated, this, [this](const service::GatewayStats &stats) {
        m_endpointHealth = stats.endpoints;
        if (isVisible())
            showEndpoints(stats);
    });
    connect(m_service, &service::GatewayService::stopped, this, [this]() {
        m_endpointHealth.clear();
        showEndpoints({});
    });

    applyTheme();
    retranslate();
    applyData();
}

QChartView *DashboardPage::makeView(QChart *chart)
{
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 130);
    m_views.append(view);
    return view;
}

void DashboardPage::retranslate()
{
    m_range->setItemText(0, tr("Last 15 minutes"));
    m_range->setItemText(1, tr("Last hour"));
    m_range->setItemText(2, tr("Last 6 hours"));
    m_range->setItemText(3, tr("Last 24 hours"));
    m_range->setItemText(4, tr("Last 7 days"));
    m_live->setText(tr("&Live"));
    m_live->setToolTip(tr("Refresh every few seconds while the dashboard is shown"));
    m_refresh->setText(tr("&Refresh"));
    m_timeline->setTitle(tr("Requests over time by tier"));
    m_onprem->setName(tr("On-prem"));
    m_cloud->setName(tr("Cloud"));
    m_noTier->setName(tr("Not routed"));
    m_countAxis->setTitleText(tr("Requests"));
    m_decisionChart->setTitle(tr("Decisions"));
    m_levelChart->setTitle(tr("Sensitivity mix"));
    m_reasonChart->setTitle(tr("Top rejection and failure reasons"));
    m_latency->barSets().at(0)->setLabel(tr("p50"));
    m_latency->barSets().at(1)->setLabel(tr("p95"));
    m_latency->barSets().at(2)->setLabel(tr("p99"));
    m_latencyChart->setTitle(tr("Latency percentiles by tier"));
    m_latencyMsAxis->setTitleText(tr("ms"));
    m_cost->barSets().at(0)->setLabel(tr("On-prem"));
    m_cost->barSets().at(1)->setLabel(tr("Cloud"));
    m_endpointsTitle->setText(tr("&Endpoint health"));
    m_endpoints->setHorizontalHeaderLabels({tr("Endpoint"), tr("Tier"), tr("State"), tr("In flight"), tr("Latency")});
    applyData();
    service::GatewayStats stats;
    stats.endpoints = m_endpointHealth;
    showEndpoints(stats);
}

void DashboardPage::applyTheme()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    for (auto *chart : {m_timeline, m_decisionChart, m_levelChart, m_reasonChart, m_latencyChart, m_costChart}) {
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        // The window's own background shows through, so the charts follow the system palette.
        chart->setBackgroundVisible(false);
        chart->setTitleBrush(pal.brush(QPalette::WindowText));
        chart->legend()->setLabelColor(pal.color(QPalette::WindowText));
        for (auto *axis : chart->axes()) {
            axis->setLabelsColor(pal.color(QPalette::WindowText));
            axis->setTitleBrush(pal.brush(QPalette::WindowText));
            axis->setGridLineColor(pal.color(QPalette::Mid));
        }
    }
    for (auto *view : m_views)
        view->setBackgroundBrush(pal.brush(QPalette::Window));
    m_onprem->setColor(LevelColors::solid(Sensitivity::Internal));
    m_cloud->setColor(LevelColors::solid(Sensitivity::Public));
    m_noTier->setColor(LevelColors::solid(Sensitivity::Restricted));
    QPen pen = m_onprem->pen();
    pen.setWidthF(2.0);
    for (auto *s : {m_onprem, m_cloud, m_noTier}) {
        pen.setColor(s->color());
        s->setPen(pen);
    }
    m_reasonSet->setColor(pal.color(QPalette::Highlight));
    const Sensitivity latencyColors[] = {Sensitivity::Public, Sensitivity::Confidential, Sensitivity::Restricted};
    for (int i = 0; i < 3; ++i)
        m_latency->barSets().at(i)->setColor(LevelColors::solid(latencyColors[i]));
    m_cost->barSets().at(0)->setColor(m_onprem->color());
    m_cost->barSets().at(1)->setColor(m_cloud->color());
    applyData();
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    service::GatewayStats stats;
    stats.endpoints = m_endpointHealth;
    showEndpoints(stats);
    refresh();
}

void DashboardPage::setRangeMinutes(int minutes)
{
    const int index = m_range->findData(minutes);
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

void DashboardPage::setLiveInterval(int ms)
{
    m_liveTimer->setInterval(ms);
}

void DashboardPage::refresh()
{
    if (m_watcher.isRunning()) {
        m_refreshAgain = true;
        return;
    }
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addSecs(-qint64(m_range->currentData().toInt()) * 60);
    // The shared_ptr copy keeps the read connection alive while the queries run, even if the
    // gateway is restarted meanwhile. Every analytics call blocks, so all of them run on the pool.
    std::shared_ptr<const report::AuditAnalytics> analytics = m_service->analytics();
    if (!analytics) {
        DashboardData failed;
        failed.from = from;
        failed.to = to;
        failed.error = tr("No audit trail is open yet: start the gateway first.");
        m_watcher.setFuture(QtFuture::makeReadyFuture(failed));
        return;
    }
    m_watcher.setFuture(QtConcurrent::run([analytics, from, to]() { return DashboardData::load(*analytics, from, to, kBuckets); }));
}

void DashboardPage::onFinished()
{
    m_data = m_watcher.result();
    applyData();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
    Q_EMIT refreshed();
}

QString DashboardPage::summaryText() const
{
    return m_summary->text();
}

void DashboardPage::applyData()
{
    const auto &d = m_data;
    if (!d.error.isEmpty()) {
        m_summary->setText(tr("Cannot read the audit trail: %1").arg(d.error));
    } else {
        const int rejected = d.decisions.value(QStringLiteral("rejected"));
        const int failed = d.decisions.value(QStringLiteral("failed"));
        applyLatencyAndCost();
        m_summary->setText(tr("%n request(s) in the period", nullptr, d.total) + QStringLiteral(" · ")
                           + tr("%1 rejected, %2 failed").arg(rejected).arg(failed) + QStringLiteral(" · ") + m_costTotals
                           + QStringLiteral(" (") + m_costBasis + QLatin1Char(')'));
    }

    QList<QPointF> onprem, cloud, none;
    int peak = 0;
    for (int i = 0; i < d.onprem.size(); ++i) {
        const double x = double(d.from.toMSecsSinceEpoch() + qint64(i) * d.bucketMs + d.bucketMs / 2);
        onprem.append({x, double(d.onprem.at(i))});
        cloud.append({x, double(d.cloud.at(i))});
        none.append({x, double(d.noTier.at(i))});
        peak = qMax(peak, qMax(d.onprem.at(i), qMax(d.cloud.at(i), d.noTier.at(i))));
    }
    m_onprem->replace(onprem);
    m_cloud->replace(cloud);
    m_noTier->replace(none);
    if (d.from.isValid()) {
        m_timeAxis->setRange(d.from.toLocalTime(), d.to.toLocalTime());
        m_timeAxis->setFormat(d.from.secsTo(d.to) > 24 * 3600 ? QStringLiteral("dd.MM. HH:mm") : QStringLiteral("HH:mm"));
    }
    m_countAxis->setRange(0, qMax(4, peak + peak / 5 + 1));
    m_countAxis->applyNiceNumbers();

    const QPalette pal = palette();
    m_decisions->clear();
    static const char *const decisionNames[] = {QT_TR_NOOP("routed"), QT_TR_NOOP("rejected"), QT_TR_NOOP("failed")};
    const Sensitivity decisionColors[] = {Sensitivity::Public, Sensitivity::Confidential, Sensitivity::Restricted};
    for (int i = 0; i < 3; ++i) {
        const int n = d.decisions.value(QLatin1String(decisionNames[i]));
        if (n == 0)
            continue;
        auto *slice = m_decisions->append(QStringLiteral("%1 (%2)").arg(tr(decisionNames[i])).arg(n), n);
        slice->setColor(LevelColors::solid(decisionColors[i]));
        slice->setBorderColor(pal.color(QPalette::Window));
    }
    m_levels->clear();
    for (int level = -1; level <= int(Sensitivity::Restricted); ++level) {
        const int n = d.levels.value(level);
        if (n == 0)
            continue;
        const QString name = level < 0 ? tr("not classified") : LevelColors::displayName(Sensitivity(level));
        auto *slice = m_levels->append(QStringLiteral("%1 (%2)").arg(name).arg(n), n);
        slice->setColor(level < 0 ? pal.color(QPalette::Mid) : LevelColors::solid(Sensitivity(level)));
        slice->setBorderColor(pal.color(QPalette::Window));
    }
    for (auto *series : {m_decisions, m_levels}) {
        for (auto *slice : series->slices())
            slice->setLabelColor(pal.color(QPalette::WindowText));
    }

    QList<std::pair<int, QString>> reasons;
    for (auto it = d.rejectionReasons.cbegin(); it != d.rejectionReasons.cend(); ++it)
        reasons.append({it.value(), it.key()});
    std::sort(reasons.begin(), reasons.end(), [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    if (reasons.size() > kTopReasons)
        reasons.resize(kTopReasons);
    std::reverse(reasons.begin(), reasons.end()); // horizontal bars draw bottom-up: largest on top
    m_reasonSet->remove(0, m_reasonSet->count());
    QStringList categories;
    int reasonPeak = 0;
    for (const auto &[count, reason] : reasons) {
        categories.append(reason);
        m_reasonSet->append(count);
        reasonPeak = qMax(reasonPeak, count);
    }
    m_reasonAxis->clear();
    if (categories.isEmpty()) {
        categories.append(tr("none"));
        m_reasonSet->append(0);
    }
    m_reasonAxis->append(categories);
    m_reasonCountAxis->setRange(0, qMax(4, reasonPeak + reasonPeak / 5 + 1));
    m_reasonCountAxis->applyNiceNumbers();
}

void DashboardPage::applyLatencyAndCost()
{
    const auto &d = m_data;
    const QString tierNames[] = {tr("On-prem"), tr("Cloud")};
    QStringList tiers;
    qint64 latencyPeak = 0;
    for (auto *set : m_latency->barSets())
        set->remove(0, set->count());
    for (int t = 0; t < 2; ++t) {
        const TierLatency l = d.latency.value(QLatin1String(kTiers[t]));
        tiers.append(tierNames[t]);
        m_latency->barSets().at(0)->append(double(l.p50));
        m_latency->barSets().at(1)->append(double(l.p95));
        m_latency->barSets().at(2)->append(double(l.p99));
        latencyPeak = qMax(latencyPeak, l.p99);
    }
    m_latencyTierAxis->clear();
    m_latencyTierAxis->append(tiers);
    m_latencyMsAxis->setRange(0, double(qMax<qint64>(10, latencyPeak + latencyPeak / 5 + 1)));
    m_latencyMsAxis->applyNiceNumbers();

    // Teams by total cost, the largest on top (horizontal bars draw bottom-up).
    QList<std::pair<double, QString>> teams;
    for (auto it = d.teamCost.cbegin(); it != d.teamCost.cend(); ++it) {
        double sum = 0.0;
        for (double v : it.value())
            sum += v;
        teams.append({sum, it.key()});
    }
    std::sort(teams.begin(), teams.end(), [](const auto &a, const auto &b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    if (teams.size() > kTopTeams)
        teams.resize(kTopTeams);
    std::reverse(teams.begin(), teams.end());
    for (auto *set : m_cost->barSets())
        set->remove(0, set->count());
    QStringList categories;
    double costPeak = 0.0;
    for (const auto &[sum, team] : teams) {
        categories.append(team.isEmpty() ? tr("(no team)") : team);
        for (int t = 0; t < 2; ++t)
            m_cost->barSets().at(t)->append(d.teamCost.value(team).value(QLatin1String(kTiers[t])));
        costPeak = qMax(costPeak, sum);
    }
    if (categories.isEmpty()) {
        categories.append(tr("none"));
        for (auto *set : m_cost->barSets())
            set->append(0.0);
    }
    m_costTeamAxis->clear();
    m_costTeamAxis->append(categories);
    m_costAxis->setRange(0.0, costPeak > 0.0 ? costPeak * 1.15 : 1.0);
    m_costAxis->setLabelFormat(QStringLiteral("%.3g"));
    m_costAxis->setTickCount(3);
    const QString currency = d.currency.isEmpty() ? QStringLiteral("USD") : d.currency;
    m_costChart->setTitle(tr("Cost by team and tier (%1)").arg(currency));
    // The totals and the basis of the on-prem figures go into the chart's tooltip and the
    // summary line: a chart title that long would be cut off.
    auto money = [](double v) { return QLocale().toString(v, 'f', v != 0.0 && v < 1.0 ? 4 : 2); };
    QString details = tr("Total %1 %2: on-prem %3, cloud %4.")
                          .arg(money(d.totalCost), currency, money(d.tierCost.value(QStringLiteral("onprem"))), money(d.tierCost.value(QStringLiteral("cloud"))));
    const auto snapshot = m_service->snapshot();
    if (snapshot && snapshot->config.costs.defaultRate())
        m_costBasis = tr("on-prem at the blended rate of %1 %2 per 1M tokens")
                          .arg(QLocale().toString(snapshot->config.costs.defaultRate()->per1M, 'f', 2), snapshot->config.costs.currency());
    else
        m_costBasis = tr("no on-prem rate configured: on-prem requests cost nothing here");
    details += QLatin1Char(' ') + m_costBasis + QLatin1Char('.');
    if (d.mixedCurrencies)
        details += QLatin1Char(' ') + tr("Records in other currencies are left out.");
    m_costTotals = tr("cost %1 %2").arg(money(d.totalCost), currency);
    if (m_costView)
        m_costView->setToolTip(details);
}

void DashboardPage::showEndpoints(const service::GatewayStats &stats)
{
    m_endpoints->setRowCount(int(stats.endpoints.size()));
    const QPalette pal = palette();
    for (int row = 0; row < stats.endpoints.size(); ++row) {
        const auto &e = stats.endpoints.at(row);
        const QString state = e.circuitOpen ? tr("circuit open") : e.available ? tr("available") : tr("unavailable");
        const QString cells[] = {e.id, e.tier == QLatin1String("onprem") ? tr("On-prem") : tr("Cloud"), state,
                                 tr("%1 / %2").arg(e.inFlight).arg(e.capacity),
                                 e.latencyEwmaMs < 0 ? tr("no data") : tr("%1 ms").arg(QLocale().toString(e.latencyEwmaMs, 'f', 0))};
        for (int column = 0; column < 5; ++column) {
            auto *item = m_endpoints->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_endpoints->setItem(row, column, item);
            }
            item->setText(cells[column]);
            if (column == 2) {
                item->setForeground(e.available && !e.circuitOpen ? pal.brush(QPalette::WindowText)
                                                                  : QBrush(LevelColors::solid(Sensitivity::Restricted)));
                item->setToolTip(e.circuitOpen ? tr("Recent failures opened the circuit breaker; the router skips this endpoint for now.")
                                               : QString());
            }
        }
    }
    m_endpoints->resizeColumnsToContents();
}

} // namespace perimeter::ui
