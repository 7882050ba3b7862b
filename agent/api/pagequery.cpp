// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/pagequery.h"

#include "core/wire/pagecursor.h"

namespace ddd::agent::api {

namespace {

core::Error invalidLimit(int maxLimit)
{
    return core::Error::make(u"request.invalid_limit"_qs,
                             u"limit must be a whole number from 1 to %1"_qs.arg(maxLimit),
                             QJsonObject{{u"field"_qs, u"limit"_qs}, {u"min"_qs, 1}, {u"max"_qs, maxLimit}});
}

} // namespace

core::Result<core::model::PageRequest> PageQuery::read(const http::Request &request, const Listing &listing)
{
    core::model::PageRequest page;
    page.limit = listing.defaultLimit;
    if (request.query.hasQueryItem(u"limit"_qs)) {
        const QString text = request.query.queryItemValue(u"limit"_qs);
        bool ok = false;
        // Digits only: no sign, no spaces, no "1e3"; length caps the number first.
        const int limit = text.size() <= 6 && !text.contains(u'+') ? text.toInt(&ok) : 0;
        if (!ok || limit < 1 || limit > listing.maxLimit || text.trimmed() != text)
            return invalidLimit(listing.maxLimit);
        page.limit = limit;
    }
    const QString cursor = request.query.queryItemValue(u"cursor"_qs, QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        auto after = core::wire::PageCursor::decode(cursor, listing.name, listing.scope);
        if (!after)
            return after.error();
        page.after = *after;
    }
    return page;
}

QString PageQuery::cursorAfter(const Listing &listing, const core::model::PageKey &key)
{
    return core::wire::PageCursor::encode(listing.name, listing.scope, key);
}

QJsonObject PageQuery::body(const QJsonArray &items, const QString &nextCursor)
{
    return QJsonObject{{u"items"_qs, items},
                       {u"nextCursor"_qs, nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(nextCursor)}};
}

} // namespace ddd::agent::api
