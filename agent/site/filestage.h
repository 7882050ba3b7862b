// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/response.h"
#include "agent/site/blobdescriptorcache.h"
#include "agent/site/encodingchoice.h"
#include "agent/site/siteexchange.h"
#include "core/util/error.h"

#include <QString>

namespace ddd::agent::site {

// Serves the manifest entry SiteFileChoice picks for the request.
// EncodingChoice picks the representation (a precompressed variant by
// Accept-Encoding, or the blob itself); the chosen file is checked by
// BlobProbe (through the descriptor cache) and handed to the server as an
// open file range to stream; the stage never reads a body into memory, and
// never blocks beyond an open and a stat.
class FileStage final
{
public:
    // Must outlive the stage.
    explicit FileStage(BlobDescriptorCache &descriptors);
    http::Response serve(SiteExchange &exchange) const;

private:
    http::Response serveEntry(SiteExchange &exchange, const QString &key, const core::deploy::SiteFile &file,
                              int status) const;
    http::Response refuseBlob(const SiteExchange &exchange, const QString &key, const core::Error &error) const;

    EncodingChoice m_encodings;
};

} // namespace ddd::agent::site
