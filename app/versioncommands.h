// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QUrl>

#include <functional>

class QWidget;

namespace ddd::core::client {
struct RemoteProject;
}
namespace ddd::core::model {
struct Version;
}

namespace ddd::app {

class AgentConnection;
class MessageBar;

// What the user does with versions: go live, roll back, pin, delete, and
// open or copy the site's or a version's preview address. Results and errors
// go to the message bar.
class VersionCommands final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionCommands)

public:
    // What the commands read from, and ask of, the view they serve.
    struct Selection
    {
        std::function<const core::client::RemoteProject *()> project;
        std::function<const core::model::Version *()> version;
        std::function<QUrl()> siteAddress;
        std::function<void(qint64 projectId, qint64 selectVersionId)> reload;
    };

    VersionCommands(AgentConnection &connection, MessageBar &messages, Selection selection, QWidget *view);

    void goLive();
    void rollBack();
    void togglePin();
    void deleteVersion();
    void openSite();
    void copySiteUrl();
    void openPreview();
    void copyPreviewUrl();

private:
    QString versionName(const core::model::Version &version) const;

    AgentConnection &m_connection;
    MessageBar &m_messages;
    Selection m_selection;
    QWidget *m_view;
};

} // namespace ddd::app
