// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/models/projecttablemodel.h"

#include "app/displayformat.h"
#include "app/statuspalette.h"

#include <QHash>

namespace ddd::app {

using core::client::RemoteProject;
using core::model::Version;
using core::model::VersionStatus;

ProjectTableModel::ProjectTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProjectTableModel::setProjects(const QList<RemoteProject> &projects)
{
    QHash<qint64, Row> known;
    for (const Row &row : std::as_const(m_rows))
        known.insert(row.project.id, row);
    beginResetModel();
    m_rows.clear();
    for (const RemoteProject &project : projects) {
        Row row = known.value(project.id);
        row.project = project;
        m_rows.append(row);
    }
    endResetModel();
}

void ProjectTableModel::appendProjects(const QList<RemoteProject> &projects)
{
    QList<RemoteProject> fresh;
    for (const RemoteProject &project : projects)
        if (rowOf(project.id) < 0) // a page read while another arrived may overlap
            fresh.append(project);
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
    for (const RemoteProject &project : std::as_const(fresh))
        m_rows.append(Row{project, false, {}, {}});
    endInsertRows();
}

void ProjectTableModel::setVersions(qint64 projectId, const QList<Version> &versions)
{
    const int at = rowOf(projectId);
    if (at < 0)
        return;
    Row &row = m_rows[at];
    row.versionsKnown = true;
    row.live.reset();
    row.latest.reset();
    for (const Version &version : versions) {
        if (version.status == VersionStatus::Live)
            row.live = version;
        if (!row.latest || version.createdAt > row.latest->createdAt)
            row.latest = version;
    }
    emit dataChanged(index(at, 0), index(at, ColumnCount - 1));
}

const RemoteProject *ProjectTableModel::project(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row].project : nullptr;
}

const Version *ProjectTableModel::liveVersion(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows[row].live ? &*m_rows[row].live : nullptr;
}

int ProjectTableModel::rowOf(qint64 projectId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].project.id == projectId)
            return i;
    return -1;
}

int ProjectTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProjectTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProjectTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayText(row, index.column());
    case Qt::ForegroundRole: return index.column() == Status ? statusColor(row) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == Status && row.latest && row.latest->error ? row.latest->error->message : QVariant();
    case ProjectIdRole: return row.project.id;
    default: return {};
    }
}

QVariant ProjectTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Project");
    case Domain: return tr("Domain");
    case LiveVersion: return tr("Live version");
    case LastDeploy: return tr("Last deploy");
    case Status: return tr("Status");
    default: return {};
    }
}

QString ProjectTableModel::displayText(const Row &row, int column) const
{
    switch (column) {
    case Name: return row.project.name;
    case Domain: return row.project.domain.value_or(row.project.stagingHost);
    case LiveVersion: return row.live ? DisplayFormat::version(row.live->number) : QString();
    case LastDeploy: return row.latest ? DisplayFormat::time(row.latest->createdAt) : QString();
    case Status: return statusText(row);
    default: return {};
    }
}

QString ProjectTableModel::statusText(const Row &row) const
{
    if (!row.versionsKnown)
        return tr("Loading…");
    if (!row.latest)
        return tr("No version yet");
    switch (row.latest->status) {
    case VersionStatus::Failed: return tr("Last deploy failed");
    case VersionStatus::Uploading:
    case VersionStatus::Processing: return tr("Deploying…");
    case VersionStatus::Ready: return row.live ? tr("Live, newer version ready") : tr("Ready, not live");
    case VersionStatus::Live: return tr("Live");
    case VersionStatus::Retired: return row.live ? tr("Live (rolled back)") : tr("Not live");
    }
    return {};
}

QVariant ProjectTableModel::statusColor(const Row &row) const
{
    if (!row.latest)
        return {};
    if (row.latest->status == VersionStatus::Failed)
        return StatusPalette::color(StatusPalette::Level::Problem);
    if (!row.live)
        return StatusPalette::color(StatusPalette::Level::Warning);
    return StatusPalette::color(StatusPalette::Level::Good);
}

} // namespace ddd::app
