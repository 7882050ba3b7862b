// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::app {

class AppSettings;

// Incremental uploads that have not finished, kept across restarts of the
// dashboard so they resume instead of starting over. One per agent and
// project: a newer upload to the same project replaces the older one.
class PendingUploads final
{
public:
    struct Entry
    {
        QString agentId;
        qint64 projectId = 0;
        QString projectName;
        QString sourcePath;
        QString uploadId;
        QStringList remaining; // hashes not yet confirmed by the agent
        bool activate = false;

        QJsonObject toJson() const;
        static std::optional<Entry> fromJson(const QJsonObject &json);
        bool operator==(const Entry &) const = default;
    };

    explicit PendingUploads(AppSettings &settings);

    QList<Entry> forAgent(const QString &agentId) const;
    std::optional<Entry> find(const QString &agentId, qint64 projectId) const;
    void save(const Entry &entry);
    void remove(const QString &agentId, qint64 projectId);

private:
    QList<Entry> all() const;
    void store(const QList<Entry> &entries);

    AppSettings &m_settings;
};

} // namespace ddd::app
