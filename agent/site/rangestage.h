// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/sitepoststage.h"

namespace ddd::agent::site {

// Range (RFC 9110 §14.2) for a 200 file answer to GET: one satisfiable range
// becomes 206 with Content-Range and a narrower file window; an
// unsatisfiable one 416 with "Content-Range: bytes */size". An If-Range that
// is not the current strong ETag means "send it all". HEAD ignores Range, as
// RFC 9110 defines range handling for GET only.
class RangeStage final : public SitePostStage
{
public:
    void refine(const SiteExchange &exchange, http::Response &response) const override;
};

} // namespace ddd::agent::site
