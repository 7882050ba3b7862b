// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/projectpatch.h"
#include "core/util/error.h"

#include <QObject>

#include <functional>

class QWidget;

namespace ddd::core::client {
struct RemoteProject;
}

namespace ddd::app {

class AgentConnection;
class MessageBar;
class SettingsPage;

// What the Settings tab does with the agent: saves the changed settings
// (a refusal also goes next to its field), and issues or revokes share links.
class SettingsCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsCommands)

public:
    // What the commands read from, and ask of, the view they serve.
    struct Hooks
    {
        std::function<const core::client::RemoteProject *()> project;
        std::function<void(qint64 selectProjectId)> refresh;
        std::function<void(const core::Error &error)> showError;
    };

    SettingsCommands(AgentConnection &connection, MessageBar &messages, SettingsPage &page, Hooks hooks,
                     QWidget *view);

    void save(const core::client::ProjectPatch &changes);
    void createShareLink();
    void revokeShareLinks();

private:
    void showDone(const QString &text);

    AgentConnection &m_connection;
    MessageBar &m_messages;
    SettingsPage &m_page;
    Hooks m_hooks;
    QWidget *m_view;
};

} // namespace ddd::app
