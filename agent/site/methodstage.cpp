// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/methodstage.h"

namespace ddd::agent::site {

std::optional<http::Response> MethodStage::check(SiteExchange &exchange) const
{
    // Method names are case-sensitive (RFC 9110 §9.1): "get" is not GET.
    const QByteArray &method = exchange.request.method;
    if (method == "GET" || method == "HEAD")
        return std::nullopt;
    auto response = http::Response::text(405, "Method Not Allowed\n");
    response.headers.set("Allow", "GET, HEAD");
    return response;
}

} // namespace ddd::agent::site
