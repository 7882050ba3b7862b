// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/conditionalstage.h"

#include "agent/site/entitytag.h"

namespace ddd::agent::site {

void ConditionalStage::refine(const SiteExchange &exchange, http::Response &response) const
{
    if (!exchange.served || response.status != 200)
        return;
    const QList<QByteArray> fields = exchange.request.headers.values("If-None-Match");
    if (fields.isEmpty() || !EntityTag::noneMatchHits(fields, response.headers.value("ETag")))
        return;
    response.status = 304;
    response.filePath.clear();
    response.file.reset();
    response.stream.reset();
    response.fileLength = -1;
    response.body.clear();
    response.headers.remove("Content-Type");
    response.headers.remove("Content-Encoding"); // Vary and ETag stay: caches key on them
    response.headers.remove("Accept-Ranges");
}

} // namespace ddd::agent::site
