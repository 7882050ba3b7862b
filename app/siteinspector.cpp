// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteinspector.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "core/archive/preflight.h"
#include "core/blobs/manifest.h"
#include "core/blobs/manifestdiff.h"
#include "core/client/localsite.h"

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

Finding findingFrom(const Preflight::Finding &finding)
{
    QJsonObject details = finding.details;
    details.insert(u"entry"_qs, finding.path); // as on disk
    const Error error = Error::make(finding.code, finding.message, details);
    const Level level = finding.severity == Preflight::Severity::Error ? Level::Problem : Level::Warning;
    return {level, finding.code, finding.path, ErrorMessages::describe(error).text()};
}

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

// What .dddignore and the built-in rules kept on this computer (issue 10).
void reportLeftOut(SiteInspection &inspection, const QStringList &leftOut)
{
    if (leftOut.isEmpty())
        return;
    inspection.leftOut = leftOut;
    const QStringList shown = leftOut.mid(0, 5);
    inspection.findings.append(
        {Level::Good, u"preflight.left_out"_qs, leftOut.first(),
         SiteInspector::tr("Left out: %n item(s) stay on this computer (.dddignore and the built-in rules for "
                           "secrets and junk): %1", nullptr, int(leftOut.size()))
             .arg(shown.join(u", "_qs) + (leftOut.size() > shown.size() ? u", …"_qs : QString()))});
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
    QList<Preflight::Finding> refusals; // every problem at once, not only the first
    const auto site = core::client::LocalSite::collect(path, cancelled, &refusals);
    if (!site.ok()) {
        inspection.isArchive = SiteInspection::isArchivePath(path) && QFileInfo(path).isFile();
        for (const Preflight::Finding &refusal : std::as_const(refusals))
            inspection.findings.append(findingFrom(refusal));
        if (refusals.isEmpty() && site.error().code != u"client.cancelled")
            inspection.findings.append(
                {Level::Problem, site.error().code, site.error().details.value(u"entry"_qs).toString(),
                 ErrorMessages::describe(site.error()).text()});
        return inspection;
    }
    inspection.isArchive = site->isArchive;
    for (const Preflight::Finding &finding : site->warnings)
        inspection.findings.append(findingFrom(finding));
    inspection.localPaths = site->localPaths;
    inspection.files = site->files;
    inspection.totalBytes = site->totalBytes;
    reportLeftOut(inspection, site->leftOut);
    const core::blobs::Manifest &manifest = site->manifest;
    warnAboutHiddenFiles(inspection);
    addDiff(inspection, manifest, liveFiles);
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
