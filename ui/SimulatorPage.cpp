// SPDX-License-Identifier: Apache-2.0
#include "SimulatorPage.h"
#include "FindingsModel.h"
#include "JsonStringLocator.h"
#include "LevelColors.h"
#include "service/GatewayService.h"
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>

namespace perimeter::ui {

namespace {

struct Sample {
    const char *file;
    const char *title; // translated through QT_TRANSLATE_NOOP
};

constexpr Sample kSamples[] = {
    {"card-number.txt", QT_TRANSLATE_NOOP("perimeter::ui::SimulatorPage", "Text with a card number")},
    {"contact-details.txt", QT_TRANSLATE_NOOP("perimeter::ui::SimulatorPage", "Text with contact details")},
    {"public-question.txt", QT_TRANSLATE_NOOP("perimeter::ui::SimulatorPage", "Public question")},
    {"openai-chat-iban.json", QT_TRANSLATE_NOOP("perimeter::ui::SimulatorPage", "Chat request with an IBAN (cloud model)")},
    {"openai-chat-secret.json", QT_TRANSLATE_NOOP("perimeter::ui::SimulatorPage", "Chat request with an access key")},
    {"openai-embedding-ssn.json", QT_TRANSLATE_NOOP("perimeter::ui::SimulatorPage", "Embedding request with an SSN")},
};

QString levelKey(int index)
{
    static const char *const keys[] = {"", "public", "internal", "confidential", "restricted"};
    return index >= 0 && index < 5 ? QLatin1String(keys[index]) : QString();
}

} // namespace

SimulatorPage::SimulatorPage(service::GatewayService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_findings(new FindingsModel(this))
{
    m_samples = new QComboBox(this);
    m_models = new QComboBox(this);
    m_label = new QComboBox(this);
    m_caller = new QLineEdit(this);
    m_run = new QPushButton(this);
    m_editor = new QPlainTextEdit(this);
    m_sampleLabel = new QLabel(this);
    m_modelLabel = new QLabel(this);
    m_labelLabel = new QLabel(this);
    m_callerLabel = new QLabel(this);
    m_levelSwatch = new QLabel(this);
    m_level = new QLabel(this);
    m_decision = new QLabel(this);
    m_findingsTitle = new QLabel(this);
    m_traceTitle = new QLabel(this);
    m_findingsView = new QTableView(this);
    m_trace = new QListWidget(this);

    m_samples->setObjectName(QStringLiteral("sampleCombo"));
    m_models->setObjectName(QStringLiteral("modelCombo"));
    m_label->setObjectName(QStringLiteral("labelCombo"));
    m_editor->setObjectName(QStringLiteral("payloadEditor"));
    m_run->setObjectName(QStringLiteral("simulateButton"));
    m_sampleLabel->setBuddy(m_samples);
    m_modelLabel->setBuddy(m_models);
    m_labelLabel->setBuddy(m_label);
    m_callerLabel->setBuddy(m_caller);

    for (int i = 0; i < 5; ++i)
        m_label->addItem(QString());
    for (int i = 1; i < 5; ++i)
        m_label->setItemIcon(i, LevelColors::swatch(Sensitivity(i - 1)));
    m_samples->addItem(QString());
    for (const auto &s : kSamples)
        m_samples->addItem(QString(), QLatin1String(s.file));

    m_editor->setTabChangesFocus(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_editor->setFont(mono);
    m_editor->viewport()->installEventFilter(this);
    m_editor->viewport()->setMouseTracking(true);

    m_findingsView->setModel(m_findings);
    m_findingsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_findingsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findingsView->verticalHeader()->hide();
    m_findingsView->horizontalHeader()->setStretchLastSection(true);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->setObjectName(QStringLiteral("findingsView"));
    m_findingsView->setWordWrap(false);
    m_findingsView->verticalHeader()->setDefaultSectionSize(m_findingsView->fontMetrics().height() + 8);
    m_trace->setObjectName(QStringLiteral("traceList"));
    m_trace->setWordWrap(true);
    m_decision->setWordWrap(true);
    m_decision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_level->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_level->setFont(big);
    m_level->setObjectName(QStringLiteral("levelLabel"));
    QFont bold = m_findingsTitle->font();
    bold.setBold(true);
    m_findingsTitle->setFont(bold);
    m_traceTitle->setFont(bold);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_sampleLabel);
    controls->addWidget(m_samples, 2);
    controls->addSpacing(12);
    controls->addWidget(m_modelLabel);
    controls->addWidget(m_models, 1);
    controls->addSpacing(12);
    controls->addWidget(m_labelLabel);
    controls->addWidget(m_label, 1);
    controls->addSpacing(12);
    controls->addWidget(m_callerLabel);
    controls->addWidget(m_caller, 1);
    controls->addSpacing(12);
    controls->addWidget(m_run);

    auto *results = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(results);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    auto *levelRow = new QHBoxLayout;
    levelRow->addWidget(m_levelSwatch);
    levelRow->addWidget(m_level, 1);
    resultLayout->addLayout(levelRow);
    resultLayout->addWidget(m_decision);
    resultLayout->addWidget(m_findingsTitle);
    resultLayout->addWidget(m_findingsView, 2);
    resultLayout->addWidget(m_traceTitle);
    resultLayout->addWidget(m_trace, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("simulatorSplitter"));
    splitter->addWidget(m_editor);
    splitter->addWidget(results);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);

    connect(m_run, &QPushButton::clicked, this, &SimulatorPage::simulate);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &SimulatorPage::simulate);
    connect(m_samples, &QComboBox::activated, this, [this](int index) {
        const QString file = m_samples->itemData(index).toString();
        if (!file.isEmpty())
            loadSample(file);
    });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this]() {
        // Offsets of the last result no longer match what is on screen.
        if (!m_highlights.isEmpty() && m_editor->toPlainText() != m_submittedText) {
            m_highlights.clear();
            applyHighlights();
        }
    });
    connect(m_service, &service::GatewayService::simulationFinished, this,
            [this](quint64 id, const gateway::SimulationResult &result) {
                if (id != m_pendingId)
                    return;
                m_pendingId = 0;
                m_run->setEnabled(true);
                showResult(result);
            });
    connect(m_service, &service::GatewayService::started, this, [this]() { refreshModels(); });

    retranslate();
    refreshModels();
    clearResult();
}

void SimulatorPage::retranslate()
{
    m_sampleLabel->setText(tr("&Sample:"));
    m_modelLabel->setText(tr("&Model:"));
    m_labelLabel->setText(tr("Caller &label:"));
    m_callerLabel->setText(tr("&Caller:"));
    m_caller->setPlaceholderText(tr("optional caller id"));
    m_run->setText(tr("Simulate"));
    m_run->setToolTip(tr("Run the real classification, policy and routing stages without forwarding (Ctrl+Return)"));
    m_editor->setPlaceholderText(tr("Paste text or an OpenAI request body (JSON) here, or load a sample."));
    m_findingsTitle->setText(tr("Findings"));
    m_traceTitle->setText(tr("Routing trace"));
    m_samples->setItemText(0, tr("Load a sample…"));
    for (int i = 0; i < int(std::size(kSamples)); ++i)
        m_samples->setItemText(i + 1, tr(kSamples[i].title));
    m_label->setItemText(0, tr("none"));
    for (int i = 1; i < 5; ++i)
        m_label->setItemText(i, LevelColors::displayName(Sensitivity(i - 1)));
}

void SimulatorPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SimulatorPage::refreshModels()
{
    const QString current = m_models->currentText();
    m_models->clear();
    if (const auto snapshot = m_service->snapshot()) {
        for (const auto &m : snapshot->config.models)
            m_models->addItem(m.name, m.kind);
    }
    if (const int index = m_models->findText(current); index >= 0)
        m_models->setCurrentIndex(index);
}

QStringList SimulatorPage::sampleFileNames() const
{
    QStringList names;
    for (const auto &s : kSamples)
        names.append(QLatin1String(s.file));
    return names;
}

bool SimulatorPage::loadSample(const QString &fileName)
{
    QFile file(QStringLiteral(":/payloads/") + fileName);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QString text = QString::fromUtf8(file.readAll()).trimmed();
    setText(text);
    if (const int index = m_samples->findData(fileName); index >= 0)
        m_samples->setCurrentIndex(index);
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isObject() && doc.object().contains(QLatin1String("model")))
        setModel(doc.object().value(QLatin1String("model")).toString());
    return true;
}

void SimulatorPage::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

QString SimulatorPage::text() const
{
    return m_editor->toPlainText();
}

void SimulatorPage::setModel(const QString &model)
{
    if (const int index = m_models->findText(model); index >= 0)
        m_models->setCurrentIndex(index);
}

void SimulatorPage::setCallerLabel(const QString &level)
{
    for (int i = 0; i < 5; ++i) {
        if (levelKey(i) == level)
            m_label->setCurrentIndex(i);
    }
}

void SimulatorPage::simulate()
{
    const QString raw = m_editor->toPlainText();
    const QString model = m_models->currentText();
    const QString kind = m_models->currentData().toString();
    const bool embedding = kind == QLatin1String("embedding");

    gateway::SimulationRequest request;
    QJsonObject body;
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toUtf8());
    if (raw.trimmed().startsWith(QLatin1Char('{')) && doc.isObject()) {
        body = doc.object();
        if (!model.isEmpty())
            body.insert(QStringLiteral("model"), model);
        if (body.contains(QLatin1String("input")))
            request.path = QStringLiteral("/v1/embeddings");
        else if (body.contains(QLatin1String("prompt")))
            request.path = QStringLiteral("/v1/completions");
    } else {
        body.insert(QStringLiteral("model"), model);
        if (embedding) {
            body.insert(QStringLiteral("input"), raw);
            request.path = QStringLiteral("/v1/embeddings");
        } else {
            body.insert(QStringLiteral("messages"),
                        QJsonArray{QJsonObject{{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), raw}}});
        }
    }
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.callerId = m_caller->text().trimmed();
    const QString label = levelKey(m_label->currentIndex());
    if (!label.isEmpty())
        request.headers.append({QByteArrayLiteral("x-perimeter-classification"), label.toLatin1()});

    m_submittedText = raw;
    m_run->setEnabled(false);
    m_pendingId = m_service->simulate(request);
}

void SimulatorPage::clearResult()
{
    m_hasResult = false;
    m_levelSwatch->clear();
    m_level->setText(tr("No simulation yet"));
    m_decision->setText(tr("Paste a payload and press Simulate: the result shows the sensitivity level, the findings and where the gateway would send the request."));
    m_findings->setFindings({});
    m_trace->clear();
    m_highlights.clear();
    applyHighlights();
}

void SimulatorPage::showResult(const gateway::SimulationResult &result)
{
    m_hasResult = true;
    m_findings->setFindings(result.classification.findings);
    if (result.classified) {
        m_levelSwatch->setPixmap(LevelColors::swatch(result.level).pixmap(16, 16));
        m_level->setText(tr("Sensitivity: %1").arg(LevelColors::displayName(result.level)));
    } else {
        m_levelSwatch->clear();
        m_level->setText(tr("Not classified"));
    }

    QString decision;
    if (result.status == 200) {
        decision = tr("Would be forwarded to %1 (%2 tier).").arg(result.route.endpointId, tierName(result.route.tier));
    } else {
        decision = tr("Would be rejected with HTTP %1 (%2).").arg(result.status).arg(result.reason);
        if (!result.message.isEmpty())
            decision += QLatin1Char(' ') + result.message;
    }
    if (result.callerLabel)
        decision += QLatin1Char('\n') + tr("Caller label: %1 (may only raise the level).").arg(LevelColors::displayName(*result.callerLabel));
    if (result.classification.failedClosed)
        decision += QLatin1Char('\n') + tr("Classification failed closed (%1): treated as restricted.").arg(result.classification.failureReason);
    m_decision->setText(decision);

    m_trace->clear();
    if (!result.policyVersion.isEmpty())
        m_trace->addItem(tr("policy version %1").arg(result.policyVersion));
    if (result.classified) {
        QStringList tiers;
        for (const auto tier : result.permittedTiers)
            tiers.append(tierName(tier));
        m_trace->addItem(tr("level %1 may enter: %2").arg(sensitivityName(result.level),
                                                          tiers.isEmpty() ? tr("no tier") : tiers.join(QStringLiteral(", "))));
    }
    for (const auto &line : result.route.trace)
        m_trace->addItem(line);

    // Map findings back onto the text as it was submitted.
    m_highlights.clear();
    if (m_editor->toPlainText() == m_submittedText) {
        std::optional<JsonStringLocator> locator = JsonStringLocator::fromJson(m_submittedText);
        if (!locator || !m_submittedText.trimmed().startsWith(QLatin1Char('{')))
            locator = JsonStringLocator::fromPlainText(m_submittedText, {QStringLiteral("/messages/0/content"), QStringLiteral("/input")});
        for (const auto &f : result.classification.findings) {
            if (auto range = locator->rawRange(f.path, f.start, f.end))
                m_highlights.append(Highlight{range->first, range->second, f});
        }
    }
    applyHighlights();
    m_findingsView->resizeColumnsToContents();
    Q_EMIT resultShown();
}

void SimulatorPage::applyHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    for (const auto &h : m_highlights) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(m_editor->document());
        sel.cursor.setPosition(h.start);
        sel.cursor.setPosition(h.end, QTextCursor::KeepAnchor);
        sel.format.setBackground(LevelColors::highlight(h.finding.level));
        sel.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        sel.format.setUnderlineColor(LevelColors::solid(h.finding.level));
        selections.append(sel);
    }
    m_editor->setExtraSelections(selections);
}

QString SimulatorPage::levelText() const
{
    return m_level->text();
}

QString SimulatorPage::decisionText() const
{
    return m_decision->text();
}

QStringList SimulatorPage::traceLines() const
{
    QStringList lines;
    for (int i = 0; i < m_trace->count(); ++i)
        lines.append(m_trace->item(i)->text());
    return lines;
}

bool SimulatorPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor->viewport() && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int pos = m_editor->cursorForPosition(help->pos()).position();
        QStringList lines;
        for (const auto &h : m_highlights) {
            if (pos >= h.start && pos < h.end) {
                const auto &f = h.finding;
                lines.append(tr("%1 — level %2, score %3, recognizer %4")
                                 .arg(f.subtype.isEmpty() ? f.type : f.type + QLatin1Char('/') + f.subtype,
                                      LevelColors::displayName(f.level), QString::number(f.score, 'f', 2), f.recognizer));
            }
        }
        if (lines.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), m_editor->viewport());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace perimeter::ui
