// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/projectsite.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <memory>

namespace ddd::test {

// Builds a ProjectSite whose files exist as blobs in a blobs directory laid
// out as the blob store does it (<root>/<first 2 hex>/<64 hex>), so the site
// listener can be tested without the deploy machinery.
class SiteBuilder final
{
public:
    SiteBuilder(QString blobsRoot, qint64 projectId, QString slug);

    SiteBuilder &domain(QString domain);
    SiteBuilder &version(int number);
    SiteBuilder &spa(bool on);
    SiteBuilder &protection(core::model::ProjectSettings::SitePassword protection);
    // Writes `content` as a blob and lists it under `path` (no leading slash).
    SiteBuilder &file(const QString &path, const QByteArray &content);
    // Lists `path` with a manifest entry written as given, blob or not.
    SiteBuilder &entry(const QString &path, core::deploy::SiteFile file);

    // Writes the listed files as the site's version index (in memory) and
    // parses a listed `_redirects`/`_headers` into its rules, as activation does.
    std::shared_ptr<const core::deploy::ProjectSite> build() const;
    // Where the blob of a listed file lives.
    QString blobPath(const QString &path) const;

    static QByteArray sha256(const QByteArray &content);
    static QString blobPath(const QString &blobsRoot, const QByteArray &sha256);

private:
    QString m_blobsRoot;
    core::deploy::ProjectSite m_site;
    QMap<QString, core::deploy::SiteFile> m_files;
};

} // namespace ddd::test
