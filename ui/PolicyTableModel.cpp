// SPDX-License-Identifier: Apache-2.0
#include "PolicyTableModel.h"
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QRegularExpression>

namespace perimeter::ui {

PolicyTableModel::PolicyTableModel(QObject *parent) : QAbstractTableModel(parent)
{
}

int PolicyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PolicyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString PolicyTableModel::text(int row, int column) const
{
    return m_rows.at(row).values.value(column).toString();
}

bool PolicyTableModel::checked(int row, int column) const
{
    return m_rows.at(row).values.value(column).toBool();
}

QString PolicyTableModel::checkCell(int, int) const
{
    return {};
}

QString PolicyTableModel::columnToolTip(int) const
{
    return {};
}

bool PolicyTableModel::cellDirty(int row, int column) const
{
    const Row &r = m_rows.at(row);
    if (r.origin < 0 || r.origin >= m_baseline.size())
        return true;
    return r.values.value(column) != m_baseline.at(r.origin).value(column);
}

QVariant PolicyTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const ColumnSpec &c = m_columns.at(column);
    auto error = [&]() {
        const QString local = checkCell(row, column);
        return local.isEmpty() ? m_coreProblems.value(key(row, column)) : local;
    };
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return c.kind == Kind::Check ? QVariant() : QVariant(text(row, column));
    case Qt::CheckStateRole:
        return c.kind == Kind::Check ? QVariant(checked(row, column) ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ToolTipRole: {
        const QString e = error();
        const QString tip = columnToolTip(column);
        return e.isEmpty() ? (tip.isEmpty() ? QVariant() : QVariant(tip)) : QVariant(e);
    }
    case Qt::BackgroundRole:
        // Translucent, so it reads on light and dark palettes alike.
        return error().isEmpty() ? QVariant() : QVariant(QColor(220, 40, 40, 70));
    case Qt::FontRole:
        if (cellDirty(row, column)) {
            QFont font;
            font.setItalic(true);
            font.setBold(true);
            return font;
        }
        return {};
    case ChoicesRole:
        return c.choices;
    case EditableChoiceRole:
        return c.kind == Kind::EditableChoice;
    case ErrorRole:
        return error();
    case DirtyRole:
        return cellDirty(row, column);
    case JsonPathRole:
        return cellPath(row, column);
    default:
        return {};
    }
}

bool PolicyTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const ColumnSpec &c = m_columns.at(index.column());
    QVariant stored;
    if (c.kind == Kind::Check) {
        if (role != Qt::CheckStateRole)
            return false;
        stored = value.toInt() == Qt::Checked;
    } else {
        if (role != Qt::EditRole)
            return false;
        stored = value.toString().trimmed();
    }
    QVariant &slot = m_rows[index.row()].values[index.column()];
    if (slot == stored)
        return true;
    slot = stored;
    // A change can settle or raise problems of the whole row (and the core's verdict is stale).
    m_coreProblems.remove(key(index.row(), index.column()));
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    Q_EMIT edited();
    return true;
}

Qt::ItemFlags PolicyTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const ColumnSpec &c = m_columns.at(index.column());
    if (c.readOnly)
        return f;
    if (c.kind == Kind::Check)
        f |= Qt::ItemIsUserCheckable;
    else
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant PolicyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < columnCount()) {
        if (role == Qt::DisplayRole)
            return headerText(section);
        if (role == Qt::ToolTipRole) {
            const QString tip = columnToolTip(section);
            return tip.isEmpty() ? QVariant() : QVariant(tip);
        }
    }
    if (orientation == Qt::Vertical && role == Qt::DisplayRole && section >= 0 && section < rowCount())
        return section + 1;
    return {};
}

bool PolicyTableModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || !canAddRows() || row < 0 || row > rowCount() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    for (int i = 0; i < count; ++i)
        m_rows.insert(row, Row{newRow(), -1});
    // Problems pinned by row index no longer line up; the page revalidates.
    m_coreProblems.clear();
    endInsertRows();
    Q_EMIT edited();
    return true;
}

bool PolicyTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || !canAddRows() || row < 0 || count < 1 || row + count > rowCount())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    m_coreProblems.clear();
    endRemoveRows();
    Q_EMIT edited();
    return true;
}

void PolicyTableModel::load(const QJsonObject &document, bool asBaseline)
{
    const QList<QVariantList> rows = read(document);
    beginResetModel();
    if (asBaseline)
        m_baseline = rows;
    m_rows.clear();
    for (int i = 0; i < rows.size(); ++i) {
        // Without a new baseline, a row counts as unchanged when it equals the baseline's row
        // at the same place (the JSON view rewrites the whole document).
        const bool same = asBaseline || (i < m_baseline.size() && m_baseline.at(i).size() == rows.at(i).size());
        m_rows.append(Row{rows.at(i), same ? i : -1});
    }
    m_coreProblems.clear();
    endResetModel();
}

bool PolicyTableModel::isDirty() const
{
    if (m_rows.size() != m_baseline.size())
        return true;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).origin != i || m_rows.at(i).values != m_baseline.at(i))
            return true;
    }
    return false;
}

void PolicyTableModel::revert()
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < m_baseline.size(); ++i)
        m_rows.append(Row{m_baseline.at(i), i});
    m_coreProblems.clear();
    endResetModel();
}

QStringList PolicyTableModel::localProblems() const
{
    QStringList out;
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            const QString e = checkCell(r, c);
            if (!e.isEmpty())
                out.append(cellPath(r, c) + QLatin1String(": ") + e);
        }
    }
    return out;
}

QModelIndex PolicyTableModel::indexForPath(const QString &pointer) const
{
    QModelIndex best;
    qsizetype bestLength = -1;
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            const QString cp = cellPath(r, c);
            if ((pointer == cp || pointer.startsWith(cp + QLatin1Char('/'))) && cp.size() >= bestLength) { // ties: the later (editable) column
                best = index(r, c);
                bestLength = cp.size();
            }
        }
    }
    if (best.isValid())
        return best;
    for (int r = 0; r < rowCount(); ++r) {
        const QString rp = rowPath(r);
        if (pointer == rp || pointer.startsWith(rp + QLatin1Char('/')))
            return index(r, 0); // a problem of the row as a whole
    }
    return {};
}

int PolicyTableModel::setCoreProblems(const QStringList &problems)
{
    m_coreProblems.clear();
    int matched = 0;
    for (const QString &p : problems) {
        const int colon = int(p.indexOf(QLatin1String(": ")));
        const QString pointer = colon < 0 ? p : p.left(colon);
        const QModelIndex at = indexForPath(pointer);
        if (!at.isValid())
            continue;
        QString &slot = m_coreProblems[key(at.row(), at.column())];
        const QString message = colon < 0 ? p : p.mid(colon + 2);
        slot = slot.isEmpty() ? message : slot + QLatin1Char('\n') + message;
        ++matched;
    }
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    return matched;
}

QString PolicyTableModel::escapePointerToken(const QString &token)
{
    QString out = token;
    out.replace(QLatin1Char('~'), QLatin1String("~0"));
    out.replace(QLatin1Char('/'), QLatin1String("~1"));
    return out;
}

QStringList PolicyTableModel::splitList(const QString &text, QChar separator)
{
    if (text.trimmed() == QLatin1String("none"))
        return {};
    QStringList out;
    for (const QString &part : text.split(separator, Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out.append(t);
    }
    return out;
}

QString PolicyTableModel::tierListProblem(const QString &text, bool optional)
{
    if (text.trimmed().isEmpty())
        return optional ? QString() : tr("List the permitted tiers in preference order (onprem, cloud) or write \"none\".");
    QStringList seen;
    for (const QString &t : splitList(text)) {
        if (t != QLatin1String("onprem") && t != QLatin1String("cloud"))
            return tr("\"%1\" is not a tier: use onprem and/or cloud.").arg(t);
        if (seen.contains(t))
            return tr("Tier %1 is listed twice.").arg(t);
        seen.append(t);
    }
    return {};
}

QString PolicyTableModel::unitProblem(const QString &text, bool optional)
{
    if (text.trimmed().isEmpty())
        return optional ? QString() : tr("A number between 0 and 1 is required.");
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok)
        return tr("\"%1\" is not a number (use a point for decimals).").arg(text);
    if (v < 0.0 || v > 1.0)
        return tr("Must be between 0 and 1.");
    return {};
}

QJsonValue PolicyTableModel::numberValue(const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? QJsonValue(v) : QJsonValue(text);
}

QString PolicyTableModel::numberText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble());
    return value.isString() ? value.toString() : QString();
}

QString PolicyTableModel::typeNameProblem(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9_]{1,64}$"));
    return pattern.match(text).hasMatch() ? QString() : tr("Type names are upper-case letters, digits and _ (at most 64).");
}

QStringList PolicyTableModel::levelNames()
{
    return {QStringLiteral("public"), QStringLiteral("internal"), QStringLiteral("confidential"), QStringLiteral("restricted")};
}

QStringList PolicyTableModel::tierPresets()
{
    return {QStringLiteral("onprem, cloud"), QStringLiteral("cloud, onprem"), QStringLiteral("onprem"), QStringLiteral("cloud"),
            QStringLiteral("none")};
}

} // namespace perimeter::ui
