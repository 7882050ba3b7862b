// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/localsite.h"

#include "core/archive/archivelimits.h"
#include "core/archive/archivereader.h"
#include "core/archive/directoryreader.h"
#include "core/archive/entrysink.h"
#include "core/archive/ignorerules.h"
#include "core/blobs/sha256.h"

#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace ddd::core::client {

namespace {

using archive::IgnoreRules;
using archive::Preflight;
using blobs::ManifestEntry;

// Hashes what the agent's own readers yield: the same normalised paths, the
// same contents, so the manifest is the one the agent will check.
class HashingSink final : public archive::EntrySink
{
public:
    HashingSink(QString root, const std::atomic_bool &cancelled) : m_root(std::move(root)), m_cancelled(cancelled) {}

    Status directory(const QString &) override { return {}; }
    Status beginFile(const QString &path) override
    {
        m_current = {path, {}, 0};
        return {};
    }
    Status write(QByteArrayView chunk) override
    {
        if (m_cancelled)
            return Error::make(u"client.cancelled"_qs, u"The check was cancelled"_qs);
        m_hash.addData(chunk);
        m_current.size += chunk.size();
        return {};
    }
    Status endFile() override
    {
        m_current.sha256 = m_hash.hexResult();
        entries.append(m_current);
        if (!m_root.isEmpty())
            localPaths.insert(QString::fromLatin1(m_current.sha256), m_root + u'/' + m_current.path);
        return {};
    }

    QList<ManifestEntry> entries;
    QHash<QString, QString> localPaths;

private:
    QString m_root;
    const std::atomic_bool &m_cancelled;
    blobs::Sha256 m_hash;
    ManifestEntry m_current;
};

Error refusalFrom(const Preflight::Finding &finding)
{
    return Error::make(finding.code, finding.message, QJsonObject{{u"entry"_qs, finding.path}});
}

Status hash(const QString &path, bool isArchive, const std::optional<IgnoreRules> &ignore, HashingSink &sink)
{
    const archive::ArchiveLimits limits;
    if (isArchive)
        return archive::ArchiveReader(path, limits).read(sink);
    archive::DirectoryReader reader(path, limits);
    if (ignore)
        reader.setIgnoreRules(*ignore);
    return reader.read(sink);
}

} // namespace

bool LocalSite::isArchivePath(const QString &path)
{
    const QString name = path.toLower();
    return name.endsWith(u".zip") || name.endsWith(u".tar") || name.endsWith(u".tar.gz") || name.endsWith(u".tgz");
}

Result<LocalSite> LocalSite::collect(const QString &path, const std::atomic_bool &cancelled,
                                     QList<archive::Preflight::Finding> *refusals)
{
    LocalSite site;
    site.sourcePath = path;
    site.isArchive = isArchivePath(path) && QFileInfo(path).isFile();
    std::optional<IgnoreRules> ignore;
    if (!site.isArchive) {
        Result<IgnoreRules> rules = IgnoreRules::forFolder(path);
        if (!rules)
            return rules.error();
        ignore = *rules;
    }
    const archive::ArchiveLimits limits;
    const Preflight::Report report = site.isArchive ? Preflight::scanArchive(path, limits, LargeFileBytes)
                                                    : Preflight::scanDirectory(path, limits, LargeFileBytes, ignore);
    for (const Preflight::Finding &finding : report.findings) {
        if (finding.severity == Preflight::Severity::Error && refusals)
            refusals->append(finding);
        else if (finding.severity != Preflight::Severity::Error)
            site.warnings.append(finding);
    }
    if (!report.wouldBeAccepted()) {
        const auto first = std::find_if(report.findings.cbegin(), report.findings.cend(), [](const auto &finding) {
            return finding.severity == Preflight::Severity::Error;
        });
        return refusalFrom(*first);
    }
    if (cancelled)
        return Error::make(u"client.cancelled"_qs, u"The check was cancelled"_qs);
    site.leftOut = report.leftOut;
    HashingSink sink(site.isArchive ? QString() : path, cancelled);
    if (Status hashed = hash(path, site.isArchive, ignore, sink); !hashed)
        return hashed.error();
    Result<blobs::Manifest> manifest = blobs::Manifest::fromEntries(sink.entries);
    if (!manifest)
        return manifest.error();
    site.manifest = *manifest;
    site.localPaths = sink.localPaths;
    for (const ManifestEntry &entry : site.manifest.entries()) {
        site.files.append({entry.path, QString::fromLatin1(entry.sha256), entry.size});
        site.totalBytes += entry.size;
    }
    return site;
}

} // namespace ddd::core::client
