// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remotebuild.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ddd::app {

// A project's builds, newest first, as the agent lists them; a build the
// live log reports on replaces its row in place.
class BuildTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildTableModel)

public:
    enum Column { Number, Status, Generator, Trigger, Duration, Version, Created, ColumnCount };
    static constexpr int BuildIdRole = Qt::UserRole + 1;

    explicit BuildTableModel(QObject *parent = nullptr);

    void setBuilds(const QList<core::client::RemoteBuild> &builds);
    // Replaces the row of the same build, or adds it on top.
    void update(const core::client::RemoteBuild &build);
    // Version ids the project's versions list names by number ("v4").
    void setVersionNumbers(const QHash<qint64, qint64> &numbers);
    void clear();
    const core::client::RemoteBuild *build(int row) const;
    int rowOf(qint64 buildId) const;

    static QString statusText(core::client::RemoteBuild::Status status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const core::client::RemoteBuild &build, int column) const;
    QString toolTip(const core::client::RemoteBuild &build) const;
    QVariant statusColor(const core::client::RemoteBuild &build) const;

    QList<core::client::RemoteBuild> m_builds;
    QHash<qint64, qint64> m_versionNumbers;
};

} // namespace ddd::app
