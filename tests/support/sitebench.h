// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/sitepipeline.h"
#include "core/blobs/blobstore.h"
#include "core/deploy/livesites.h"
#include "tests/support/siteaccesskit.h"
#include "tests/support/sitebuilder.h"
#include "tests/support/tempdataroot.h"

#include <QList>

#include <utility>

namespace ddd::test {

// A SitePipeline over its own LiveSites (base domain "localhost"), site
// access on a fake clock, and a blob store in a temporary data root, called the way the HTTP server calls it: plan()
// on the head, then the plan's respond(). No sockets.
class SiteBench final
{
public:
    using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

    SiteBench();
    explicit SiteBench(agent::site::SitePipeline::Options options, core::auth::SiteAccess::Options access = {});

    core::deploy::LiveSites &sites() { return m_sites; }
    agent::site::SitePipeline &pipeline() { return m_pipeline; }
    SiteAccessKit &access() { return m_access; }
    const core::blobs::BlobStore &blobs() const { return m_blobs; }
    QString blobsRoot() const { return m_root.file(u"blobs"_qs); }
    SiteBuilder site(qint64 projectId, QString slug) const;

    // From `clientAddress` ("192.0.2.1" unless given).
    agent::http::Response call(const QByteArray &method, const QString &host, const QByteArray &target,
                               const HeaderList &headers = {}, const QString &clientAddress = {});
    agent::http::Response get(const QString &host, const QByteArray &target, const HeaderList &headers = {});

    // The body the server would send: the bytes in memory or the file window.
    static QByteArray body(const agent::http::Response &response);

private:
    TempDataRoot m_root;
    core::blobs::BlobStore m_blobs;
    core::deploy::LiveSites m_sites;
    SiteAccessKit m_access;
    agent::site::SitePipeline m_pipeline;
};

} // namespace ddd::test
