// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QObject>

#include <functional>

namespace ddd::app {

class ActivityPage;
class ActivityTableModel;
class AgentConnection;

// What the Activity tab does with the agent: lists the project's log under
// the page's filters, a page at a time, again whenever something may have
// added an entry (a deploy, a version command, a settings change).
class ActivityCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityCommands)

public:
    using ShowError = std::function<void(const core::Error &error)>;

    ActivityCommands(AgentConnection &connection, ActivityTableModel &model, ActivityPage &page, ShowError showError,
                     QObject *parent = nullptr);

    // The project's first page (0: none selected).
    void load(qint64 projectId);
    // The same project again, first page, current filters.
    void reload() { load(m_projectId); }
    void loadMore();

private:
    AgentConnection &m_connection;
    ActivityTableModel &m_model;
    ActivityPage &m_page;
    ShowError m_showError;
    qint64 m_projectId = 0;
    QString m_cursor;
    int m_generation = 0; // answers to an older load() are dropped
};

} // namespace ddd::app
