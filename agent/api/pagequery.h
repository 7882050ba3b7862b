// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/errorresponse.h"
#include "agent/http/request.h"
#include "agent/http/response.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace ddd::agent::api {

// The paging options every listing route reads the same way
// (`?limit=N&cursor=...`, docs/api.md "Paging") and the one shape they all
// answer: {"items": [...], "nextCursor": "..." | null}.
class PageQuery final
{
public:
    // Which listing of what: cursors name both, so one listing's cursor is
    // refused by another.
    struct Listing final
    {
        QString name;
        qint64 scope = 0;
        int defaultLimit = 50;
        int maxLimit = 200;
    };

    // `request.invalid_limit` (details {min, max}) for a limit that is not a
    // whole number in range; `request.invalid_cursor` from PageCursor.
    static core::Result<core::model::PageRequest> read(const http::Request &request, const Listing &listing);

    // 200 with the page, its items made by `toJson`, the next cursor from the
    // last item's `keyOf`; or the error.
    template<typename T, typename ToJson, typename KeyOf>
    static http::Response answer(const core::Result<core::model::Page<T>> &page, const Listing &listing,
                                 ToJson toJson, KeyOf keyOf)
    {
        if (!page)
            return http::errorResponse(page.error());
        QJsonArray items;
        for (const T &item : page->items)
            items.append(toJson(item));
        const QString next = page->more ? cursorAfter(listing, keyOf(page->items.last())) : QString();
        return http::Response::json(200, body(items, next));
    }

private:
    static QString cursorAfter(const Listing &listing, const core::model::PageKey &key);
    static QJsonObject body(const QJsonArray &items, const QString &nextCursor);
};

} // namespace ddd::agent::api
