// SPDX-License-Identifier: Apache-2.0
#include "PolicyEditorPage.h"
#include "PolicyCellDelegate.h"
#include "PolicyHistoryModel.h"
#include "PolicyLevelsModel.h"
#include "PolicyMarkersModel.h"
#include "PolicyModelRulesModel.h"
#include "PolicyOverridesModel.h"
#include "PolicyRecognizersModel.h"
#include "PolicyTypesModel.h"
#include "service/GatewayService.h"
#include <QAction>
#include <QDate>
#include <QEvent>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace perimeter::ui {

namespace {

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

// The next version string after `active`: today's date with a running number.
QString nextVersion(const QString &active)
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    if (active.startsWith(today + QLatin1Char('.'))) {
        bool ok = false;
        const int n = active.mid(today.size() + 1).toInt(&ok);
        if (ok)
            return today + QLatin1Char('.') + QString::number(n + 1);
    }
    return today + QStringLiteral(".1");
}

QString pointerOf(const QString &problem)
{
    const auto colon = problem.indexOf(QLatin1String(": "));
    return colon < 0 ? problem : problem.left(colon);
}

} // namespace

PolicyEditorPage::PolicyEditorPage(service::GatewayService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("policyEditorPage"));
    m_models = {new PolicyLevelsModel(this), new PolicyTypesModel(this), new PolicyOverridesModel(this),
                new PolicyMarkersModel(this), new PolicyRecognizersModel(this), new PolicyModelRulesModel(this)};
    m_history = new PolicyHistoryModel(this);

    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("policyStatus"));
    m_status->setWordWrap(true);

    m_versionLabel = new QLabel(this);
    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("policyVersion"));
    m_versionLabel->setBuddy(m_version);
    m_commentLabel = new QLabel(this);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("policyComment"));
    m_commentLabel->setBuddy(m_comment);
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("policyApply"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_revert = new QPushButton(this);
    m_revert->setObjectName(QStringLiteral("policyRevert"));
    m_reload = new QPushButton(this);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_reload);
    header->addWidget(m_revert);
    header->addWidget(m_apply);
    auto *fields = new QHBoxLayout;
    fields->addWidget(m_versionLabel);
    fields->addWidget(m_version, 1);
    fields->addWidget(m_commentLabel);
    fields->addWidget(m_comment, 3);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("policyTabs"));
    for (int s = 0; s < SectionCount; ++s)
        m_tabs->addTab(makeSectionTab(s), QString());

    auto *jsonPage = new QWidget(this);
    m_json = new QPlainTextEdit(jsonPage);
    m_json->setObjectName(QStringLiteral("policyJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setTabChangesFocus(true);
    m_jsonHint = new QLabel(jsonPage);
    m_jsonHint->setWordWrap(true);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->addWidget(m_jsonHint);
    jsonLayout->addWidget(m_json, 1);
    m_tabs->addTab(jsonPage, QString());

    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(QStringLiteral("policyDiff"));
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tabs->addTab(m_diff, QString());

    auto *historyPage = new QWidget(this);
    m_historyView = new QTableView(historyPage);
    m_historyView->setObjectName(QStringLiteral("policyHistory"));
    m_historyView->setModel(m_history);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->verticalHeader()->hide();
    m_historyDiff = new QPushButton(historyPage);
    m_rollback = new QPushButton(historyPage);
    m_rollback->setObjectName(QStringLiteral("policyRollback"));
    m_historyRefresh = new QPushButton(historyPage);
    auto *historyButtons = new QHBoxLayout;
    historyButtons->addWidget(m_historyDiff);
    historyButtons->addWidget(m_rollback);
    historyButtons->addStretch(1);
    historyButtons->addWidget(m_historyRefresh);
    auto *historyLayout = new QVBoxLayout(historyPage);
    historyLayout->addWidget(m_historyView, 1);
    historyLayout->addLayout(historyButtons);
    m_tabs->addTab(historyPage, QString());

    auto *problemsBox = new QWidget(this);
    m_problemsLabel = new QLabel(problemsBox);
    m_problems = new QListWidget(problemsBox);
    m_problems->setObjectName(QStringLiteral("policyProblems"));
    m_problemsLabel->setBuddy(m_problems);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    problemsLayout->addWidget(m_problemsLabel);
    problemsLayout->addWidget(m_problems, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(problemsBox);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addLayout(fields);
    layout->addWidget(splitter, 1);

    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(300);
    connect(m_validateTimer, &QTimer::timeout, this, &PolicyEditorPage::validateNow);
    m_jsonTimer = new QTimer(this);
    m_jsonTimer->setSingleShot(true);
    m_jsonTimer->setInterval(400);
    connect(m_jsonTimer, &QTimer::timeout, this, &PolicyEditorPage::onJsonEdited);

    for (auto *model : m_models)
        connect(model, &PolicyTableModel::edited, this, &PolicyEditorPage::onTablesEdited);
    connect(m_version, &QLineEdit::textEdited, this, &PolicyEditorPage::onTablesEdited);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this]() {
        if (!m_syncing) {
            m_validationPending = true;
            m_jsonTimer->start();
            updateState();
        }
    });
    connect(m_apply, &QPushButton::clicked, this, &PolicyEditorPage::applyChanges);
    connect(m_revert, &QPushButton::clicked, this, &PolicyEditorPage::revertChanges);
    connect(m_reload, &QPushButton::clicked, this, &PolicyEditorPage::reloadActive);
    connect(m_historyRefresh, &QPushButton::clicked, this, &PolicyEditorPage::refreshHistory);
    connect(m_rollback, &QPushButton::clicked, this, &PolicyEditorPage::askRollback);
    connect(m_historyDiff, &QPushButton::clicked, this, [this]() {
        const QModelIndex current = m_historyView->currentIndex();
        if (!current.isValid())
            return;
        const qint64 sequence = m_history->data(current.siblingAtColumn(0), PolicyHistoryModel::SequenceRole).toLongLong();
        auto *watcher = new QFutureWatcher<service::PolicyHistoryResult>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, sequence]() {
            watcher->deleteLater();
            const auto result = watcher->result();
            if (!result.ok || result.versions.isEmpty()) {
                m_status->setText(tr("Version #%1 cannot be read: %2").arg(sequence).arg(result.error));
                return;
            }
            m_historyDiffText = tr("Changes from version #%1 (%2) to the active policy:").arg(sequence).arg(result.versions.first().version);
            m_diff->clear();
            m_diff->appendPlainText(m_historyDiffText);
            const QStringList lines = service::GatewayService::diffPolicies(result.versions.first().content, m_service->activePolicyJson());
            for (const QString &line : lines) {
                if (line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("+ ")))
                    m_diff->appendPlainText(line);
            }
            m_tabs->setCurrentIndex(DiffTab);
        });
        watcher->setFuture(m_service->policyVersion(sequence));
    });
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { goToProblem(item->text()); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab == DiffTab && m_historyDiffText.isEmpty())
            updateDiff();
        if (tab != DiffTab)
            m_historyDiffText.clear();
        if (tab == HistoryTab)
            refreshHistory();
    });

    connect(m_service, &service::GatewayService::started, this, [this]() {
        reloadActive();
        refreshHistory();
    });
    connect(m_service, &service::GatewayService::stateChanged, this, &PolicyEditorPage::updateState);
    connect(m_service, &service::GatewayService::policyChanged, this, [this](const QString &version) {
        if (version == m_activeVersion || m_applyId != 0)
            return; // our own apply reloads when it finishes
        if (isDirty()) {
            // Keep the user's edits; the baseline moves under them.
            m_active = parseObject(m_service->activePolicyJson());
            m_activeVersion = version;
            m_status->setText(tr("The active policy changed to %1 outside this editor; your edits are kept (Reload discards them).").arg(version));
            updateState();
        } else {
            reloadActive();
        }
        refreshHistory();
    });
    connect(m_service, &service::GatewayService::policyApplyFinished, this, &PolicyEditorPage::onApplyFinished);

    retranslate();
    if (m_service->isRunning())
        reloadActive();
    else
        updateState();
}

QWidget *PolicyEditorPage::makeSectionTab(int section)
{
    auto *page = new QWidget(this);
    auto *view = new QTableView(page);
    view->setObjectName(QStringLiteral("policySection%1").arg(section));
    view->setModel(m_models.at(section));
    view->setItemDelegate(new PolicyCellDelegate(view));
    view->setSelectionBehavior(QAbstractItemView::SelectItems);
    view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    m_views.append(view);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(view, 1);
    auto *add = new QPushButton(page);
    auto *remove = new QPushButton(page);
    m_addButtons.append(add);
    m_removeButtons.append(remove);
    if (m_models.at(section)->canAddRows()) {
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(add);
        buttons->addWidget(remove);
        buttons->addStretch(1);
        layout->addLayout(buttons);
        auto *addAction = new QAction(view);
        addAction->setShortcut(QKeySequence(Qt::Key_Insert));
        addAction->setShortcutContext(Qt::WidgetShortcut);
        view->addAction(addAction);
        auto *removeAction = new QAction(view);
        removeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
        removeAction->setShortcutContext(Qt::WidgetShortcut);
        view->addAction(removeAction);
        auto addRow = [this, section, view]() {
            auto *model = m_models.at(section);
            const int row = model->rowCount();
            if (model->insertRows(row, 1)) {
                view->setCurrentIndex(model->index(row, 0));
                view->setFocus();
            }
        };
        auto removeRow = [this, section, view]() {
            const QModelIndex current = view->currentIndex();
            if (current.isValid())
                m_models.at(section)->removeRows(current.row(), 1);
        };
        connect(add, &QPushButton::clicked, this, addRow);
        connect(addAction, &QAction::triggered, this, addRow);
        connect(remove, &QPushButton::clicked, this, removeRow);
        connect(removeAction, &QAction::triggered, this, removeRow);
    } else {
        add->hide();
        remove->hide();
    }
    return page;
}

void PolicyEditorPage::retranslate()
{
    m_title->setText(tr("Policy"));
    m_versionLabel->setText(tr("V&ersion:"));
    m_version->setPlaceholderText(tr("empty: derived from the content"));
    m_commentLabel->setText(tr("&Comment:"));
    m_comment->setPlaceholderText(tr("why this change (kept in the version history)"));
    m_apply->setText(tr("&Apply"));
    m_apply->setToolTip(tr("Validate and apply the edited policy to new requests (Ctrl+Enter)"));
    m_revert->setText(tr("Rever&t"));
    m_revert->setToolTip(tr("Discard the edits and show the active policy again"));
    m_reload->setText(tr("&Reload"));
    m_reload->setToolTip(tr("Load the active policy from the gateway"));
    const QString titles[] = {tr("&Levels"), tr("T&ypes"), tr("&Overrides"), tr("&Markers"), tr("Recog&nizers"), tr("Mo&dels"),
                              tr("&JSON"), tr("D&iff"), tr("&History")};
    for (int i = 0; i < m_tabs->count(); ++i)
        m_tabs->setTabText(i, titles[i]);
    for (int s = 0; s < SectionCount; ++s) {
        m_addButtons.at(s)->setText(tr("Add row"));
        m_addButtons.at(s)->setToolTip(tr("Add a row (Insert in the table)"));
        m_removeButtons.at(s)->setText(tr("Remove row"));
        m_removeButtons.at(s)->setToolTip(tr("Remove the current row (Ctrl+Delete in the table)"));
    }
    m_jsonHint->setText(tr("The whole policy document. Edits here update the tables (and the other way round); "
                           "see docs/policy-reference.md for every key."));
    m_historyDiff->setText(tr("Compare &with active"));
    m_rollback->setText(tr("Roll &back to this version…"));
    m_historyRefresh->setText(tr("Refresh"));
    m_problemsLabel->setText(tr("&Problems (by JSON path; Enter goes to the cell):"));
    updateState();
}

void PolicyEditorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PolicyEditorPage::loadDocument(const QJsonObject &document, bool asBaseline)
{
    m_document = document;
    for (auto *model : m_models)
        model->load(document, asBaseline);
    m_version->setText(document.value(QLatin1String("version")).toString());
    for (auto *view : m_views)
        view->resizeColumnsToContents();
    m_syncing = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)));
    m_syncing = false;
    m_jsonError.clear();
    scheduleValidation();
}

void PolicyEditorPage::reloadActive()
{
    m_activeVersion = m_service->policyVersion();
    m_active = parseObject(m_service->activePolicyJson());
    m_comment->clear();
    loadDocument(m_active, true);
    // The baseline is the active policy as the tables write it (e.g. default levels written
    // out), so that loading alone never counts as an edit.
    m_active = document();
    m_document = m_active;
    m_status->setText(m_service->isRunning() ? tr("Editing the active policy %1.").arg(m_activeVersion) : QString());
    updateDiff();
}

void PolicyEditorPage::revertChanges()
{
    for (auto *model : m_models)
        model->revert();
    m_document = m_active;
    m_version->setText(m_active.value(QLatin1String("version")).toString());
    m_syncing = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_active).toJson(QJsonDocument::Indented)));
    m_syncing = false;
    m_jsonError.clear();
    m_comment->clear();
    scheduleValidation();
}

QJsonObject PolicyEditorPage::document() const
{
    QJsonObject doc = m_document;
    const QString version = m_version->text().trimmed();
    if (version.isEmpty())
        doc.remove(QLatin1String("version"));
    else
        doc.insert(QLatin1String("version"), version);
    for (auto *model : m_models)
        model->store(doc);
    return doc;
}

bool PolicyEditorPage::isDirty() const
{
    return document() != m_active || !m_jsonError.isEmpty();
}

bool PolicyEditorPage::isValidationPending() const
{
    return m_validationPending;
}

void PolicyEditorPage::onTablesEdited()
{
    if (auto *model = qobject_cast<PolicyTableModel *>(sender())) {
        // A new or longer value stays readable.
        if (auto *view = m_views.value(int(m_models.indexOf(model))))
            view->resizeColumnsToContents();
    }
    m_document = document();
    m_syncing = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(m_document).toJson(QJsonDocument::Indented)));
    m_syncing = false;
    m_jsonError.clear();
    scheduleValidation();
}

void PolicyEditorPage::onJsonEdited()
{
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson(m_json->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !parsed.isObject()) {
        m_jsonError = error.error != QJsonParseError::NoError
                          ? tr("/: not valid JSON: %1 (at character %2)").arg(error.errorString()).arg(error.offset)
                          : tr("/: must be an object");
        m_validationPending = false;
        m_valid = false;
        showProblems({});
        updateState();
        Q_EMIT validated(false);
        return;
    }
    m_jsonError.clear();
    // The tables follow the text; the text keeps the user's formatting while typing.
    m_document = parsed.object();
    for (auto *model : m_models)
        model->load(m_document, false);
    m_version->setText(m_document.value(QLatin1String("version")).toString());
    scheduleValidation();
}

void PolicyEditorPage::scheduleValidation()
{
    m_validationPending = true;
    ++m_validationGeneration;
    m_validateTimer->start();
    updateState();
}

void PolicyEditorPage::validateNow()
{
    const quint64 generation = ++m_validationGeneration;
    const QByteArray bytes = QJsonDocument(document()).toJson(QJsonDocument::Compact);
    auto *watcher = new QFutureWatcher<service::PolicyValidation>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        if (generation != m_validationGeneration)
            return; // a newer edit is being validated
        const auto result = watcher->result();
        m_validationPending = false;
        m_valid = result.valid;
        showProblems(result.problems);
        updateState();
        Q_EMIT validated(m_valid && problems().isEmpty());
    });
    watcher->setFuture(m_service->validatePolicy(bytes));
}

void PolicyEditorPage::showProblems(const QStringList &core)
{
    m_coreProblems = core;
    for (auto *model : m_models)
        model->setCoreProblems(core);
    m_problems->clear();
    m_problems->addItems(problems());
    m_problemsLabel->setEnabled(m_problems->count() > 0);
}

QStringList PolicyEditorPage::problems() const
{
    if (!m_jsonError.isEmpty())
        return {m_jsonError};
    QStringList out = m_coreProblems;
    // The tables' own checks add what the core did not already report for that cell.
    for (auto *model : m_models) {
        for (const QString &local : model->localProblems()) {
            const QString pointer = pointerOf(local);
            const bool covered = std::any_of(m_coreProblems.cbegin(), m_coreProblems.cend(), [&](const QString &p) {
                const QString cp = pointerOf(p);
                return cp == pointer || cp.startsWith(pointer + QLatin1Char('/'));
            });
            if (!covered)
                out.append(local);
        }
    }
    return out;
}

bool PolicyEditorPage::canApply() const
{
    return m_service->isRunning() && !m_validationPending && m_valid && m_applyId == 0 && problems().isEmpty() && isDirty();
}

void PolicyEditorPage::updateState()
{
    const bool running = m_service->isRunning();
    const bool dirty = isDirty();
    m_apply->setEnabled(canApply());
    m_revert->setEnabled(dirty);
    m_reload->setEnabled(running);
    m_rollback->setEnabled(running && m_applyId == 0);
    const QString marker = QStringLiteral(" \u2022"); // a bullet: the tab has edits
    for (int s = 0; s < SectionCount && s < m_tabs->count(); ++s) {
        const QString text = m_tabs->tabText(s);
        const bool marked = text.endsWith(marker);
        if (m_models.at(s)->isDirty() && !marked)
            m_tabs->setTabText(s, text + marker);
        else if (!m_models.at(s)->isDirty() && marked)
            m_tabs->setTabText(s, text.chopped(marker.size()));
    }
    if (!running) {
        m_status->setText(tr("Start the gateway to edit its policy."));
        return;
    }
    if (m_applyId != 0)
        return;
    QString state;
    const int count = int(problems().size());
    if (m_validationPending)
        state = tr("Checking…");
    else if (count > 0)
        state = tr("%n problem(s): this policy cannot be applied.", nullptr, count);
    else if (dirty)
        state = tr("Valid; not applied yet.");
    else
        state = tr("No changes.");
    m_status->setText(tr("Active policy: %1. Edited policy: %2").arg(m_activeVersion, state));
}

void PolicyEditorPage::updateDiff()
{
    m_diff->clear();
    const QByteArray edited = QJsonDocument(document()).toJson(QJsonDocument::Compact);
    const QStringList lines = service::GatewayService::diffPolicies(m_service->activePolicyJson(), edited);
    bool any = false;
    for (const QString &line : lines)
        any = any || !line.startsWith(QLatin1String("  "));
    if (!any) {
        m_diff->appendPlainText(tr("No differences from the active policy %1.").arg(m_activeVersion));
        return;
    }
    m_diff->appendPlainText(tr("Changes from the active policy %1 to the edited one:").arg(m_activeVersion));
    for (const QString &line : lines)
        m_diff->appendPlainText(line);
}

void PolicyEditorPage::goToProblem(const QString &problem)
{
    const QString pointer = pointerOf(problem);
    for (int s = 0; s < SectionCount; ++s) {
        const QModelIndex at = m_models.at(s)->indexForPath(pointer);
        if (at.isValid()) {
            m_tabs->setCurrentIndex(s);
            m_views.at(s)->setCurrentIndex(at);
            m_views.at(s)->setFocus();
            return;
        }
    }
    m_tabs->setCurrentIndex(JsonTab);
    m_json->setFocus();
}

bool PolicyEditorPage::applyChanges()
{
    if (!m_service->isRunning() || m_applyId != 0)
        return false;
    if (!problems().isEmpty() || !m_jsonError.isEmpty()) {
        m_status->setText(tr("The policy has problems and cannot be applied; see the list below."));
        return false;
    }
    if (!isDirty())
        return false;
    // A changed policy needs a new version string, or the history could not tell them apart.
    const QString version = m_version->text().trimmed();
    if (!version.isEmpty() && version == m_activeVersion) {
        m_version->setText(nextVersion(m_activeVersion));
        m_document = document();
    }
    const QByteArray bytes = QJsonDocument(document()).toJson(QJsonDocument::Indented);
    m_applyId = m_service->applyPolicy(bytes, m_comment->text().trimmed());
    m_status->setText(tr("Applying…"));
    updateState();
    return true;
}

void PolicyEditorPage::rollbackTo(qint64 sequence)
{
    if (!m_service->isRunning() || m_applyId != 0)
        return;
    m_applyId = m_service->rollbackPolicy(sequence);
    m_status->setText(tr("Rolling back to version #%1…").arg(sequence));
    updateState();
}

void PolicyEditorPage::askRollback()
{
    const QModelIndex current = m_historyView->currentIndex();
    if (!current.isValid()) {
        m_status->setText(tr("Select a version in the history first."));
        return;
    }
    const auto version = m_history->versionAt(current.row());
    const auto answer = QMessageBox::question(this, tr("Roll back the policy"),
                                              tr("Apply version #%1 (%2) again? New requests will be routed under it.")
                                                  .arg(version.sequence)
                                                  .arg(version.version));
    if (answer == QMessageBox::Yes)
        rollbackTo(version.sequence);
}

void PolicyEditorPage::onApplyFinished(quint64 id, const service::PolicyApplyResult &result)
{
    if (id != m_applyId)
        return;
    m_applyId = 0;
    if (!result.applied) {
        m_valid = result.problems.isEmpty() && m_valid;
        if (!result.problems.isEmpty())
            showProblems(result.problems);
        updateState();
        m_status->setText(result.error);
        Q_EMIT applyFinished(false, result.error);
        return;
    }
    reloadActive();
    refreshHistory();
    const QString message = tr("Policy %1 applied (history #%2); new requests use it.").arg(result.version).arg(result.sequence);
    m_status->setText(message);
    Q_EMIT applyFinished(true, message);
}

void PolicyEditorPage::refreshHistory()
{
    if (!m_service->snapshot())
        return;
    auto *watcher = new QFutureWatcher<service::PolicyHistoryResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher]() {
        watcher->deleteLater();
        const auto result = watcher->result();
        if (result.ok) {
            m_history->setVersions(result.versions);
            m_history->setActiveVersion(m_service->policyVersion());
            m_historyView->resizeColumnsToContents();
        } else {
            m_status->setText(tr("The version history cannot be read: %1").arg(result.error));
        }
        Q_EMIT historyRefreshed();
    });
    watcher->setFuture(m_service->policyHistory());
}

} // namespace perimeter::ui
