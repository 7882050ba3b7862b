// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/settingscommands.h"

#include "app/agentconnection.h"
#include "app/dialogs/confirmbox.h"
#include "app/dialogs/sharelinkdialog.h"
#include "app/pages/settingspage.h"
#include "app/statuspalette.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"

#include <QWidget>

namespace ddd::app {

using core::Result;
using core::Status;
using core::client::RemoteProject;

SettingsCommands::SettingsCommands(AgentConnection &connection, MessageBar &messages, SettingsPage &page,
                                   Hooks hooks, QWidget *view)
    : QObject(view), m_connection(connection), m_messages(messages), m_page(page), m_hooks(std::move(hooks)), m_view(view)
{
    connect(&m_page, &SettingsPage::saveRequested, this, &SettingsCommands::save);
    connect(&m_page, &SettingsPage::shareLinkRequested, this, &SettingsCommands::createShareLink);
    connect(&m_page, &SettingsPage::revokeShareLinksRequested, this, &SettingsCommands::revokeShareLinks);
}

void SettingsCommands::save(const core::client::ProjectPatch &changes)
{
    const RemoteProject *project = m_hooks.project();
    if (!project)
        return;
    const QStringList aliases = changes.aliases.value_or(QStringList());
    m_connection.api().updateProject(project->id, changes, this, [this, aliases](Result<RemoteProject> updated) {
        if (!updated.ok()) {
            // The agent names a refused alias by its place in the list; the user knows it by name.
            core::Error error = updated.error();
            if (const qsizetype index = error.details.value(u"index"_qs).toInteger(-1); index >= 0 && index < aliases.size())
                error.details.insert(u"alias"_qs, aliases.at(index));
            m_page.showRefusal(error); // the edits stay, the reason beside the field
            return m_hooks.showError(error);
        }
        showDone(tr("Settings of %1 saved.").arg(updated->name));
        m_hooks.refresh(0);
    });
}

void SettingsCommands::createShareLink()
{
    const RemoteProject *project = m_hooks.project();
    if (!project)
        return;
    auto *dialog = new ShareLinkDialog(m_connection.api(), project->id, project->name, m_view);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SettingsCommands::revokeShareLinks()
{
    const RemoteProject *project = m_hooks.project();
    if (!project)
        return;
    const qint64 id = project->id;
    const QString name = project->name;
    ConfirmBox::ask(m_view, tr("Revoke All Share Links"),
                    tr("End every share link of %1 at once, including links already sent to others? Visitors "
                       "then need a site password.").arg(name),
                    tr("&Revoke Links"), [this, id, name] {
                        m_connection.api().revokeShareLinks(id, this, [this, name](Status status) {
                            if (!status.ok())
                                return m_hooks.showError(status.error());
                            showDone(tr("Every share link of %1 has stopped working.").arg(name));
                        });
                    });
}

void SettingsCommands::showDone(const QString &text)
{
    m_messages.showMessage(StatusPalette::Level::Good, text);
}

} // namespace ddd::app
