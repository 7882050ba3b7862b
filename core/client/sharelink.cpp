// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/sharelink.h"

#include "core/wire/jsonfields.h"

namespace ddd::core::client {

Result<ShareLink> ShareLink::fromJson(const QJsonObject &json)
{
    wire::JsonFields fields(json);
    ShareLink link;
    link.token = fields.string(u"token"_qs);
    link.url = QUrl(fields.string(u"url"_qs), QUrl::StrictMode);
    // The link is shown to be opened and passed on: only a web address will do.
    if (!link.url.isValid() || link.url.host().isEmpty()
        || (link.url.scheme() != u"http"_qs && link.url.scheme() != u"https"_qs))
        fields.fail(u"url"_qs);
    link.expiresAt = fields.timestamp(u"expiresAt"_qs);
    if (auto error = fields.error())
        return *error;
    return link;
}

} // namespace ddd::core::client
