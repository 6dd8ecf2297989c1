// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace perimeter::ui {

// One section of a policy document as an editable table (levels, type mappings, overrides,
// markers, recognizers, model rules). The document stays the truth: load() reads the
// section, store() writes it back in row order, so every cell has a JSON pointer and the
// core's validation problems (by pointer) can be pinned on the cell they concern. Cells the
// model can check on its own (numbers, tier lists, regular expressions) are marked at once;
// the core's verdict follows from the page. Edited cells are marked dirty against the
// baseline (the active policy) until applied or reverted.
class PolicyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ChoicesRole = Qt::UserRole + 1, // QStringList: the values a combo box offers
        EditableChoiceRole,             // bool: the combo also accepts typed text
        ErrorRole,                      // QString: why the cell is invalid (empty: valid)
        DirtyRole,                      // bool: differs from the baseline
        JsonPathRole,                   // QString: the cell's JSON pointer
    };
    enum class Kind { Text, Check, Choice, EditableChoice };

    explicit PolicyTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;
    bool removeRows(int row, int count, const QModelIndex &parent = QModelIndex()) override;

    virtual bool canAddRows() const { return true; }
    // Reads the section of `document`; with `asBaseline` the result is also what counts as
    // unchanged (the active policy).
    void load(const QJsonObject &document, bool asBaseline);
    // Writes the section into `document` (removing its keys when the table is empty).
    virtual void store(QJsonObject &document) const = 0;

    bool isDirty() const;
    void revert();
    // "<pointer>: <message>" for every cell the model's own checks refuse.
    QStringList localProblems() const;
    // Pins the core's problems on cells (longest matching pointer); returns how many matched.
    int setCoreProblems(const QStringList &problems);
    // The cell a JSON pointer points into, or an invalid index.
    QModelIndex indexForPath(const QString &pointer) const;

    virtual QString cellPath(int row, int column) const = 0;
    virtual QString rowPath(int row) const = 0;

    static QString escapePointerToken(const QString &token);
    // "onprem, cloud" <-> ["onprem", "cloud"]; "none" is the empty list.
    static QStringList splitList(const QString &text, QChar separator = QLatin1Char(','));
    static QString tierListProblem(const QString &text, bool optional);
    static QString unitProblem(const QString &text, bool optional);
    static QStringList levelNames();
    static QStringList tierPresets();
    static QString typeNameProblem(const QString &text);

Q_SIGNALS:
    void edited();

protected:
    struct ColumnSpec {
        Kind kind = Kind::Text;
        QStringList choices;
        bool readOnly = false;
    };
    virtual QList<QVariantList> read(const QJsonObject &document) const = 0;
    virtual QString headerText(int column) const = 0;
    virtual QVariantList newRow() const = 0;
    virtual QString checkCell(int row, int column) const;
    virtual QString columnToolTip(int column) const;
    QString text(int row, int column) const;
    bool checked(int row, int column) const;
    int rowsInModel() const { return int(m_rows.size()); }
    // A number cell as JSON: a number when it parses, else the text (so the core names it).
    static QJsonValue numberValue(const QString &text);
    static QString numberText(const QJsonValue &value);

    QList<ColumnSpec> m_columns;

private:
    struct Row {
        QVariantList values;
        int origin = -1; // index in the baseline; -1 for rows added since
    };
    bool cellDirty(int row, int column) const;
    static quint64 key(int row, int column) { return (quint64(quint32(row)) << 32) | quint32(column); }

    QList<Row> m_rows;
    QList<QVariantList> m_baseline;
    QHash<quint64, QString> m_coreProblems;
};

} // namespace perimeter::ui
