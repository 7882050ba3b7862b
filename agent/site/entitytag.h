// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include "core/blobs/blobvariant.h"

#include <QList>

#include <optional>

namespace ddd::agent::site {

// Entity tags for conditional requests (RFC 9110 §8.8.3, §13.1). A site
// file's tag is strong and made from its content hash, so it stays the same
// across deploys and agent restarts as long as the bytes do.
class EntityTag final
{
public:
    static QByteArray fromContentHash(const QByteArray &sha256);
    // Each representation has its own strong tag, since their bytes differ
    // (RFC 9110 §8.8.3.3): "<sha>" for identity, "<sha>.br", "<sha>.gz".
    static QByteArray forRepresentation(const QByteArray &sha256, std::optional<core::blobs::ContentCoding> coding);
    // If-None-Match (every field of it): true for "*" or any listed tag equal
    // to `etag` under weak comparison. A malformed list matches nothing.
    static bool noneMatchHits(const QList<QByteArray> &fields, const QByteArray &etag);
    // If-Range: true only for a strong match. An HTTP date never matches
    // (site files carry no Last-Modified), nor does a weak tag.
    static bool rangeConditionHolds(const QByteArray &field, const QByteArray &etag);
};

} // namespace ddd::agent::site
