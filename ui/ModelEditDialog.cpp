// SPDX-License-Identifier: Apache-2.0
#include "ModelEditDialog.h"
#include "RegistryModelsModel.h"
#include "registry/ModelValidator.h"
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace perimeter::ui {

ModelEditDialog::ModelEditDialog(Mode mode, const QStringList &onPremEndpoints, QWidget *parent) : QDialog(parent), m_mode(mode)
{
    setObjectName(QStringLiteral("modelEditDialog"));
    setWindowTitle(mode == Mode::Add ? tr("Add an on-prem model") : tr("Edit an on-prem model"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("modelName"));
    m_name->setMaxLength(registry::ModelValidator::kMaxNameLength);
    m_name->setPlaceholderText(tr("e.g. llama-3.1-70b-instruct"));
    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("modelVersion"));
    m_version->setMaxLength(registry::ModelValidator::kMaxVersionLength);
    m_version->setPlaceholderText(tr("e.g. 2024-07 or 3.1"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("modelKind"));
    for (const char *kind : {"chat", "completion", "embedding"})
        m_kind->addItem(RegistryModelsModel::kindText(QLatin1String(kind)), QLatin1String(kind));
    m_endpoints = new QListWidget(this);
    m_endpoints->setObjectName(QStringLiteral("modelEndpoints"));
    m_endpoints->setMaximumHeight(110);
    for (const auto &id : onPremEndpoints) {
        auto *item = new QListWidgetItem(id, m_endpoints);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    m_contextLength = new QSpinBox(this);
    m_contextLength->setObjectName(QStringLiteral("modelContextLength"));
    m_contextLength->setRange(0, registry::ModelValidator::kMaxContextLength);
    m_contextLength->setSingleStep(1024);
    m_contextLength->setSpecialValueText(tr("not stated"));
    m_contextLength->setSuffix(tr(" tokens"));
    m_capacity = new QSpinBox(this);
    m_capacity->setObjectName(QStringLiteral("modelCapacity"));
    m_capacity->setRange(1, registry::ModelValidator::kMaxCapacity);
    m_capacity->setValue(8);
    m_capacity->setSuffix(tr(" concurrent requests"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("modelStatus"));
    m_status->addItem(RegistryModelsModel::statusText(registry::ModelStatus::Active), int(registry::ModelStatus::Active));
    m_status->addItem(RegistryModelsModel::statusText(registry::ModelStatus::Draining), int(registry::ModelStatus::Draining));
    if (mode == Mode::Edit)
        m_status->addItem(RegistryModelsModel::statusText(registry::ModelStatus::Retired), int(registry::ModelStatus::Retired));
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("modelNotes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(70);
    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("modelComment"));
    m_comment->setPlaceholderText(tr("why, for the history (optional)"));

    auto *form = new QFormLayout();
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Version:"), m_version);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Endpoints:"), m_endpoints);
    form->addRow(tr("Context &length:"), m_contextLength);
    form->addRow(tr("&Capacity:"), m_capacity);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("N&otes:"), m_notes);
    form->addRow(tr("Co&mment:"), m_comment);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("modelProblems"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->hide();
    QPalette warning = m_problemLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_problemLabel->setPalette(warning);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Add ? tr("&Add") : tr("&Save"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ModelEditDialog::trySubmit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
}

void ModelEditDialog::setRecord(const registry::ModelRecord &record)
{
    m_original = record;
    m_name->setText(record.name);
    m_version->setText(record.version);
    if (m_mode == Mode::Edit) {
        m_name->setReadOnly(true);
        m_version->setReadOnly(true);
    }
    m_kind->setCurrentIndex(qMax(0, m_kind->findData(record.kind)));
    for (int i = 0; i < m_endpoints->count(); ++i) {
        auto *item = m_endpoints->item(i);
        item->setCheckState(record.endpoints.contains(item->text()) ? Qt::Checked : Qt::Unchecked);
    }
    // An endpoint the config no longer lists stays visible, so saving does not drop it silently.
    for (const auto &id : record.endpoints) {
        if (m_endpoints->findItems(id, Qt::MatchExactly).isEmpty()) {
            auto *item = new QListWidgetItem(id, m_endpoints);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_contextLength->setValue(record.contextLength);
    m_capacity->setValue(qMax(1, record.capacity));
    m_status->setCurrentIndex(qMax(0, m_status->findData(int(record.status))));
    m_notes->setPlainText(record.notes);
}

registry::ModelRecord ModelEditDialog::record() const
{
    registry::ModelRecord r = m_original;
    r.name = m_name->text().trimmed();
    r.version = m_version->text().trimmed();
    r.kind = m_kind->currentData().toString();
    r.endpoints.clear();
    for (int i = 0; i < m_endpoints->count(); ++i) {
        if (m_endpoints->item(i)->checkState() == Qt::Checked)
            r.endpoints.append(m_endpoints->item(i)->text());
    }
    r.contextLength = m_contextLength->value();
    r.capacity = m_capacity->value();
    r.status = static_cast<registry::ModelStatus>(m_status->currentData().toInt());
    r.notes = m_notes->toPlainText();
    return r;
}

registry::ModelPatch ModelEditDialog::patch() const
{
    const registry::ModelRecord now = record();
    registry::ModelPatch p;
    if (now.kind != m_original.kind)
        p.kind = now.kind;
    if (now.endpoints != m_original.endpoints)
        p.endpoints = now.endpoints;
    if (now.contextLength != m_original.contextLength)
        p.contextLength = now.contextLength;
    if (now.capacity != m_original.capacity)
        p.capacity = now.capacity;
    if (now.status != m_original.status)
        p.status = now.status;
    if (now.notes != m_original.notes)
        p.notes = now.notes;
    return p;
}

QString ModelEditDialog::comment() const
{
    return m_comment->text().trimmed();
}

void ModelEditDialog::markField(QWidget *field, bool bad)
{
    // A red frame the style draws in both light and dark palettes.
    field->setStyleSheet(bad ? QStringLiteral("border: 1px solid #c03030;") : QString());
    field->setToolTip(QString());
}

void ModelEditDialog::showProblems(const QStringList &problems)
{
    m_problems = problems;
    const QList<QPair<QString, QWidget *>> fields = {{QStringLiteral("name"), m_name},
                                                     {QStringLiteral("version"), m_version},
                                                     {QStringLiteral("kind"), m_kind},
                                                     {QStringLiteral("endpoints"), m_endpoints},
                                                     {QStringLiteral("context_length"), m_contextLength},
                                                     {QStringLiteral("capacity"), m_capacity},
                                                     {QStringLiteral("status"), m_status},
                                                     {QStringLiteral("notes"), m_notes}};
    for (const auto &[key, widget] : fields) {
        QStringList mine;
        for (const auto &p : problems) {
            if (p.startsWith(key + QLatin1Char(':')) || p.startsWith(key + QLatin1Char('/')))
                mine.append(p);
        }
        markField(widget, !mine.isEmpty());
        if (!mine.isEmpty())
            widget->setToolTip(mine.join(QLatin1Char('\n')));
    }
    if (problems.isEmpty()) {
        m_problemLabel->hide();
        return;
    }
    m_problemLabel->setText(tr("The registry refused this model:\n%1").arg(QStringLiteral("• ") + problems.join(QStringLiteral("\n• "))));
    m_problemLabel->show();
}

void ModelEditDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void ModelEditDialog::trySubmit()
{
    // Completeness only; the registry itself decides whether the record is valid.
    QStringList missing;
    const auto r = record();
    if (r.name.isEmpty())
        missing.append(QStringLiteral("name: ") + tr("is required"));
    if (r.version.isEmpty())
        missing.append(QStringLiteral("version: ") + tr("is required"));
    if (r.endpoints.isEmpty())
        missing.append(QStringLiteral("endpoints: ") + tr("choose at least one on-prem endpoint"));
    if (!missing.isEmpty()) {
        showProblems(missing);
        return;
    }
    if (m_mode == Mode::Edit && patch().isEmpty()) {
        showProblems({tr("Nothing was changed.")});
        return;
    }
    Q_EMIT submitted();
}

} // namespace perimeter::ui
