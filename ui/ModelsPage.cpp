// SPDX-License-Identifier: Apache-2.0
#include "ModelsPage.h"
#include "ModelEditDialog.h"
#include "RegistryCloudModel.h"
#include "RegistryHistoryModel.h"
#include "RegistryModelsModel.h"
#include "service/GatewayService.h"
#include <QAction>
#include <QEvent>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace perimeter::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

template <typename T, typename F>
void whenFinished(QObject *context, QFuture<T> future, F done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done]() {
        watcher->deleteLater();
        if (watcher->future().isValid() && watcher->future().resultCount() > 0)
            done(watcher->result());
    });
    watcher->setFuture(future);
}

} // namespace

ModelsPage::ModelsPage(service::GatewayService *service, QWidget *parent) : QWidget(parent), m_service(service)
{
    setObjectName(QStringLiteral("modelsPage"));
    m_onPrem = new RegistryModelsModel(this);
    m_cloud = new RegistryCloudModel(this);
    m_history = new RegistryHistoryModel(this);
    m_onPremProxy = new QSortFilterProxyModel(this);
    m_onPremProxy->setSourceModel(m_onPrem);
    m_onPremProxy->setSortRole(RegistryModelsModel::SortRole);
    m_cloudProxy = new QSortFilterProxyModel(this);
    m_cloudProxy->setSourceModel(m_cloud);
    m_cloudProxy->setSortRole(RegistryCloudModel::SortRole);

    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("modelsToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_addAction = toolbar->addAction(QString(), this, [this]() { openAddDialog(); });
    m_addAction->setShortcut(QKeySequence::New);
    m_editAction = toolbar->addAction(QString(), this, [this]() { openEditDialog(); });
    m_editAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_retireAction = toolbar->addAction(QString(), this, &ModelsPage::confirmRetire);
    m_retireAction->setShortcut(QKeySequence::Delete);
    toolbar->addSeparator();
    m_refreshAction = toolbar->addAction(QString(), this, &ModelsPage::refresh);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    for (auto *action : {m_addAction, m_editAction, m_retireAction, m_refreshAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_onPremView = makeTable(m_onPremProxy, this, QStringLiteral("onPremModels"));
    m_onPremView->setSortingEnabled(true);
    m_onPremView->sortByColumn(RegistryModelsModel::Name, Qt::AscendingOrder);
    connect(m_onPremView, &QTableView::activated, this, [this]() { openEditDialog(); });
    m_cloudView = makeTable(m_cloudProxy, this, QStringLiteral("cloudModels"));
    m_cloudView->setSortingEnabled(true);
    m_cloudView->sortByColumn(RegistryCloudModel::Name, Qt::AscendingOrder);
    m_historyView = makeTable(m_history, this, QStringLiteral("modelHistory"));

    m_onPremBox = new QGroupBox(this);
    (new QVBoxLayout(m_onPremBox))->addWidget(m_onPremView);
    m_cloudBox = new QGroupBox(this);
    (new QVBoxLayout(m_cloudBox))->addWidget(m_cloudView);
    m_historyBox = new QGroupBox(this);
    (new QVBoxLayout(m_historyBox))->addWidget(m_historyView);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_onPremBox);
    top->addWidget(m_cloudBox);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    top->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("modelsSplitter"));
    split->addWidget(top);
    split->addWidget(m_historyBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("modelsStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(toolbar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_onPremView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this]() {
        updateActions();
        loadHistory();
    });
    connect(m_service, &service::GatewayService::registryChanged, this, &ModelsPage::refresh);
    connect(m_service, &service::GatewayService::started, this, &ModelsPage::refresh);
    connect(m_service, &service::GatewayService::stopped, this, &ModelsPage::refresh);

    // Health changes without any registry change: sample it while the page is visible.
    m_healthTimer = new QTimer(this);
    m_healthTimer->setInterval(5000);
    connect(m_healthTimer, &QTimer::timeout, this, &ModelsPage::refresh);

    retranslate();
    updateActions();
}

QString ModelsPage::statusText() const
{
    return m_statusText;
}

void ModelsPage::setStatus(const QString &text)
{
    m_statusText = text;
    m_status->setText(text);
}

void ModelsPage::retranslate()
{
    m_intro->setText(tr("On-prem models come from the model registry (seeded from the configuration); changes are served at once, "
                        "without a restart. Cloud models and their prices come from the configuration's endpoints and cost table."));
    m_addAction->setText(tr("&Add model…"));
    m_addAction->setToolTip(tr("Register an on-prem model version (Ctrl+N)"));
    m_editAction->setText(tr("&Edit…"));
    m_editAction->setToolTip(tr("Change the selected version (F2)"));
    m_retireAction->setText(tr("&Retire"));
    m_retireAction->setToolTip(tr("Stop serving the selected version (Del)"));
    m_refreshAction->setText(tr("Re&fresh"));
    m_refreshAction->setToolTip(tr("Read the registry and endpoint health again (F5)"));
    m_onPremBox->setTitle(tr("On-prem models (registry)"));
    m_cloudBox->setTitle(tr("Cloud models (configuration) with list prices"));
    m_historyBox->setTitle(m_historyName.isEmpty() ? tr("Version history") : tr("Version history of %1").arg(m_historyName));
}

void ModelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_healthTimer->start();
    refresh();
}

void ModelsPage::hideEvent(QHideEvent *event)
{
    m_healthTimer->stop();
    QWidget::hideEvent(event);
}

void ModelsPage::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    whenFinished(this, m_service->registryView(), [this](const service::RegistryView &view) {
        m_loading = false;
        applyView(view);
    });
}

void ModelsPage::applyView(const service::RegistryView &view)
{
    const registry::ModelRecord *selected = selectedRecord();
    const QString name = selected ? selected->name : QString();
    const QString version = selected ? selected->version : QString();
    m_view = view;
    m_onPrem->setView(view);
    m_cloud->setModels(view.cloudModels);
    if (!name.isEmpty())
        selectModel(name, version);
    if (!view.ok) {
        setStatus(view.error);
    } else {
        int served = 0;
        for (const auto &r : view.records)
            served += view.servedVersions.contains(r.key()) ? 1 : 0;
        QString text = tr("%n registered version(s), %1 served on-prem; %2 cloud model(s).", nullptr, int(view.records.size()))
                           .arg(served)
                           .arg(view.cloudModels.size());
        if (!view.healthChecksEnabled)
            text += QLatin1Char(' ') + tr("Health checks are off: health shows only failures seen by requests.");
        if (!m_lastChange.isEmpty())
            text += QLatin1Char(' ') + m_lastChange;
        setStatus(text);
    }
    updateActions();
    loadHistory();
    Q_EMIT viewLoaded(view.ok);
}

const registry::ModelRecord *ModelsPage::selectedRecord() const
{
    const QModelIndex current = m_onPremView->selectionModel()->currentIndex();
    if (!current.isValid())
        return nullptr;
    return m_onPrem->record(m_onPremProxy->mapToSource(current).row());
}

void ModelsPage::selectModel(const QString &name, const QString &version)
{
    const int row = m_onPrem->rowOf(name, version);
    if (row < 0)
        return;
    const QModelIndex index = m_onPremProxy->mapFromSource(m_onPrem->index(row, 0));
    m_onPremView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ModelsPage::updateActions()
{
    const bool running = m_view.ok;
    const auto *r = selectedRecord();
    m_addAction->setEnabled(running);
    m_editAction->setEnabled(running && r);
    m_retireAction->setEnabled(running && r && r->status != registry::ModelStatus::Retired);
}

void ModelsPage::loadHistory()
{
    const auto *r = selectedRecord();
    const QString name = r ? r->name : QString();
    m_historyName = name;
    retranslate();
    if (!m_view.ok) {
        m_history->setEntries({});
        return;
    }
    // No selection: every change, so the page also shows what was seeded and by whom.
    whenFinished(this, m_service->registryHistory(name), [this, name](const service::RegistryHistoryResult &result) {
        if (name != m_historyName)
            return; // the selection moved on meanwhile
        m_history->setEntries(result.ok ? result.entries : QList<registry::HistoryEntry>{});
        if (!result.ok)
            setStatus(result.error);
        Q_EMIT historyLoaded();
    });
}

ModelEditDialog *ModelsPage::openAddDialog()
{
    if (!m_view.ok || m_dialog)
        return m_dialog;
    auto *dialog = new ModelEditDialog(ModelEditDialog::Mode::Add, m_view.onPremEndpoints, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModelEditDialog::submitted, this, [this, dialog]() { submit(dialog); });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

ModelEditDialog *ModelsPage::openEditDialog()
{
    const auto *r = selectedRecord();
    if (!m_view.ok || !r || m_dialog)
        return m_dialog;
    auto *dialog = new ModelEditDialog(ModelEditDialog::Mode::Edit, m_view.onPremEndpoints, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRecord(*r);
    connect(dialog, &ModelEditDialog::submitted, this, [this, dialog]() { submit(dialog); });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

void ModelsPage::submit(ModelEditDialog *dialog)
{
    service::RegistryChange change;
    change.comment = dialog->comment();
    if (dialog->mode() == ModelEditDialog::Mode::Add) {
        change.action = service::RegistryChange::Action::Add;
        change.record = dialog->record();
    } else {
        change.action = service::RegistryChange::Action::Edit;
        change.record = dialog->original();
        change.patch = dialog->patch();
    }
    dialog->setBusy(true);
    QPointer<ModelEditDialog> guard(dialog);
    whenFinished(this, m_service->changeModel(change), [this, guard](const service::RegistryChangeResult &result) {
        if (guard) {
            guard->setBusy(false);
            if (result.ok)
                guard->accept();
            else
                guard->showProblems(result.problems.isEmpty() ? QStringList{result.message} : result.problems);
        }
        if (result.ok) {
            m_lastChange = tr("Saved %1 version %2; the gateway serves the change now.").arg(result.record.name, result.record.version);
            setStatus(m_lastChange);
            selectModel(result.record.name, result.record.version);
        }
        Q_EMIT changeFinished(result);
    });
}

void ModelsPage::confirmRetire()
{
    const auto *r = selectedRecord();
    if (!r)
        return;
    const QString name = r->name;
    const QString version = r->version;
    const auto answer = QMessageBox::question(this, tr("Retire model"),
                                              tr("Retire %1 version %2? The gateway stops serving it now; callers asking for it get "
                                                 "\"model not found\" unless another version is in service.")
                                                  .arg(name, version));
    if (answer == QMessageBox::Yes) {
        selectModel(name, version);
        retireSelected(tr("retired in the console"));
    }
}

void ModelsPage::retireSelected(const QString &comment)
{
    const auto *r = selectedRecord();
    if (!r)
        return;
    service::RegistryChange change;
    change.action = service::RegistryChange::Action::Retire;
    change.record = *r;
    change.comment = comment;
    whenFinished(this, m_service->changeModel(change), [this](const service::RegistryChangeResult &result) {
        if (result.ok) {
            m_lastChange = tr("Retired %1 version %2.").arg(result.record.name, result.record.version);
            setStatus(m_lastChange);
        } else
            setStatus(result.problems.isEmpty() ? result.message : result.problems.join(QLatin1Char('\n')));
        Q_EMIT changeFinished(result);
    });
}

} // namespace perimeter::ui
