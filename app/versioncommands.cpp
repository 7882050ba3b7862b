// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/versioncommands.h"

#include "app/addressopener.h"
#include "app/agentconnection.h"
#include "app/dialogs/confirmbox.h"
#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"

#include <QWidget>

namespace ddd::app {

using core::Result;
using core::Status;
using core::model::Version;

VersionCommands::VersionCommands(AgentConnection &connection, MessageBar &messages, Selection selection, QWidget *view)
    : QObject(view), m_connection(connection), m_messages(messages), m_selection(std::move(selection)), m_view(view)
{
}

// "v4 of Shop": the version as the user knows it, never its internal id.
QString VersionCommands::versionName(const Version &version) const
{
    const auto *project = m_selection.project();
    return project ? tr("%1 of %2").arg(DisplayFormat::version(version.number), project->name)
                   : DisplayFormat::version(version.number);
}

void VersionCommands::goLive()
{
    const Version *version = m_selection.version();
    if (!version)
        return;
    const qint64 projectId = version->projectId;
    const QString attempt = tr("%1 could not go live.").arg(versionName(*version));
    m_connection.api().activate(version->id, this, [this, projectId, attempt](Result<Version> live) {
        if (!live.ok())
            return m_messages.showError(ErrorMessages::describe(live.error(), attempt));
        m_selection.reload(projectId, live->id);
        m_messages.showMessage(StatusPalette::Level::Good, tr("%1 is live.").arg(DisplayFormat::version(live->number)));
    });
}

void VersionCommands::rollBack()
{
    const auto *project = m_selection.project();
    if (!project)
        return;
    const qint64 projectId = project->id;
    const QString attempt = tr("%1 could not be rolled back.").arg(project->name);
    m_connection.api().rollback(projectId, std::nullopt, this, [this, projectId, attempt](Result<Version> live) {
        if (!live.ok())
            return m_messages.showError(ErrorMessages::describe(live.error(), attempt));
        m_selection.reload(projectId, live->id);
        m_messages.showMessage(StatusPalette::Level::Good,
                               tr("Rolled back: %1 is live again.").arg(DisplayFormat::version(live->number)));
    });
}

void VersionCommands::togglePin()
{
    const Version *version = m_selection.version();
    if (!version)
        return;
    const qint64 projectId = version->projectId;
    const qint64 versionId = version->id;
    const QString attempt = version->pinned ? tr("%1 could not be unpinned.").arg(versionName(*version))
                                            : tr("%1 could not be pinned.").arg(versionName(*version));
    m_connection.api().setPinned(versionId, !version->pinned, this, [this, projectId, versionId, attempt](Status status) {
        if (!status.ok())
            return m_messages.showError(ErrorMessages::describe(status.error(), attempt));
        m_selection.reload(projectId, versionId);
    });
}

void VersionCommands::deleteVersion()
{
    const Version *version = m_selection.version();
    if (!version)
        return;
    const qint64 projectId = version->projectId;
    const qint64 versionId = version->id;
    const QString text = tr("Delete %1? This frees %2 on the agent and cannot be undone.")
                             .arg(DisplayFormat::version(version->number), DisplayFormat::bytes(version->uniqueBytes));
    const QString attempt = tr("%1 could not be deleted.").arg(versionName(*version));
    ConfirmBox::ask(m_view, tr("Delete Version"), text, tr("&Delete Version"), [this, projectId, versionId, attempt] {
        m_connection.api().deleteDeploy(versionId, this, [this, projectId, attempt](Status status) {
            if (!status.ok())
                return m_messages.showError(ErrorMessages::describe(status.error(), attempt));
            m_messages.showMessage(StatusPalette::Level::Good, tr("Version deleted."));
            m_selection.reload(projectId, 0);
        });
    });
}

void VersionCommands::openSite()
{
    AddressOpener(m_messages).open(m_selection.siteAddress());
}

void VersionCommands::copySiteUrl()
{
    AddressOpener(m_messages).copy(m_selection.siteAddress());
}

void VersionCommands::openPreview()
{
    if (const Version *version = m_selection.version())
        AddressOpener(m_messages).open(version->previewUrl);
}

void VersionCommands::copyPreviewUrl()
{
    if (const Version *version = m_selection.version())
        AddressOpener(m_messages).copy(version->previewUrl);
}

} // namespace ddd::app
