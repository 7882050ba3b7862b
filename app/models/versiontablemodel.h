// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/version.h"

#include <QAbstractTableModel>
#include <QList>

namespace ddd::app {

// A project's version history, newest first, as the agent lists it.
class VersionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionTableModel)

public:
    enum Column { Number, Status, Source, Author, Files, Size, UniqueSize, Created, Pinned, ColumnCount };
    static constexpr int VersionIdRole = Qt::UserRole + 1;

    explicit VersionTableModel(QObject *parent = nullptr);

    void setVersions(const QList<core::model::Version> &versions);
    // Older versions (the next page), below the rows already shown.
    void appendVersions(const QList<core::model::Version> &versions);
    void clear();
    const core::model::Version *version(int row) const;
    int rowOf(qint64 versionId) const;
    bool hasLive() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const core::model::Version &version, int column) const;
    QString toolTip(const core::model::Version &version) const;
    QVariant statusColor(const core::model::Version &version) const;

    QList<core::model::Version> m_versions;
};

} // namespace ddd::app
