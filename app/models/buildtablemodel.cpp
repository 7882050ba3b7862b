// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/models/buildtablemodel.h"

#include "app/displayformat.h"
#include "app/statuspalette.h"

namespace ddd::app {

using core::client::RemoteBuild;

namespace {

QString triggerText(const QString &trigger)
{
    if (trigger == u"upload")
        return BuildTableModel::tr("Upload");
    if (trigger == u"rebuild")
        return BuildTableModel::tr("Rebuild");
    if (trigger == u"hook")
        return BuildTableModel::tr("Build hook");
    if (trigger == u"git")
        return BuildTableModel::tr("Git");
    return trigger;
}

QString generatorText(const RemoteBuild &build)
{
    return build.detection ? DisplayFormat::generator(build.detection->generator) : BuildTableModel::tr("Not detected");
}

} // namespace

BuildTableModel::BuildTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BuildTableModel::setBuilds(const QList<RemoteBuild> &builds)
{
    beginResetModel();
    m_builds = builds;
    endResetModel();
}

void BuildTableModel::update(const RemoteBuild &build)
{
    const int row = rowOf(build.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_builds.prepend(build);
        endInsertRows();
        return;
    }
    m_builds[row] = build;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void BuildTableModel::setVersionNumbers(const QHash<qint64, qint64> &numbers)
{
    m_versionNumbers = numbers;
    if (!m_builds.isEmpty())
        emit dataChanged(index(0, Version), index(rowCount() - 1, Version));
}

void BuildTableModel::clear()
{
    setBuilds({});
}

const RemoteBuild *BuildTableModel::build(int row) const
{
    return row >= 0 && row < m_builds.size() ? &m_builds[row] : nullptr;
}

int BuildTableModel::rowOf(qint64 buildId) const
{
    for (int i = 0; i < m_builds.size(); ++i)
        if (m_builds[i].id == buildId)
            return i;
    return -1;
}

QString BuildTableModel::statusText(RemoteBuild::Status status)
{
    switch (status) {
    case RemoteBuild::Status::Queued: return tr("Queued");
    case RemoteBuild::Status::Running: return tr("Running");
    case RemoteBuild::Status::Succeeded: return tr("Succeeded");
    case RemoteBuild::Status::Failed: return tr("Failed");
    case RemoteBuild::Status::Cancelled: return tr("Cancelled");
    case RemoteBuild::Status::Interrupted: return tr("Interrupted");
    }
    return {};
}

int BuildTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_builds.size());
}

int BuildTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BuildTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_builds.size())
        return {};
    const RemoteBuild &build = m_builds[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayText(build, index.column());
    case Qt::ForegroundRole: return index.column() == Status ? statusColor(build) : QVariant();
    case Qt::ToolTipRole: return toolTip(build);
    case BuildIdRole: return build.id;
    default: return {};
    }
}

QVariant BuildTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Build");
    case Status: return tr("Status");
    case Generator: return tr("Generator");
    case Trigger: return tr("Trigger");
    case Duration: return tr("Duration");
    case Version: return tr("Version");
    case Created: return tr("Started");
    default: return {};
    }
}

QString BuildTableModel::displayText(const RemoteBuild &build, int column) const
{
    switch (column) {
    case Number: return tr("#%1").arg(build.number);
    case Status: return statusText(build.status);
    case Generator: return generatorText(build);
    case Trigger: return triggerText(build.trigger);
    case Duration: return build.durationMs ? DisplayFormat::duration((*build.durationMs + 999) / 1000) : QString();
    case Version:
        if (!build.versionId)
            return {};
        return m_versionNumbers.contains(*build.versionId) ? DisplayFormat::version(m_versionNumbers.value(*build.versionId))
                                                            : tr("Version %1").arg(*build.versionId);
    case Created: return DisplayFormat::time(build.startedAt.value_or(build.createdAt));
    default: return {};
    }
}

QString BuildTableModel::toolTip(const RemoteBuild &build) const
{
    QStringList lines;
    if (build.detection && !build.detection->command.isEmpty())
        lines.append(tr("Command: %1").arg(build.detection->command));
    if (build.detection && !build.detection->toolchain.isEmpty())
        lines.append(tr("Toolchain: %1").arg(build.detection->toolchain));
    if (build.error)
        lines.append(tr("Failed: %1 (%2)").arg(build.error->message, build.error->code));
    if (!build.authorEmail.isEmpty())
        lines.append(tr("Started by %1").arg(build.authorEmail));
    return lines.join(u'\n');
}

QVariant BuildTableModel::statusColor(const RemoteBuild &build) const
{
    switch (build.status) {
    case RemoteBuild::Status::Succeeded: return StatusPalette::color(StatusPalette::Level::Good);
    case RemoteBuild::Status::Failed:
    case RemoteBuild::Status::Interrupted: return StatusPalette::color(StatusPalette::Level::Problem);
    case RemoteBuild::Status::Cancelled: return StatusPalette::color(StatusPalette::Level::Warning);
    default: return {};
    }
}

} // namespace ddd::app
