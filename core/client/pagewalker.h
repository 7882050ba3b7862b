// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/callhandle.h"
#include "core/client/remotepage.h"

#include <memory>

namespace ddd::core::client {

// Follows a listing's cursors page after page and answers every row at once,
// for the few callers that truly need a whole listing (the deploy dialog
// diffs against every file of the live version). One request at a time, so
// the agent's answers stay page-sized. Stops silently when the caller's
// context goes (its page callbacks never run, and the walker is freed with
// the last of them); the first refusal ends the walk with that error.
template<typename T>
class PageWalker final : public std::enable_shared_from_this<PageWalker<T>>
{
public:
    using FetchPage = std::function<void(const QString &cursor, Callback<RemotePage<T>> done)>;

    static void walk(FetchPage fetch, Callback<QList<T>> done)
    {
        auto walker = std::make_shared<PageWalker>(std::move(fetch), std::move(done));
        walker->next(QString());
    }

    PageWalker(FetchPage fetch, Callback<QList<T>> done) : m_fetch(std::move(fetch)), m_done(std::move(done)) {}

private:
    void next(const QString &cursor)
    {
        m_cursor = cursor;
        m_fetch(cursor, [self = this->shared_from_this()](Result<RemotePage<T>> page) { self->arrived(std::move(page)); });
    }

    void arrived(Result<RemotePage<T>> page)
    {
        if (!page.ok())
            return m_done(page.error());
        m_items.append(std::move(page->items));
        if (!page->hasMore())
            return m_done(std::move(m_items));
        // An agent handing out the same cursor again would never end.
        if (page->nextCursor == m_cursor)
            return m_done(ReplyDelivery::unexpected(u"nextCursor"_qs));
        next(page->nextCursor);
    }

    FetchPage m_fetch;
    Callback<QList<T>> m_done;
    QString m_cursor;
    QList<T> m_items;
};

} // namespace ddd::core::client
