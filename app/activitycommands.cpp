// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/activitycommands.h"

#include "app/agentconnection.h"
#include "app/models/activitytablemodel.h"
#include "app/pages/activitypage.h"
#include "app/widgets/loadmorebutton.h"
#include "core/client/apiclient.h"

namespace ddd::app {

using Page = core::client::RemotePage<core::model::ActivityEntry>;

ActivityCommands::ActivityCommands(AgentConnection &connection, ActivityTableModel &model, ActivityPage &page,
                                   ShowError showError, QObject *parent)
    : QObject(parent), m_connection(connection), m_model(model), m_page(page), m_showError(std::move(showError))
{
    connect(&m_page, &ActivityPage::filterChanged, this, &ActivityCommands::reload);
    connect(m_page.moreButton(), &LoadMoreButton::moreRequested, this, &ActivityCommands::loadMore);
}

void ActivityCommands::load(qint64 projectId)
{
    const int generation = ++m_generation;
    if (projectId != m_projectId)
        m_model.clear();
    m_projectId = projectId;
    m_cursor.clear();
    m_page.moreButton()->setMoreAvailable(false);
    if (!projectId)
        return m_model.clear();
    m_connection.api().listActivity(projectId, m_page.filter(), {}, this, [this, generation](core::Result<Page> page) {
        if (generation != m_generation)
            return;
        if (!page.ok())
            return m_showError(page.error());
        m_model.setEntries(page->items);
        m_cursor = page->nextCursor;
        m_page.moreButton()->setMoreAvailable(page->hasMore());
    });
}

void ActivityCommands::loadMore()
{
    const int generation = m_generation;
    m_connection.api().listActivity(m_projectId, m_page.filter(), {m_cursor}, this,
                                    [this, generation](core::Result<Page> page) {
                                        if (generation != m_generation)
                                            return;
                                        if (!page.ok()) {
                                            m_page.moreButton()->setMoreAvailable(true); // to try again
                                            return m_showError(page.error());
                                        }
                                        m_model.appendEntries(page->items);
                                        m_cursor = page->nextCursor;
                                        m_page.moreButton()->setMoreAvailable(page->hasMore());
                                    });
}

} // namespace ddd::app
