// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sitebuilder.h"

#include "core/deploy/contenttypetable.h"
#include "core/deploy/versionindexwriter.h"
#include "core/rules/siterules.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace ddd::test {

SiteBuilder::SiteBuilder(QString blobsRoot, qint64 projectId, QString slug) : m_blobsRoot(std::move(blobsRoot))
{
    m_site.projectId = projectId;
    m_site.versionId = projectId * 1000 + 1;
    m_site.versionNumber = 1;
    m_site.slug = std::move(slug);
}

SiteBuilder &SiteBuilder::domain(QString domain)
{
    m_site.domain = std::move(domain);
    return *this;
}

SiteBuilder &SiteBuilder::version(int number)
{
    m_site.versionNumber = number;
    m_site.versionId = m_site.projectId * 1000 + number;
    return *this;
}

SiteBuilder &SiteBuilder::spa(bool on)
{
    m_site.spaMode = on;
    return *this;
}

SiteBuilder &SiteBuilder::protection(core::model::ProjectSettings::SitePassword protection)
{
    m_site.protection = std::move(protection);
    return *this;
}

SiteBuilder &SiteBuilder::file(const QString &path, const QByteArray &content)
{
    const QByteArray hash = sha256(content);
    const QString blob = blobPath(m_blobsRoot, hash);
    QDir().mkpath(QFileInfo(blob).path());
    QFile out(blob);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(content) != content.size())
        qFatal("cannot write blob %s", qPrintable(blob));
    return entry(path, core::deploy::SiteFile{hash, content.size()});
}

SiteBuilder &SiteBuilder::entry(const QString &path, core::deploy::SiteFile file)
{
    // As when a version's index is written: the type comes from the name.
    file.contentType = core::deploy::ContentTypeTable::idForPath(path);
    m_files.insert(path, std::move(file));
    return *this;
}

// Like activation: a listed `_redirects` or `_headers` becomes the site's rules.
std::shared_ptr<const core::deploy::ProjectSite> SiteBuilder::build() const
{
    auto site = std::make_shared<core::deploy::ProjectSite>(m_site);
    core::deploy::VersionIndexWriter writer(m_site.versionId);
    for (auto it = m_files.cbegin(); it != m_files.cend(); ++it)
        if (core::Status added = writer.add(it.key(), it.value()); !added)
            qFatal("test site file %s: %s", qPrintable(it.key()), qPrintable(added.error().message));
    core::Result<QByteArray> bytes = writer.bytes();
    if (!bytes)
        qFatal("test site index: %s", qPrintable(bytes.error().message));
    auto index = core::deploy::VersionIndex::fromBytes(std::move(*bytes), m_site.versionId);
    if (!index)
        qFatal("test site index: %s", qPrintable(index.error().message));
    site->index = std::move(*index);
    const auto locate = [this](const QString &name) -> std::optional<core::rules::SiteRules::FileRef> {
        if (!m_files.contains(name))
            return std::nullopt;
        return core::rules::SiteRules::FileRef{blobPath(name), m_files.value(name).size};
    };
    core::Result<std::shared_ptr<const core::rules::SiteRules>> rules = core::rules::SiteRules::load(locate);
    if (!rules)
        qFatal("test site rules do not parse: %s", qPrintable(rules.error().message));
    site->rules = std::move(*rules);
    return site;
}

QString SiteBuilder::blobPath(const QString &path) const
{
    return blobPath(m_blobsRoot, m_files.value(path).sha256);
}

QByteArray SiteBuilder::sha256(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

QString SiteBuilder::blobPath(const QString &blobsRoot, const QByteArray &sha256)
{
    return blobsRoot + u'/' + QString::fromLatin1(sha256.left(2)) + u'/' + QString::fromLatin1(sha256);
}

} // namespace ddd::test
