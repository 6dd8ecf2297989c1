// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "classify/Finding.h"
#include "gateway/DecisionSimulator.h"
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

class FindingsModel;

// Classification simulator: the real parse/classify/policy/route stages of the embedded
// gateway with a dry-run forwarder. Findings are highlighted in the text the user typed,
// also inside a pasted OpenAI request body.
class SimulatorPage : public QWidget {
    Q_OBJECT
public:
    struct Highlight {
        int start = 0;  // raw QString indexes into the editor text
        int end = 0;
        classify::Finding finding;
    };

    explicit SimulatorPage(service::GatewayService *service, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // Loads a sample shipped in resources/payloads by its file name; false when unknown.
    bool loadSample(const QString &fileName);
    QStringList sampleFileNames() const;
    void setModel(const QString &model);
    void setCallerLabel(const QString &level); // "" = none
    void simulate();

    FindingsModel *findingsModel() const { return m_findings; }
    const QList<Highlight> &highlights() const { return m_highlights; }
    QString levelText() const;
    QString decisionText() const;
    QStringList traceLines() const;
    bool hasResult() const { return m_hasResult; }

Q_SIGNALS:
    void resultShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void refreshModels();
    void showResult(const gateway::SimulationResult &result);
    void clearResult();
    void applyHighlights();
    void retranslate();

    service::GatewayService *m_service;
    FindingsModel *m_findings;
    QComboBox *m_samples;
    QComboBox *m_models;
    QComboBox *m_label;
    QLineEdit *m_caller;
    QPushButton *m_run;
    QPlainTextEdit *m_editor;
    QLabel *m_sampleLabel;
    QLabel *m_modelLabel;
    QLabel *m_labelLabel;
    QLabel *m_callerLabel;
    QLabel *m_levelSwatch;
    QLabel *m_level;
    QLabel *m_decision;
    QLabel *m_findingsTitle;
    QLabel *m_traceTitle;
    QTableView *m_findingsView;
    QListWidget *m_trace;
    QList<Highlight> m_highlights;
    QString m_submittedText;
    quint64 m_pendingId = 0;
    bool m_hasResult = false;
};

} // namespace perimeter::ui
