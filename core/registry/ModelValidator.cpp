// SPDX-License-Identifier: Apache-2.0
#include "ModelValidator.h"
#include <QSet>

namespace perimeter::registry {

namespace {

bool isIdentifierChar(QChar c, const QString &extra)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || extra.contains(c);
}

// Names appear in URLs, request bodies and shell commands: a conservative alphabet that
// still covers the usual model naming ("meta-llama/Llama-3.1-70B-Instruct", "qwen2.5:7b").
QString identifierProblem(const QString &value, int maxLength, const QString &extra)
{
    if (value.isEmpty())
        return QStringLiteral("is required");
    if (value.size() > maxLength)
        return QStringLiteral("must be at most %1 characters").arg(maxLength);
    if (!isIdentifierChar(value.at(0), QString()))
        return QStringLiteral("must start with a letter or digit");
    for (const QChar c : value) {
        if (!isIdentifierChar(c, extra))
            return QStringLiteral("may contain only letters, digits and %1").arg(extra.split(QString(), Qt::SkipEmptyParts).join(QLatin1Char(' ')));
    }
    return QString();
}

} // namespace

bool ModelValidator::isValidKind(const QString &kind)
{
    return kind == QLatin1String("chat") || kind == QLatin1String("completion") || kind == QLatin1String("embedding");
}

QStringList ModelValidator::validate(const ModelRecord &record, const config::Config &config, const QList<ModelRecord> &existing, bool isNew)
{
    QStringList problems;
    if (const QString p = identifierProblem(record.name, kMaxNameLength, QStringLiteral("._-:/")); !p.isEmpty())
        problems.append(QStringLiteral("name: %1").arg(p));
    if (const QString p = identifierProblem(record.version, kMaxVersionLength, QStringLiteral("._-+")); !p.isEmpty())
        problems.append(QStringLiteral("version: %1").arg(p));
    if (!isValidKind(record.kind))
        problems.append(QStringLiteral("kind: must be \"chat\", \"completion\" or \"embedding\""));

    if (record.endpoints.isEmpty())
        problems.append(QStringLiteral("endpoints: at least one on-prem endpoint is required"));
    QSet<QString> seen;
    for (int i = 0; i < record.endpoints.size(); ++i) {
        const QString &id = record.endpoints.at(i);
        const auto *endpoint = config.endpoint(id);
        if (!endpoint)
            problems.append(QStringLiteral("endpoints/%1: unknown endpoint id \"%2\"").arg(i).arg(id));
        else if (endpoint->tier != Tier::OnPrem)
            problems.append(QStringLiteral("endpoints/%1: \"%2\" is a cloud endpoint; the registry holds on-prem models (cloud models stay in the config)").arg(i).arg(id));
        if (seen.contains(id))
            problems.append(QStringLiteral("endpoints/%1: \"%2\" is listed twice").arg(i).arg(id));
        seen.insert(id);
    }
    if (record.contextLength < 0 || record.contextLength > kMaxContextLength)
        problems.append(QStringLiteral("context_length: must be between 0 (not stated) and %1").arg(kMaxContextLength));
    if (record.capacity <= 0 || record.capacity > kMaxCapacity)
        problems.append(QStringLiteral("capacity: must be between 1 and %1").arg(kMaxCapacity));
    if (record.notes.size() > kMaxNotesLength)
        problems.append(QStringLiteral("notes: must be at most %1 characters").arg(kMaxNotesLength));
    for (const QChar c : record.notes) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t')) {
            problems.append(QStringLiteral("notes: must not contain control characters"));
            break;
        }
    }

    for (const auto &other : existing) {
        if (other.name != record.name)
            continue;
        if (other.version == record.version) {
            if (isNew)
                problems.append(QStringLiteral("version: %1 version %2 is already registered").arg(record.name, record.version));
            continue;
        }
        if (record.status == ModelStatus::Active && other.status == ModelStatus::Active)
            problems.append(QStringLiteral("status: version %1 of %2 is already active; set it to draining or retired first").arg(other.version, record.name));
        if (record.status != ModelStatus::Retired && other.status != ModelStatus::Retired && ModelValidator::isValidKind(record.kind) && other.kind != record.kind)
            problems.append(QStringLiteral("kind: version %1 of %2 is a %3 model; all versions in service must share one kind").arg(other.version, record.name, other.kind));
    }
    if (const auto *configured = config.model(record.name); configured && record.status != ModelStatus::Retired && configured->kind != record.kind && isValidKind(record.kind)) {
        // A hybrid model keeps its cloud endpoints from the config; one name serves one kind.
        for (const auto &id : configured->endpoints) {
            const auto *e = config.endpoint(id);
            if (e && e->tier == Tier::Cloud) {
                problems.append(QStringLiteral("kind: the config serves %1 from the cloud as a %2 model").arg(record.name, configured->kind));
                break;
            }
        }
    }
    return problems;
}

} // namespace perimeter::registry
