// SPDX-License-Identifier: Apache-2.0
#include "PolicyModelRulesModel.h"
#include <QJsonArray>

namespace perimeter::ui {

PolicyModelRulesModel::PolicyModelRulesModel(QObject *parent) : PolicyTableModel(parent)
{
    m_columns = {ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Text, {}, false}, ColumnSpec{Kind::Text, {}, false}};
}

QList<QVariantList> PolicyModelRulesModel::read(const QJsonObject &document) const
{
    QList<QVariantList> rows;
    const QJsonObject models = document.value(QLatin1String("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        auto list = [&](const char *key) {
            QStringList out;
            for (const auto &v : m.value(QLatin1String(key)).toArray())
                out.append(v.toString());
            return out.join(QLatin1String(", "));
        };
        rows.append(QVariantList{it.key(), list("teams"), list("callers"), m.value(QLatin1String("comment")).toString()});
    }
    return rows;
}

void PolicyModelRulesModel::store(QJsonObject &document) const
{
    QJsonObject models;
    for (int r = 0; r < rowsInModel(); ++r) {
        QJsonObject m;
        const QStringList teams = splitList(text(r, TeamsColumn));
        const QStringList callers = splitList(text(r, CallersColumn));
        if (!teams.isEmpty())
            m.insert(QLatin1String("teams"), QJsonArray::fromStringList(teams));
        if (!callers.isEmpty())
            m.insert(QLatin1String("callers"), QJsonArray::fromStringList(callers));
        if (!text(r, CommentColumn).isEmpty())
            m.insert(QLatin1String("comment"), text(r, CommentColumn));
        models.insert(text(r, ModelColumn), m);
    }
    if (models.isEmpty())
        document.remove(QLatin1String("models"));
    else
        document.insert(QLatin1String("models"), models);
}

QString PolicyModelRulesModel::rowPath(int row) const
{
    return QStringLiteral("/models/") + escapePointerToken(text(row, ModelColumn));
}

QString PolicyModelRulesModel::cellPath(int row, int column) const
{
    static const char *const keys[] = {nullptr, "teams", "callers", "comment"};
    return column == ModelColumn ? rowPath(row) : rowPath(row) + QLatin1Char('/') + QLatin1String(keys[column]);
}

QString PolicyModelRulesModel::headerText(int column) const
{
    switch (column) {
    case ModelColumn:
        return tr("Model");
    case TeamsColumn:
        return tr("Teams allowed");
    case CallersColumn:
        return tr("Callers allowed");
    default:
        return tr("Comment");
    }
}

QString PolicyModelRulesModel::columnToolTip(int column) const
{
    if (column == TeamsColumn || column == CallersColumn)
        return tr("Separated by commas. Other callers get model_not_found and do not see the model.");
    return {};
}

QString PolicyModelRulesModel::checkCell(int row, int column) const
{
    if (column == ModelColumn) {
        const QString name = text(row, column);
        if (name.isEmpty())
            return tr("Name the model.");
        for (int r = 0; r < rowsInModel(); ++r) {
            if (r != row && text(r, ModelColumn) == name)
                return tr("Model %1 has two rules.").arg(name);
        }
        return {};
    }
    if ((column == TeamsColumn || column == CallersColumn) && splitList(text(row, TeamsColumn)).isEmpty()
        && splitList(text(row, CallersColumn)).isEmpty())
        return tr("Allow at least one team or caller.");
    return {};
}

} // namespace perimeter::ui
