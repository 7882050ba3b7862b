// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remoteproject.h"
#include "core/model/version.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace ddd::app {

// The project list: name, domain, live version, last deploy and its status.
// Projects arrive first; each project's versions follow in their own call.
class ProjectTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectTableModel)

public:
    enum Column { Name, Status, LiveVersion, LastDeploy, Domain, ColumnCount };
    static constexpr int ProjectIdRole = Qt::UserRole + 1;

    explicit ProjectTableModel(QObject *parent = nullptr);

    // Keeps what is known about the versions of projects that stay.
    void setProjects(const QList<core::client::RemoteProject> &projects);
    // The next page of the list, below the rows already shown.
    void appendProjects(const QList<core::client::RemoteProject> &projects);
    void setVersions(qint64 projectId, const QList<core::model::Version> &versions);

    const core::client::RemoteProject *project(int row) const;
    const core::model::Version *liveVersion(int row) const;
    int rowOf(qint64 projectId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        core::client::RemoteProject project;
        bool versionsKnown = false;
        std::optional<core::model::Version> live;
        std::optional<core::model::Version> latest;
    };

    QString displayText(const Row &row, int column) const;
    QString statusText(const Row &row) const;
    QVariant statusColor(const Row &row) const;

    QList<Row> m_rows;
};

} // namespace ddd::app
