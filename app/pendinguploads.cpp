// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pendinguploads.h"

#include "app/appsettings.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ddd::app {

QJsonObject PendingUploads::Entry::toJson() const
{
    return QJsonObject{
        {u"agentId"_qs, agentId},
        {u"projectId"_qs, projectId},
        {u"projectName"_qs, projectName},
        {u"sourcePath"_qs, sourcePath},
        {u"uploadId"_qs, uploadId},
        {u"remaining"_qs, QJsonArray::fromStringList(remaining)},
        {u"activate"_qs, activate},
    };
}

std::optional<PendingUploads::Entry> PendingUploads::Entry::fromJson(const QJsonObject &json)
{
    Entry entry;
    entry.agentId = json.value(u"agentId"_qs).toString();
    entry.projectId = json.value(u"projectId"_qs).toInteger();
    entry.projectName = json.value(u"projectName"_qs).toString();
    entry.sourcePath = json.value(u"sourcePath"_qs).toString();
    entry.uploadId = json.value(u"uploadId"_qs).toString();
    for (const QJsonValue &hash : json.value(u"remaining"_qs).toArray())
        entry.remaining.append(hash.toString());
    entry.activate = json.value(u"activate"_qs).toBool();
    if (entry.agentId.isEmpty() || entry.projectId <= 0 || entry.uploadId.isEmpty() || entry.sourcePath.isEmpty())
        return std::nullopt;
    return entry;
}

PendingUploads::PendingUploads(AppSettings &settings) : m_settings(settings) {}

QList<PendingUploads::Entry> PendingUploads::forAgent(const QString &agentId) const
{
    QList<Entry> entries;
    for (const Entry &entry : all())
        if (entry.agentId == agentId)
            entries.append(entry);
    return entries;
}

std::optional<PendingUploads::Entry> PendingUploads::find(const QString &agentId, qint64 projectId) const
{
    for (const Entry &entry : all())
        if (entry.agentId == agentId && entry.projectId == projectId)
            return entry;
    return std::nullopt;
}

void PendingUploads::save(const Entry &entry)
{
    QList<Entry> entries = all();
    entries.removeIf([&entry](const Entry &e) { return e.agentId == entry.agentId && e.projectId == entry.projectId; });
    entries.append(entry);
    store(entries);
}

void PendingUploads::remove(const QString &agentId, qint64 projectId)
{
    QList<Entry> entries = all();
    if (entries.removeIf([&](const Entry &e) { return e.agentId == agentId && e.projectId == projectId; }) > 0)
        store(entries);
}

QList<PendingUploads::Entry> PendingUploads::all() const
{
    QList<Entry> entries;
    const QJsonArray array =
        QJsonDocument::fromJson(m_settings.value(AppSettings::Key::PendingUploads).toString().toUtf8()).array();
    for (const QJsonValue &value : array)
        if (auto entry = Entry::fromJson(value.toObject()))
            entries.append(*entry);
    return entries;
}

void PendingUploads::store(const QList<Entry> &entries)
{
    QJsonArray array;
    for (const Entry &entry : entries)
        array.append(entry.toJson());
    m_settings.setValue(AppSettings::Key::PendingUploads,
                        QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    m_settings.sync();
}

} // namespace ddd::app
