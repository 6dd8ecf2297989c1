// SPDX-License-Identifier: Apache-2.0
#pragma once
#include "registry/ModelRecord.h"
#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;

namespace perimeter::ui {

// Add or edit one on-prem model version. The form checks only that it is complete; the
// registry (core) validates the record and its answer is shown here, every problem listed
// and the fields concerned marked, so the console and perimeterctl apply the same rules.
class ModelEditDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Add, Edit };

    ModelEditDialog(Mode mode, const QStringList &onPremEndpoints, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // Edit: the version being edited (name and version cannot change).
    void setRecord(const registry::ModelRecord &record);
    const registry::ModelRecord &original() const { return m_original; }
    registry::ModelRecord record() const;
    // Edit: the fields that differ from the original.
    registry::ModelPatch patch() const;
    QString comment() const;

    void showProblems(const QStringList &problems);
    void setBusy(bool busy);
    QStringList shownProblems() const { return m_problems; }

    // For tests and keyboard users alike: the form's widgets.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *versionEdit() const { return m_version; }
    QComboBox *kindCombo() const { return m_kind; }
    QListWidget *endpointList() const { return m_endpoints; }
    QSpinBox *contextLengthSpin() const { return m_contextLength; }
    QSpinBox *capacitySpin() const { return m_capacity; }
    QComboBox *statusCombo() const { return m_status; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    QLineEdit *commentEdit() const { return m_comment; }

Q_SIGNALS:
    // OK was pressed on a complete form: the page submits it to the registry.
    void submitted();

private:
    void trySubmit();
    void markField(QWidget *field, bool bad);

    Mode m_mode;
    registry::ModelRecord m_original;
    QStringList m_problems;
    QLineEdit *m_name;
    QLineEdit *m_version;
    QComboBox *m_kind;
    QListWidget *m_endpoints;
    QSpinBox *m_contextLength;
    QSpinBox *m_capacity;
    QComboBox *m_status;
    QPlainTextEdit *m_notes;
    QLineEdit *m_comment;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace perimeter::ui
