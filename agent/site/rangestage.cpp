// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/rangestage.h"

#include "agent/site/byterange.h"
#include "agent/site/entitytag.h"

namespace ddd::agent::site {

namespace {

bool rangeApplies(const SiteExchange &exchange, const http::Response &response)
{
    const http::Headers &headers = exchange.request.headers;
    if (!exchange.served || response.status != 200 || exchange.request.method != "GET")
        return false;
    // Several Range fields are as ambiguous as several ranges: ignore them.
    if (headers.count("Range") != 1)
        return false;
    return !headers.contains("If-Range")
        || EntityTag::rangeConditionHolds(headers.value("If-Range"), response.headers.value("ETag"));
}

} // namespace

void RangeStage::refine(const SiteExchange &exchange, http::Response &response) const
{
    if (!rangeApplies(exchange, response))
        return;
    const qint64 size = exchange.served->file.size;
    const ByteRange range = ByteRange::parse(exchange.request.headers.value("Range"), size);
    switch (range.kind()) {
    case ByteRange::Kind::Ignored:
        return;
    case ByteRange::Kind::Unsatisfiable:
        response.status = 416;
        response.filePath.clear();
        response.file.reset();
        response.fileLength = -1;
        response.headers.remove("Content-Type");
        break;
    case ByteRange::Kind::Satisfiable:
        response.status = 206;
        response.fileOffset = range.first();
        response.fileLength = range.length();
        break;
    }
    response.headers.set("Content-Range", range.contentRange(size));
}

} // namespace ddd::agent::site
