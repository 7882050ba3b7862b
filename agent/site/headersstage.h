// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/sitepoststage.h"

#include <QByteArray>
#include <QList>

#include <utility>

namespace ddd::agent::site {

// Headers every site answer carries (nosniff, the site security headers,
// X-DDD-Version once the project is known) and, for a file, the headers
// that describe it: Content-Type from the extension, Cache-Control, and for
// a 200 the strong ETag and Accept-Ranges. Answers of a protected site are
// marked private.
class HeadersStage final : public SitePostStage
{
public:
    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    explicit HeadersStage(HeaderList securityHeaders);
    void refine(const SiteExchange &exchange, http::Response &response) const override;
    // Turns Cache-Control into a private policy; also for a site's own
    // `_headers` Cache-Control on an answer behind site protection.
    static void keepPrivate(http::Response &response);

private:
    static void describeFile(const SiteExchange::ServedFile &served, http::Response &response);

    HeaderList m_securityHeaders;
};

} // namespace ddd::agent::site
