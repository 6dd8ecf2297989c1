// SPDX-License-Identifier: Apache-2.0
#include "DecisionsPage.h"
#include "AuditFilterProxyModel.h"
#include "AuditTableModel.h"
#include "service/GatewayService.h"
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace perimeter::ui {

namespace {
// Period combo rows: hours back from now, 0 = all.
constexpr int kPeriodHours[] = {1, 24, 24 * 7, 24 * 30, 0};
} // namespace

DecisionsPage::DecisionsPage(service::GatewayService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new AuditTableModel(this)), m_proxy(new AuditFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("decisionSearch"));
    m_search->setClearButtonEnabled(true);
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("tierFilter"));
    m_decision = new QComboBox(this);
    m_decision->setObjectName(QStringLiteral("decisionFilter"));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("periodCombo"));
    m_refresh = new QPushButton(this);
    m_count = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("decisionsView"));
    m_details = new QTreeWidget(this);
    m_details->setObjectName(QStringLiteral("decisionDetails"));

    for (const char *tier : {"", "onprem", "cloud", "none"})
        m_tier->addItem(QString(), QLatin1String(tier));
    for (const char *decision : {"", "routed", "rejected", "failed"})
        m_decision->addItem(QString(), QLatin1String(decision));
    for (int hours : kPeriodHours)
        m_period->addItem(QString(), hours);
    m_period->setCurrentIndex(1);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditTableModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // No stretched last section: it would push the right-aligned status off-screen.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);

    m_details->setColumnCount(2);
    m_details->setRootIsDecorated(false);
    m_details->setAlternatingRowColors(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_tier, 1);
    filters->addWidget(m_decision, 1);
    filters->addWidget(m_period, 1);
    filters->addWidget(m_refresh);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("decisionsSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({700, 360});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_count);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateCount();
    });
    connect(m_tier, &QComboBox::currentIndexChanged, this, [this]() {
        m_proxy->setTier(m_tier->currentData().toString());
        updateCount();
    });
    connect(m_decision, &QComboBox::currentIndexChanged, this, [this]() {
        m_proxy->setDecision(m_decision->currentData().toString());
        updateCount();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &DecisionsPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DecisionsPage::refresh);
    connect(&m_watcher, &QFutureWatcher<service::AuditQueryResult>::finished, this, &DecisionsPage::onQueryFinished);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DecisionsPage::showDetails);
    connect(m_service, &service::GatewayService::started, this, &DecisionsPage::refresh);

    retranslate();
    updateCount();
}

void DecisionsPage::retranslate()
{
    m_search->setPlaceholderText(tr("Filter by caller, team, model, reason, request id or finding type"));
    m_tier->setItemText(0, tr("All tiers"));
    m_tier->setItemText(1, tr("On-prem"));
    m_tier->setItemText(2, tr("Cloud"));
    m_tier->setItemText(3, tr("No tier"));
    m_decision->setItemText(0, tr("All decisions"));
    m_decision->setItemText(1, tr("Routed"));
    m_decision->setItemText(2, tr("Rejected"));
    m_decision->setItemText(3, tr("Failed"));
    m_period->setItemText(0, tr("Last hour"));
    m_period->setItemText(1, tr("Last 24 hours"));
    m_period->setItemText(2, tr("Last 7 days"));
    m_period->setItemText(3, tr("Last 30 days"));
    m_period->setItemText(4, tr("Everything"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Read the audit trail again (F5)"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_details->setHeaderLabels({tr("Field"), tr("Value")});
    updateCount();
    showDetails();
}

void DecisionsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DecisionsPage::setFilterText(const QString &text)
{
    m_search->setText(text);
}

void DecisionsPage::setTierFilter(const QString &tier)
{
    m_tier->setCurrentIndex(qMax(0, m_tier->findData(tier)));
}

void DecisionsPage::setDecisionFilter(const QString &decision)
{
    m_decision->setCurrentIndex(qMax(0, m_decision->findData(decision)));
}

void DecisionsPage::setPeriodHours(int hours)
{
    const int index = m_period->findData(hours);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

void DecisionsPage::refresh()
{
    if (m_watcher.isRunning()) {
        m_refreshAgain = true;
        return;
    }
    observe::AuditQuery query;
    const int hours = m_period->currentData().toInt();
    if (hours > 0)
        query.from = QDateTime::currentDateTimeUtc().addSecs(-qint64(hours) * 3600);
    m_watcher.setFuture(m_service->queryAudit(query));
    m_count->setText(tr("Loading…"));
}

void DecisionsPage::onQueryFinished()
{
    const auto result = m_watcher.result();
    if (result.ok) {
        m_error.clear();
        // Keep the selected record selected across refreshes.
        const auto *current = m_model->record(m_proxy->mapToSource(m_view->currentIndex()).row());
        const QString selectedId = current ? current->requestId : QString();
        const bool first = m_model->rowCount() == 0;
        m_model->setRecords(result.records);
        if (first && m_model->rowCount() > 0)
            m_view->resizeColumnsToContents();
        if (!selectedId.isEmpty()) {
            for (int row = 0; row < m_model->rowCount(); ++row) {
                if (m_model->record(row)->requestId == selectedId) {
                    m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
                    break;
                }
            }
        }
    } else {
        m_error = result.error;
    }
    updateCount();
    showDetails();
    if (m_refreshAgain) {
        m_refreshAgain = false;
        refresh();
    }
    Q_EMIT refreshed();
}

QString DecisionsPage::statusText() const
{
    return m_count->text();
}

void DecisionsPage::updateCount()
{
    if (!m_error.isEmpty())
        m_count->setText(tr("Cannot read the audit trail: %1").arg(m_error));
    else
        m_count->setText(tr("%n decision(s) shown", nullptr, m_proxy->rowCount()) + QStringLiteral(" · ")
                         + tr("%n in the period", nullptr, m_model->rowCount()));
}

void DecisionsPage::showDetails()
{
    m_details->clear();
    const auto *r = m_model->record(m_proxy->mapToSource(m_view->currentIndex()).row());
    if (!r) {
        auto *item = new QTreeWidgetItem(m_details, {tr("Select a decision to see its details.")});
        item->setFirstColumnSpanned(true);
        return;
    }
    auto add = [this](const QString &field, const QString &value) { new QTreeWidgetItem(m_details, {field, value}); };
    add(tr("Request id"), r->requestId);
    add(tr("Time (UTC)"), r->ts.toString(Qt::ISODateWithMs));
    add(tr("Caller"), r->caller);
    add(tr("Team"), r->team);
    add(tr("Path"), r->endpointPath);
    add(tr("Model requested"), r->modelRequested);
    add(tr("Model served"), r->modelServed);
    add(tr("Tier"), r->tier);
    add(tr("Endpoint"), r->endpointId);
    add(tr("Decision"), r->decision);
    add(tr("Reason"), r->reason);
    add(tr("Sensitivity"), r->sensitivity);
    QStringList findings;
    for (auto it = r->findingTypes.cbegin(); it != r->findingTypes.cend(); ++it)
        findings.append(QStringLiteral("%1 × %2").arg(it.key()).arg(it.value()));
    add(tr("Finding types"), findings.isEmpty() ? tr("none") : findings.join(QStringLiteral(", ")));
    add(tr("Policy version"), r->policyVersion);
    add(tr("HTTP status"), QString::number(r->status));
    add(tr("Tokens in / out"), QStringLiteral("%1 / %2").arg(r->tokensIn).arg(r->tokensOut));
    add(tr("Latency"), tr("%1 ms").arg(r->latencyMs));
    add(tr("Upstream time"), r->upstreamMs < 0 ? tr("no upstream call") : tr("%1 ms").arg(r->upstreamMs));
    add(tr("Time to first token"), r->ttftMs < 0 ? tr("not streamed") : tr("%1 ms").arg(r->ttftMs));
    add(tr("Cost"), r->costBasis.isEmpty() ? tr("none")
                                           : QStringLiteral("%1 %2 (%3)").arg(QString::number(r->costAmount, 'f', 6), r->costCurrency, r->costBasis));
    m_details->resizeColumnToContents(0);
}

bool DecisionsPage::selectFirst(int column, const QString &value)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        if (m_proxy->index(row, column).data().toString() == value) {
            m_view->setCurrentIndex(m_proxy->index(row, 0));
            m_view->scrollTo(m_view->currentIndex());
            return true;
        }
    }
    return false;
}

} // namespace perimeter::ui
