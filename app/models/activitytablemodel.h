// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/activityentry.h"

#include <QAbstractTableModel>
#include <QList>

namespace ddd::app {

// A project's activity log, newest first, as the agent lists it: when, what,
// which version, who, and whether it was refused (the code in the tooltip).
class ActivityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityTableModel)

public:
    enum Column { When, Event, Version, Actor, Outcome, ColumnCount };

    explicit ActivityTableModel(QObject *parent = nullptr);

    void setEntries(const QList<core::model::ActivityEntry> &entries);
    void appendEntries(const QList<core::model::ActivityEntry> &entries);
    void clear();
    const core::model::ActivityEntry *entry(int row) const;

    // "Deployed", "Went live"… for a kind of the API (the kind itself when unknown).
    static QString eventText(const QString &kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static QString displayText(const core::model::ActivityEntry &entry, int column);
    static QString toolTip(const core::model::ActivityEntry &entry);

    QList<core::model::ActivityEntry> m_entries;
};

} // namespace ddd::app
