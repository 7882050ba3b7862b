// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/request.h"
#include "agent/site/sitefilechoice.h"
#include "core/blobs/blobvariant.h"
#include "core/deploy/projectsite.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace ddd::core::blobs {
class BlobDownload;
}

namespace ddd::agent::site {

// What the site pipeline has learnt about one request so far. Each stage
// fills in its part; later stages read only what earlier ones set, so the
// whole request is answered from the one ProjectSite the host stage took.
struct SiteExchange final
{
    // The manifest entry the answer's body comes from.
    struct ServedFile
    {
        QString path; // manifest key, no leading slash ("docs/index.html")
        core::deploy::SiteFile file;
        // The representation sent (EncodingChoice): its content coding
        // (nullopt: identity) and its size in bytes, which ranges count in.
        std::optional<core::blobs::ContentCoding> coding;
        qint64 length = 0;
    };

    // Set by AccessStage: Public for unprotected hosts; Refused until a
    // protected request has shown a password or share link.
    enum class Access { Public, Granted, Refused };

    // A 200/404/410/451 rule of `_redirects` chose other content for the path.
    struct Rewrite
    {
        QString requestedPath; // the normalised path as requested, before the rule
        int status = 200;      // the status the target's content answers with
    };

    const http::Request &request;
    std::shared_ptr<const core::deploy::ProjectSite> site; // set by HostStage
    bool preview = false;                                  // set by HostStage: a <number>--<slug> host
    QString path;                                          // set by PathStage: normalised, absolute ("/docs/")
    QByteArray rawQuery;                                   // set by PathStage: as sent, without '?'
    std::optional<ServedFile> served;                      // set by FileStage
    Access access = Access::Public;
    std::optional<Rewrite> rewrite;                        // set by RulesStage; `path` is then the target
    // Set by BlobFetchStage: the file's blob is still arriving; FileStage
    // streams it as it does (GrowingBlobStream).
    std::shared_ptr<core::blobs::BlobDownload> arriving;
    // SiteFileChoice::cachedIn(): a memo of a pure function of the fields
    // above once they are final, so filling it in does not change the
    // exchange's meaning (hence mutable: stages may see it as const).
    mutable std::optional<SiteFileChoice> fileChoice;
};

} // namespace ddd::agent::site
