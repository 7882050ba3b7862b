// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/pagekey.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::core::wire {

// The `cursor` of a paged listing (docs/api.md, Paging): base64url without
// padding of a small JSON object naming the listing ("deploys", "files",
// ...), its scope (the project, version or user listed) and the last row's
// key. Clients treat it as opaque. It is not secret and not signed: every
// page query is limited to what the caller may see, so a forged cursor can
// only move within the caller's own listing. What it guards against is a
// cursor of one listing replayed on another, which would silently skip rows.
class PageCursor final
{
public:
    static QString encode(const QString &listing, qint64 scope, const model::PageKey &key);
    // `request.invalid_cursor` with details {"reason": "malformed"} for
    // anything that is not one of ours, {"reason": "other_listing"} for a
    // cursor of another listing or scope.
    static Result<model::PageKey> decode(const QString &cursor, const QString &listing, qint64 scope);

    // Longer cursors are refused unread (a file path is at most 1,024 bytes).
    static constexpr qsizetype MaxLength = 4096;
};

} // namespace ddd::core::wire
