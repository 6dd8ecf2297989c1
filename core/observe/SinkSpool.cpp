// SPDX-License-Identifier: Apache-2.0
#include "SinkSpool.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <algorithm>

namespace perimeter::observe {

namespace {

QString fileName(quint64 sequence, int records)
{
    return QStringLiteral("%1-%2.ndjson").arg(sequence, 16, 10, QLatin1Char('0')).arg(records);
}

} // namespace

SinkSpool::SinkSpool(QString directory, qint64 maxBytes) : m_directory(std::move(directory)), m_maxBytes(maxBytes) {}

Result<SinkSpool> SinkSpool::open(const QString &directory, qint64 maxBytes)
{
    if (!QDir().mkpath(directory))
        return Error{QStringLiteral("spool_unwritable"), QStringLiteral("cannot create the sink spool directory %1").arg(directory)};
    QFile::setPermissions(directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    SinkSpool spool(directory, maxBytes);
    static const QRegularExpression pattern(QStringLiteral("^(\\d{16})-(\\d+)\\.ndjson$"));
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("*.ndjson")}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        const auto match = pattern.match(info.fileName());
        if (!match.hasMatch())
            continue;
        Entry e;
        e.sequence = match.captured(1).toULongLong();
        e.records = match.captured(2).toInt();
        e.bytes = info.size();
        e.path = info.absoluteFilePath();
        spool.m_entries.push_back(e);
        spool.m_bytes += e.bytes;
        spool.m_records += e.records;
    }
    std::sort(spool.m_entries.begin(), spool.m_entries.end(), [](const Entry &a, const Entry &b) { return a.sequence < b.sequence; });
    if (!spool.m_entries.empty())
        spool.m_nextSequence = spool.m_entries.back().sequence + 1;
    return spool;
}

Result<SinkSpool::AppendOutcome> SinkSpool::append(const QByteArray &lines, int records)
{
    Entry e;
    e.sequence = m_nextSequence++;
    e.records = records;
    e.bytes = lines.size();
    e.path = QDir(m_directory).filePath(fileName(e.sequence, records));
    // QSaveFile renames into place: a crash never leaves a half batch under a valid name.
    QSaveFile file(e.path);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size() || !file.commit())
        return Error{QStringLiteral("spool_write_failed"), QStringLiteral("cannot write %1: %2").arg(e.path, file.errorString())};
    m_entries.push_back(e);
    m_bytes += e.bytes;
    m_records += e.records;

    AppendOutcome outcome;
    while (m_bytes > m_maxBytes && !m_entries.empty()) {
        const Entry victim = m_entries.front();
        outcome.droppedRecords += victim.records;
        ++outcome.droppedFiles;
        remove(victim);
    }
    return outcome;
}

std::optional<SinkSpool::Entry> SinkSpool::oldest() const
{
    if (m_entries.empty())
        return std::nullopt;
    return m_entries.front();
}

Result<QByteArray> SinkSpool::read(const Entry &entry) const
{
    QFile file(entry.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("spool_read_failed"), QStringLiteral("cannot read %1: %2").arg(entry.path, file.errorString())};
    return file.readAll();
}

void SinkSpool::remove(const Entry &entry)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.sequence == entry.sequence; });
    if (it == m_entries.end())
        return;
    QFile::remove(it->path);
    m_bytes -= it->bytes;
    m_records -= it->records;
    m_entries.erase(it);
}

} // namespace perimeter::observe
