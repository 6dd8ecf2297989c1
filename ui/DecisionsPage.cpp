// SPDX-License-Identifier: Apache-2.0
#include "DecisionsPage.h"
#include "AuditFilterProxyModel.h"
#include "AuditTableModel.h"
#include "ReportExportDialog.h"
#include "service/GatewayService.h"
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
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
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("exportFilterButton"));
    m_count = new QLabel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("decisionsView"));
    m_details = new QTreeWidget(this);
    m_details->setObjectName(QStringLiteral("decisionDetails"));
    m_review = new QComboBox(this);
    m_review->setObjectName(QStringLiteral("reviewFilter"));
    for (const char *review : {"", "unreviewed", "flagged", "reviewed"})
        m_review->addItem(QString(), QLatin1String(review));
    m_reviewLabel = new QLabel(this);
    m_reviewComment = new QLineEdit(this);
    m_reviewComment->setObjectName(QStringLiteral("reviewComment"));
    m_reviewComment->setMaxLength(2000);
    m_reviewLabel->setBuddy(m_reviewComment);
    m_markReviewed = new QPushButton(this);
    m_markReviewed->setObjectName(QStringLiteral("markReviewed"));
    m_flag = new QPushButton(this);
    m_flag->setObjectName(QStringLiteral("flagDecision"));
    m_reviewStatus = new QLabel(this);
    m_reviewStatus->setWordWrap(true);

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
    // The review state next to the time, where a security officer looks first.
    m_view->horizontalHeader()->moveSection(AuditTableModel::Review, AuditTableModel::Caller);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);

    m_details->setColumnCount(2);
    m_details->setRootIsDecorated(false);
    m_details->setAlternatingRowColors(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_tier, 1);
    filters->addWidget(m_decision, 1);
    filters->addWidget(m_review, 1);
    filters->addWidget(m_period, 1);
    filters->addWidget(m_refresh);
    filters->addWidget(m_export);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("decisionsSplitter"));
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_details, 1);
    sideLayout->addWidget(m_reviewLabel);
    sideLayout->addWidget(m_reviewComment);
    auto *reviewButtons = new QHBoxLayout;
    reviewButtons->addWidget(m_markReviewed);
    reviewButtons->addWidget(m_flag);
    reviewButtons->addStretch(1);
    sideLayout->addLayout(reviewButtons);
    sideLayout->addWidget(m_reviewStatus);
    splitter->addWidget(m_view);
    splitter->addWidget(side);
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
    connect(m_review, &QComboBox::currentIndexChanged, this, [this]() {
        m_proxy->setReview(m_review->currentData().toString());
        updateCount();
    });
    connect(m_markReviewed, &QPushButton::clicked, this, [this]() { markSelected(QStringLiteral("reviewed")); });
    connect(m_flag, &QPushButton::clicked, this, [this]() { markSelected(QStringLiteral("flagged")); });
    connect(m_reviewComment, &QLineEdit::returnPressed, this, [this]() { markSelected(QStringLiteral("reviewed")); });
    connect(&m_reviewsWatcher, &QFutureWatcher<service::ReviewResult>::finished, this, [this]() {
        const auto result = m_reviewsWatcher.result();
        if (!result.ok)
            return;
        QHash<QString, observe::DecisionReview> reviews;
        for (const auto &r : result.reviews)
            reviews.insert(r.requestId, r);
        m_model->setReviews(std::move(reviews));
        updateCount();
        showDetails();
    });
    connect(m_period, &QComboBox::currentIndexChanged, this, &DecisionsPage::refresh);
    connect(m_refresh, &QPushButton::clicked, this, &DecisionsPage::refresh);
    connect(m_export, &QPushButton::clicked, this, &DecisionsPage::exportCurrentFilter);
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
    m_review->setItemText(0, tr("Any review state"));
    m_review->setItemText(1, tr("Unreviewed"));
    m_review->setItemText(2, tr("Flagged"));
    m_review->setItemText(3, tr("Reviewed"));
    m_reviewLabel->setText(tr("Review co&mment:"));
    m_reviewComment->setPlaceholderText(tr("what you checked, or what is wrong (required to flag)"));
    m_markReviewed->setText(tr("Mark revie&wed"));
    m_markReviewed->setToolTip(tr("Record that you reviewed the selected decision (Ctrl+Shift+R)"));
    m_markReviewed->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_flag->setText(tr("F&lag"));
    m_flag->setToolTip(tr("Flag the selected decision for follow-up, with the comment (Ctrl+Shift+F)"));
    m_flag->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_period->setItemText(0, tr("Last hour"));
    m_period->setItemText(1, tr("Last 24 hours"));
    m_period->setItemText(2, tr("Last 7 days"));
    m_period->setItemText(3, tr("Last 30 days"));
    m_period->setItemText(4, tr("Everything"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Read the audit trail again (F5)"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_export->setText(tr("E&xport current filter…"));
    m_export->setToolTip(tr("Write an audit report (PDF, CSV, JSON) of the period, tier and decision shown"));
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

void DecisionsPage::setReviewFilter(const QString &review)
{
    m_review->setCurrentIndex(qMax(0, m_review->findData(review)));
}

QString DecisionsPage::reviewStatusText() const
{
    return m_reviewStatus->text();
}

void DecisionsPage::loadReviews()
{
    if (!m_reviewsWatcher.isRunning())
        m_reviewsWatcher.setFuture(m_service->decisionReviews());
}

void DecisionsPage::loadReviewLog(const QString &requestId)
{
    auto *watcher = new QFutureWatcher<service::ReviewResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, requestId]() {
        watcher->deleteLater();
        const auto result = watcher->result();
        const auto *current = m_model->record(m_proxy->mapToSource(m_view->currentIndex()).row());
        if (!result.ok || !current || current->requestId != requestId)
            return;
        m_reviewLog = result.reviews;
        m_reviewLogFor = requestId;
        showDetails();
    });
    watcher->setFuture(m_service->decisionReviewLog(requestId));
}

void DecisionsPage::loadTrace(const QString &requestId)
{
    m_traceFor = requestId; // also when it fails: no retry loop from showDetails()
    m_traceJson.clear();
    auto *watcher = new QFutureWatcher<service::DecisionTraceResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, requestId]() {
        watcher->deleteLater();
        const auto result = watcher->result();
        if (!result.ok || m_traceFor != requestId)
            return;
        m_traceJson = result.traceJson;
        if (!m_traceJson.isEmpty())
            showDetails();
    });
    watcher->setFuture(m_service->decisionTrace(requestId));
}

namespace {

// The trace as a tree: objects and arrays expand, scalars show their value.
void addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent, {key});
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addJson(item, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addJson(item, QString::number(i + 1), a.at(i));
    } else {
        item->setText(1, value.isString() ? value.toString() : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    }
}

} // namespace

bool DecisionsPage::markSelected(const QString &status)
{
    const auto *r = m_model->record(m_proxy->mapToSource(m_view->currentIndex()).row());
    if (!r) {
        m_reviewStatus->setText(tr("Select a decision first."));
        return false;
    }
    const QString comment = m_reviewComment->text().trimmed();
    if (status == QLatin1String("flagged") && comment.isEmpty()) {
        m_reviewStatus->setText(tr("Say in the comment what is wrong before flagging."));
        m_reviewComment->setFocus();
        Q_EMIT reviewFinished(false, m_reviewStatus->text());
        return false;
    }
    const QString requestId = r->requestId;
    auto *watcher = new QFutureWatcher<service::ReviewResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, requestId]() {
        watcher->deleteLater();
        const auto result = watcher->result();
        if (!result.ok || result.reviews.isEmpty()) {
            m_reviewStatus->setText(tr("Not recorded: %1").arg(result.error));
            Q_EMIT reviewFinished(false, m_reviewStatus->text());
            return;
        }
        const auto &review = result.reviews.first();
        m_model->setReview(review);
        m_reviewComment->clear();
        m_reviewStatus->setText(review.status == QLatin1String("flagged") ? tr("%1 flagged.").arg(requestId) : tr("%1 marked as reviewed.").arg(requestId));
        updateCount();
        loadReviewLog(requestId);
        Q_EMIT reviewFinished(true, m_reviewStatus->text());
    });
    watcher->setFuture(m_service->reviewDecision(requestId, status, comment));
    return true;
}

void DecisionsPage::setPeriodHours(int hours)
{
    const int index = m_period->findData(hours);
    if (index >= 0)
        m_period->setCurrentIndex(index);
}

report::AuditFilter DecisionsPage::reportFilter(QStringList *notApplied) const
{
    report::AuditFilter filter;
    const int hours = m_period->currentData().toInt();
    if (hours > 0)
        filter.from = QDateTime::currentDateTimeUtc().addSecs(-qint64(hours) * 3600);
    // "none" (never reached a tier) is the report filter's "" value.
    const QString tier = m_proxy->tier();
    if (!tier.isEmpty())
        filter.tiers = {tier == QLatin1String("none") ? QString() : tier};
    if (!m_proxy->decision().isEmpty())
        filter.decisions = {m_proxy->decision()};
    if (notApplied) {
        notApplied->clear();
        if (!m_proxy->text().trimmed().isEmpty())
            notApplied->append(tr("search \"%1\"").arg(m_proxy->text().trimmed()));
        if (!m_proxy->review().isEmpty())
            notApplied->append(tr("review state"));
    }
    return filter;
}

ReportExportDialog *DecisionsPage::exportCurrentFilter()
{
    auto *dialog = new ReportExportDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList notApplied;
    dialog->setFilter(reportFilter(&notApplied), notApplied);
    dialog->show();
    return dialog;
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
    loadReviews();
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
    const int sourceRow = m_proxy->mapToSource(m_view->currentIndex()).row();
    const auto *r = m_model->record(sourceRow);
    m_markReviewed->setEnabled(r != nullptr);
    m_flag->setEnabled(r != nullptr);
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
    const auto *review = m_model->review(sourceRow);
    add(tr("Review"), review ? tr("%1 by %2 at %3").arg(AuditTableModel::reviewStatusName(review->status), review->reviewer,
                                                         QLocale().toString(review->at.toLocalTime(), QLocale::ShortFormat))
                             : tr("not reviewed"));
    if (review && !review->comment.isEmpty())
        add(tr("Review comment"), review->comment);
    if (m_reviewLogFor == r->requestId && m_reviewLog.size() > 1) {
        auto *log = new QTreeWidgetItem(m_details, {tr("Review history"), tr("%n action(s)", nullptr, int(m_reviewLog.size()))});
        for (const auto &entry : m_reviewLog)
            new QTreeWidgetItem(log, {QLocale().toString(entry.at.toLocalTime(), QLocale::ShortFormat),
                                      tr("%1 by %2: %3").arg(AuditTableModel::reviewStatusName(entry.status), entry.reviewer, entry.comment)});
        log->setExpanded(true);
    } else if (m_reviewLogFor != r->requestId && review) {
        loadReviewLog(r->requestId);
    }
    if (m_traceFor == r->requestId && !m_traceJson.isEmpty()) {
        const QJsonDocument trace = QJsonDocument::fromJson(m_traceJson);
        auto *root = new QTreeWidgetItem(m_details, {tr("Decision trace")});
        if (trace.isObject()) {
            const QJsonObject o = trace.object();
            for (auto it = o.begin(); it != o.end(); ++it)
                addJson(root, it.key(), it.value());
        } else if (trace.isArray()) {
            const QJsonArray a = trace.array();
            for (qsizetype i = 0; i < a.size(); ++i)
                addJson(root, QString::number(i + 1), a.at(i));
        }
        root->setExpanded(true);
    } else if (m_traceFor != r->requestId) {
        loadTrace(r->requestId);
    }
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
