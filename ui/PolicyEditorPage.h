// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "service/PolicyResults.h"
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace perimeter::service { class GatewayService; }

namespace perimeter::ui {

class PolicyHistoryModel;
class PolicyTableModel;

// The policy editor: the active policy's sections as tables (levels, type mappings and
// thresholds, overrides, organisation markers, custom recognizers, model rules), a JSON view
// kept in sync with them, a diff against the active version, the version history with
// rollback, and apply/revert. Every edit is validated by the core (GatewayService →
// PolicyLoader) off the UI thread; its problems are listed by JSON pointer and pinned on the
// cells they concern, and a policy with problems cannot be applied.
class PolicyEditorPage : public QWidget {
    Q_OBJECT
public:
    enum Section { Levels, Types, Overrides, Markers, Recognizers, ModelRules, SectionCount };
    enum Tab { JsonTab = SectionCount, DiffTab, HistoryTab };

    explicit PolicyEditorPage(service::GatewayService *service, QWidget *parent = nullptr);

    PolicyTableModel *sectionModel(int section) const { return m_models.value(section); }
    QTableView *sectionView(int section) const { return m_views.value(section); }
    PolicyHistoryModel *historyModel() const { return m_history; }
    QPlainTextEdit *jsonEditor() const { return m_json; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }

    // The document as edited (tables, JSON view, version and comment fields).
    QJsonObject document() const;
    bool isDirty() const;
    bool isValidationPending() const;
    bool isValid() const { return m_valid; }
    QStringList problems() const; // as listed, "<pointer>: <message>"
    bool canApply() const;

public Q_SLOTS:
    // Applies the edited policy (validated by the core first). Returns false when it is
    // refused before reaching the core (local problems, nothing changed, gateway down).
    bool applyChanges();
    void revertChanges();
    void reloadActive();
    void refreshHistory();
    void rollbackTo(qint64 sequence);

Q_SIGNALS:
    void validated(bool valid);
    void applyFinished(bool applied, const QString &message);
    void historyRefreshed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QWidget *makeSectionTab(int section);
    void loadDocument(const QJsonObject &document, bool asBaseline);
    void onTablesEdited();
    void onJsonEdited();
    void scheduleValidation();
    void validateNow();
    void showProblems(const QStringList &core);
    void updateState();
    void updateDiff();
    void goToProblem(const QString &problem);
    void onApplyFinished(quint64 id, const service::PolicyApplyResult &result);
    void askRollback();

    service::GatewayService *m_service;
    QList<PolicyTableModel *> m_models;
    QList<QTableView *> m_views;
    QList<QPushButton *> m_addButtons;
    QList<QPushButton *> m_removeButtons;
    PolicyHistoryModel *m_history;

    QLabel *m_title;
    QLabel *m_versionLabel;
    QLineEdit *m_version;
    QLabel *m_commentLabel;
    QLineEdit *m_comment;
    QLabel *m_status;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QPushButton *m_reload;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_json;
    QLabel *m_jsonHint;
    QPlainTextEdit *m_diff;
    QTableView *m_historyView;
    QPushButton *m_historyDiff;
    QPushButton *m_rollback;
    QPushButton *m_historyRefresh;
    QLabel *m_problemsLabel;
    QListWidget *m_problems;
    QTimer *m_validateTimer;
    QTimer *m_jsonTimer;

    QJsonObject m_active;      // the active policy (baseline)
    QString m_activeVersion;
    QJsonObject m_document;    // the edited document (keeps keys no table shows)
    QString m_jsonError;
    QStringList m_coreProblems;
    quint64 m_validationGeneration = 0;
    bool m_validationPending = false;
    bool m_valid = false;
    bool m_syncing = false;
    quint64 m_applyId = 0;
    QString m_historyDiffText;
};

} // namespace perimeter::ui
