// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <optional>

namespace ddd::agent::site {

// Accept-Encoding (RFC 9110 §12.5.3) as the site listener reads it: a list
// of codings with optional q-values ("br;q=1.0, gzip;q=0.8, *;q=0").
//
// - No field at all means identity only: an encoded body is sent only to a
//   client that asked for it (RFC 9110 would allow any coding there, but
//   old clients and tools that send nothing expect plain bytes).
// - "x-gzip" counts as "gzip" (§8.4.1.3); "*" covers codings not listed.
// - q=0 excludes a coding; a malformed q-value or token drops its element.
// - Highest q wins; on equal q brotli beats gzip and both beat an identity
//   the client did not name with a higher q (smaller is better for both).
// - "identity;q=0" (or "*;q=0") with no acceptable coding still gets the
//   plain bytes: §12.5.3 lets a server disregard the field rather than
//   answer 406, and a page is better than an error.
class AcceptEncoding final
{
public:
    static AcceptEncoding parse(const QList<QByteArray> &fields);

    // Thousandths (0..1000) the client gives `token` ("br", "gzip",
    // "identity"), nullopt when it neither names it nor sends "*".
    std::optional<int> quality(const QByteArray &token) const;
    // The coding to send among `offered` (the variants that exist), or
    // nullopt for identity.
    std::optional<core::blobs::ContentCoding> choose(const QList<core::blobs::ContentCoding> &offered) const;

private:
    QHash<QByteArray, int> m_qualities; // first mention of each token wins
};

} // namespace ddd::agent::site
