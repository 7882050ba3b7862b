// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/filehandle.h"
#include "agent/http/headers.h"
#include "core/blobs/blobvariant.h"
#include "core/deploy/projectsite.h"
#include "core/util/result.h"

#include <QString>

#include <memory>
#include <optional>

namespace ddd::agent::site {

class BlobDescriptorCache;

// Which representation of a site file an answer sends: the precompressed
// variant the client's Accept-Encoding prefers among those the snapshot
// lists (AcceptEncoding), or the blob itself. Only the chosen file is
// opened, through the BlobDescriptorCache (BlobProbe's checks) as every
// served file is. A variant that fails its
// probe (removed or damaged behind the snapshot's back) is logged and the
// plain blob is sent instead: a missing optimisation is no reason for 500.
class EncodingChoice final
{
public:
    struct Representation
    {
        std::optional<core::blobs::ContentCoding> coding; // nullopt: identity
        qint64 size = 0;
        std::shared_ptr<const http::FileHandle> file; // open and checked
    };

    // Must outlive the choice.
    explicit EncodingChoice(BlobDescriptorCache &descriptors);

    // site.* codes of BlobProbe when not even the plain blob can be served.
    core::Result<Representation> choose(const http::Headers &headers, const core::deploy::SiteFile &file) const;
    // The variant choose() sends when it is there; nullopt: identity.
    static std::optional<core::blobs::ContentCoding> preferred(const http::Headers &headers,
                                                               const core::deploy::SiteFile &file);
    static qint64 variantSize(const core::deploy::SiteFile &file, core::blobs::ContentCoding coding);

private:
    std::optional<Representation> variant(const http::Headers &headers, const core::deploy::SiteFile &file) const;

    BlobDescriptorCache &m_descriptors;
};

} // namespace ddd::agent::site
