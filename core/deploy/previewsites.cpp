// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/previewsites.h"

#include "core/storage/projectstore.h"
#include "core/storage/versionstore.h"

namespace ddd::core::deploy {

namespace {

const QString kSeparator = u"--"_qs;

// Strict decimal without leading zeros: one version, one host name.
std::optional<qint64> versionNumber(const QString &text)
{
    if (text.isEmpty() || text.size() > 9 || text.startsWith(u'0'))
        return std::nullopt;
    for (QChar c : text) {
        if (!c.isDigit() || c.unicode() > 127)
            return std::nullopt;
    }
    return text.toLongLong();
}

} // namespace

PreviewSites::PreviewSites(storage::ProjectStore &projects, storage::VersionStore &versions, SiteBuilder build,
                           QString baseDomain)
    : m_projects(projects), m_versions(versions), m_build(std::move(build)), m_suffix(u'.' + baseDomain.toLower())
{
}

QString PreviewSites::previewHost(qint64 versionNumber, const QString &slug) const
{
    return QString::number(versionNumber) + kSeparator + slug + m_suffix;
}

std::optional<PreviewSites::Name> PreviewSites::parse(const QString &host) const
{
    if (!host.endsWith(m_suffix))
        return std::nullopt;
    const QString label = host.chopped(m_suffix.size());
    const qsizetype separator = label.indexOf(kSeparator);
    if (separator <= 0 || label.contains(u'.'))
        return std::nullopt;
    const std::optional<qint64> number = versionNumber(label.left(separator));
    const QString slug = label.mid(separator + kSeparator.size());
    if (!number || slug.isEmpty())
        return std::nullopt;
    return Name{*number, slug};
}

bool PreviewSites::isPreviewHost(const QString &host) const
{
    return parse(host).has_value();
}

std::shared_ptr<const ProjectSite> PreviewSites::lookup(const QString &host)
{
    const std::optional<Name> name = parse(host);
    if (!name)
        return nullptr;
    const Result<std::optional<model::Project>> project = m_projects.findBySlug(name->slug);
    if (!project || !project->has_value())
        return nullptr;
    const auto version = m_versions.findByNumber((*project)->id, name->number);
    if (!version || !version->has_value() || !model::isPreviewable((*version)->status))
        return nullptr;
    if (auto site = cached((*version)->id, **project))
        return site;
    Result<std::shared_ptr<const ProjectSite>> built = m_build((*project)->id, (*version)->id);
    if (!built)
        return nullptr;
    remember(Cached{(*version)->id, **project, *built});
    return *built;
}

// A site built before the project last changed is never served again.
std::shared_ptr<const ProjectSite> PreviewSites::cached(qint64 versionId, const model::Project &project)
{
    std::lock_guard lock(m_mutex);
    for (qsizetype i = 0; i < m_cache.size(); ++i) {
        if (m_cache[i].versionId != versionId)
            continue;
        if (!(m_cache[i].project == project))
            return nullptr;
        m_cache.move(i, 0);
        return m_cache.first().site;
    }
    return nullptr;
}

void PreviewSites::forget(qint64 projectId)
{
    std::lock_guard lock(m_mutex);
    m_cache.removeIf([&](const Cached &cached) { return cached.project.id == projectId; });
}

void PreviewSites::remember(Cached entry)
{
    std::lock_guard lock(m_mutex);
    m_cache.removeIf([&](const Cached &cached) { return cached.versionId == entry.versionId; });
    m_cache.prepend(std::move(entry));
    while (m_cache.size() > kCachedVersions)
        m_cache.removeLast();
}

} // namespace ddd::core::deploy
