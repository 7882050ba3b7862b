// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/models/versiontablemodel.h"

#include "app/displayformat.h"
#include "app/statuspalette.h"

namespace ddd::app {

using core::model::Version;
using core::model::VersionSource;
using core::model::VersionStatus;

namespace {

QString sourceText(VersionSource source)
{
    switch (source) {
    case VersionSource::Archive: return VersionTableModel::tr("Archive");
    case VersionSource::Incremental: return VersionTableModel::tr("Folder");
    case VersionSource::Build: return VersionTableModel::tr("Build");
    }
    return {};
}

} // namespace

VersionTableModel::VersionTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void VersionTableModel::setVersions(const QList<Version> &versions)
{
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

void VersionTableModel::appendVersions(const QList<Version> &versions)
{
    QList<Version> fresh;
    for (const Version &version : versions)
        if (rowOf(version.id) < 0)
            fresh.append(version);
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_versions.size()), int(m_versions.size() + fresh.size() - 1));
    m_versions.append(fresh);
    endInsertRows();
}

void VersionTableModel::clear()
{
    setVersions({});
}

const Version *VersionTableModel::version(int row) const
{
    return row >= 0 && row < m_versions.size() ? &m_versions[row] : nullptr;
}

int VersionTableModel::rowOf(qint64 versionId) const
{
    for (int i = 0; i < m_versions.size(); ++i)
        if (m_versions[i].id == versionId)
            return i;
    return -1;
}

bool VersionTableModel::hasLive() const
{
    return std::any_of(m_versions.cbegin(), m_versions.cend(),
                       [](const Version &v) { return v.status == VersionStatus::Live; });
}

int VersionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int VersionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_versions.size())
        return {};
    const Version &version = m_versions[index.row()];
    switch (role) {
    case Qt::DisplayRole: return displayText(version, index.column());
    case Qt::ForegroundRole: return index.column() == Status ? statusColor(version) : QVariant();
    case Qt::ToolTipRole: return toolTip(version);
    case Qt::TextAlignmentRole:
        return index.column() >= Files && index.column() <= UniqueSize
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case VersionIdRole: return version.id;
    default: return {};
    }
}

QVariant VersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Number: return tr("Version");
    case Status: return tr("Status");
    case Source: return tr("Source");
    case Author: return tr("Author");
    case Files: return tr("Files");
    case Size: return tr("Size");
    case UniqueSize: return tr("Unique");
    case Created: return tr("Created");
    case Pinned: return tr("Pinned");
    default: return {};
    }
}

QString VersionTableModel::displayText(const Version &version, int column) const
{
    switch (column) {
    case Number: return DisplayFormat::version(version.number);
    case Status: return DisplayFormat::status(version.status);
    case Source: return sourceText(version.source);
    case Author: return version.authorEmail.isEmpty() ? tr("(deleted account)") : version.authorEmail;
    case Files: return QLocale().toString(version.fileCount);
    case Size: return DisplayFormat::bytes(version.totalBytes);
    case UniqueSize: return DisplayFormat::bytes(version.uniqueBytes);
    case Created: return DisplayFormat::time(version.createdAt);
    case Pinned: return version.pinned ? tr("Pinned") : QString();
    default: return {};
    }
}

QString VersionTableModel::toolTip(const Version &version) const
{
    if (version.error)
        return tr("Failed: %1 (%2)").arg(version.error->message, version.error->code);
    const QString diff = tr("%1 added, %2 changed, %3 removed; %4 in, %5 out")
                             .arg(version.diff.added)
                             .arg(version.diff.changed)
                             .arg(version.diff.removed)
                             .arg(DisplayFormat::bytes(version.diff.bytesAdded),
                                  DisplayFormat::bytes(version.diff.bytesRemoved));
    QString tip = diff;
    if (version.activatedAt)
        tip += u'\n' + tr("Last went live %1").arg(DisplayFormat::time(*version.activatedAt));
    if (!version.previewUrl.isEmpty())
        tip += u'\n' + tr("Preview: %1").arg(version.previewUrl.toString());
    return tip;
}

QVariant VersionTableModel::statusColor(const Version &version) const
{
    switch (version.status) {
    case VersionStatus::Live: return StatusPalette::color(StatusPalette::Level::Good);
    case VersionStatus::Failed: return StatusPalette::color(StatusPalette::Level::Problem);
    case VersionStatus::Uploading:
    case VersionStatus::Processing: return StatusPalette::color(StatusPalette::Level::Warning);
    case VersionStatus::Ready:
    case VersionStatus::Retired: return {};
    }
    return {};
}

} // namespace ddd::app
