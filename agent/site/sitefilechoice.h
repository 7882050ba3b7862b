// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/sitefile.h"

#include <QString>

namespace ddd::agent::site {

struct SiteExchange;

// Which manifest entry answers a request, from the live manifest alone
// (never a directory walk): the normalised path, a directory's index.html
// (with a trailing-slash redirect for "/docs"), then the SPA shell or
// 404.html. Memory work only; FileStage serves the choice, and
// BlobFetchStage makes sure its blob is here first.
struct SiteFileChoice final
{
    enum class Kind
    {
        File,              // serve `file` under `key` with `status`
        DirectoryRedirect, // "/docs" -> "/docs/"
        NotFound,          // no entry and no 404.html: a plain 404
    };

    Kind kind = Kind::NotFound;
    QString key; // manifest key, no leading slash ("docs/index.html")
    core::deploy::SiteFile file;
    int status = 200;

    // Needs HostStage's site and PathStage's path.
    static SiteFileChoice of(const SiteExchange &exchange);
    // The same, made once per request and kept in the exchange, for the
    // stages after RulesStage (the last one to change the path):
    // BlobFetchStage and FileStage both need it on every request.
    static const SiteFileChoice &cachedIn(const SiteExchange &exchange);
};

} // namespace ddd::agent::site
