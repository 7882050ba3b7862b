// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteinspector.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "core/archive/archivelimits.h"
#include "core/archive/archivereader.h"
#include "core/archive/directoryreader.h"
#include "core/archive/entrysink.h"
#include "core/archive/preflight.h"
#include "core/blobs/manifest.h"
#include "core/blobs/manifestdiff.h"
#include "core/blobs/sha256.h"

#include <QFileInfo>

#include <algorithm>

namespace ddd::app {

namespace {

using core::Error;
using core::Status;
using core::archive::Preflight;
using core::blobs::ManifestEntry;
using Finding = SiteInspection::Finding;
using Level = StatusPalette::Level;

constexpr qint64 LargeFileBytes = 25LL * 1000 * 1000;

Finding findingFrom(const Preflight::Finding &finding)
{
    QJsonObject details = finding.details;
    details.insert(u"entry"_qs, finding.path); // as on disk
    const Error error = Error::make(finding.code, finding.message, details);
    const Level level = finding.severity == Preflight::Severity::Error ? Level::Problem : Level::Warning;
    return {level, finding.code, finding.path, ErrorMessages::describe(error).text()};
}

// Hashes what the agent's own readers yield: the same normalised paths, the
// same contents, so the manifest is the one the agent will check.
class HashingSink final : public core::archive::EntrySink
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
    QHash<QString, QString> localPaths; // folders only: where each content can be read again

private:
    QString m_root;
    const std::atomic_bool &m_cancelled;
    core::blobs::Sha256 m_hash;
    ManifestEntry m_current;
};

// Names starting with a dot are stored but never served (security guide:
// dot-paths answer 404, except .well-known): say so before secrets travel.
void warnAboutHiddenFiles(SiteInspection &inspection)
{
    QStringList hidden;
    for (const core::model::VersionFile &file : std::as_const(inspection.files)) {
        const bool dotted = file.path.startsWith(u'.') || file.path.contains(u"/."_qs);
        if (dotted && !file.path.startsWith(u".well-known/"))
            hidden.append(file.path);
    }
    if (hidden.isEmpty())
        return;
    inspection.findings.append(
        {Level::Warning, u"preflight.hidden_files"_qs, hidden.first(),
         SiteInspector::tr("%n file(s) whose name starts with a dot (such as %1) will be uploaded but never "
                           "served. Remove secrets like .env or .git from the folder.", nullptr, int(hidden.size()))
             .arg(hidden.first())});
}

void addDiff(SiteInspection &inspection, const core::blobs::Manifest &local,
             const QList<core::model::VersionFile> &liveFiles)
{
    QList<ManifestEntry> live;
    for (const core::model::VersionFile &file : liveFiles)
        live.append({file.path, file.sha256.toLatin1(), file.size});
    const auto liveManifest = core::blobs::Manifest::fromEntries(live);
    const auto diff = core::blobs::ManifestDiff::between(liveManifest.ok() ? *liveManifest : core::blobs::Manifest(), local);
    for (const ManifestEntry &entry : diff.added())
        inspection.added.append({entry.path, -1, entry.size});
    for (const auto &change : diff.changed())
        inspection.changed.append({change.after.path, change.before.size, change.after.size});
    for (const ManifestEntry &entry : diff.removed())
        inspection.removed.append({entry.path, entry.size, -1});
    inspection.bytesAdded = diff.bytesAdded();
    inspection.bytesRemoved = diff.bytesRemoved();
}

Status hashSite(const QString &path, bool isArchive, HashingSink &sink)
{
    const core::archive::ArchiveLimits limits;
    if (isArchive)
        return core::archive::ArchiveReader(path, limits).read(sink);
    return core::archive::DirectoryReader(path, limits).read(sink);
}

// The green line agrees with the lines above it: "no problem" only when
// there is no warning either.
void addSummary(SiteInspection &inspection)
{
    const qsizetype warnings = std::count_if(inspection.findings.cbegin(), inspection.findings.cend(),
                                             [](const Finding &finding) { return finding.level == Level::Warning; });
    const QString files = SiteInspector::tr("%n file(s), %1", nullptr, int(inspection.files.size()))
                              .arg(DisplayFormat::bytes(inspection.totalBytes));
    const QString text =
        warnings == 0
            ? SiteInspector::tr("%1: the same checks the agent makes found no problem.").arg(files)
            : SiteInspector::tr("%1: nothing blocks the deploy, but read the %n warning(s) above.", nullptr,
                                int(warnings))
                  .arg(files);
    inspection.findings.append({Level::Good, {}, {}, text});
}

} // namespace

SiteInspection SiteInspector::inspect(const QString &path, const QList<core::model::VersionFile> &liveFiles,
                                      const std::atomic_bool &cancelled)
{
    SiteInspection inspection;
    inspection.sourcePath = path;
    inspection.isArchive = SiteInspection::isArchivePath(path) && QFileInfo(path).isFile();
    const core::archive::ArchiveLimits limits;
    const Preflight::Report report = inspection.isArchive ? Preflight::scanArchive(path, limits, LargeFileBytes)
                                                          : Preflight::scanDirectory(path, limits, LargeFileBytes);
    for (const Preflight::Finding &finding : report.findings)
        inspection.findings.append(findingFrom(finding));
    if (!report.wouldBeAccepted() || cancelled)
        return inspection;
    HashingSink sink(inspection.isArchive ? QString() : path, cancelled);
    const Status hashed = hashSite(path, inspection.isArchive, sink);
    const auto manifest = hashed.ok() ? core::blobs::Manifest::fromEntries(sink.entries)
                                      : core::Result<core::blobs::Manifest>(hashed.error());
    if (!manifest.ok()) {
        inspection.findings.append({Level::Problem, manifest.error().code, {},
                                    ErrorMessages::describe(manifest.error()).text()});
        return inspection;
    }
    inspection.localPaths = sink.localPaths;
    for (const ManifestEntry &entry : manifest->entries()) {
        inspection.files.append({entry.path, QString::fromLatin1(entry.sha256), entry.size});
        inspection.totalBytes += entry.size;
    }
    warnAboutHiddenFiles(inspection);
    addDiff(inspection, *manifest, liveFiles);
    addSummary(inspection);
    return inspection;
}

void SiteInspector::detectSource(SiteInspection &inspection, const QString &path,
                                 const core::build::BuildDetector::Choice &choice)
{
    if (inspection.isArchive || inspection.blocked())
        return;
    const auto detected = core::build::BuildDetector::detect(path, choice);
    if (!detected.ok() || (detected->generator == core::build::Generator::Plain && detected->siteRoot.isEmpty()))
        return;
    inspection.detection = *detected;
    // index.html comes from the build (or its folder), so its absence at the top is no problem.
    inspection.findings.removeIf([](const Finding &finding) { return finding.code == u"preflight.no_index"; });
}

core::build::BuildDetector::Choice SiteInspector::buildChoice(const core::client::RemoteProject &project)
{
    core::build::BuildDetector::Choice choice;
    if (!project.settings.build)
        return choice;
    choice.generator = core::build::generatorFromName(project.settings.build->generator); // nullopt for "auto"
    choice.npmScript = project.settings.build->npmScript;
    choice.outputDir = project.settings.build->outputDir;
    return choice;
}

} // namespace ddd::app
