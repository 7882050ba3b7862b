// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/replydelivery.h"
#include "core/util/result.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

namespace ddd::core::client {

// What to ask of a paged listing (docs/api.md, Paging): the cursor the last
// page handed out (empty for the first page), a limit (0: the agent's
// default) and, for a version's files, a path prefix.
struct PageOptions final
{
    QString cursor;
    int limit = 0;
    QString prefix;
};

// One page of a listing as the agent answered it: {"items", "nextCursor"}.
template<typename T>
struct RemotePage final
{
    QList<T> items;
    QString nextCursor; // empty on the last page

    bool hasMore() const { return !nextCursor.isEmpty(); }

    static Result<RemotePage> fromJson(const QJsonValue &body,
                                       const std::function<Result<T>(const QJsonObject &)> &decodeOne)
    {
        if (!body.isObject())
            return ReplyDelivery::unexpected(u"items"_qs);
        auto items = ReplyDelivery::decodeList<T>(body, u"items"_qs, decodeOne);
        if (!items.ok())
            return items.error();
        const QJsonValue next = body[u"nextCursor"_qs];
        if (!next.isNull() && (!next.isString() || next.toString().isEmpty()))
            return ReplyDelivery::unexpected(u"nextCursor"_qs);
        return RemotePage{std::move(items).value(), next.toString()};
    }
};

} // namespace ddd::core::client
