// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/deploycommand.h"

#include "cli/clicontext.h"
#include "cli/commonoptions.h"
#include "cli/format.h"
#include "core/client/apiclient.h"
#include "core/client/archiveupload.h"
#include "core/client/resumableupload.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>

namespace ddd::cli {

using core::Result;
using core::client::ApiClient;
using core::client::LocalSite;
using core::client::RemoteProject;
using core::client::ResumableUpload;
using core::model::Version;
using core::model::VersionFile;

namespace {

const QCommandLineOption GoLiveOption(u"go-live"_qs, u"Make the new version live once it is stored."_qs);
const QCommandLineOption BuildOption(u"build"_qs, u"Send the folder or archive as a source for the agent to build."_qs);

QString filesText(qint64 count)
{
    return count == 1 ? u"1 file"_qs : QStringLiteral("%1 files").arg(count);
}

} // namespace

DeployCommand::DeployCommand(CliContext &context) : Command(context), m_progress(context.output()) {}

DeployCommand::~DeployCommand() = default;

QList<QCommandLineOption> DeployCommand::options() const
{
    return {projectOption(), GoLiveOption, BuildOption};
}

void DeployCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    if (positional.size() != 1)
        return m_context.fail(CliContext::usage(u"Usage: ddd deploy DIR|ARCHIVE [--project P] [--go-live] [--build]"_qs));
    m_path = QFileInfo(positional.first()).absoluteFilePath();
    m_goLive = parser.isSet(GoLiveOption);
    m_build = parser.isSet(BuildOption);
    if (!QFileInfo::exists(m_path))
        return m_context.fail(CliContext::usage(QStringLiteral("No such folder or archive: %1").arg(positional.first())));
    // Checked before the agent is asked anything: a refused folder never costs a request.
    const std::atomic_bool never{false};
    Result<LocalSite> site = LocalSite::collect(m_path, never);
    if (!site)
        return m_context.fail(site.error());
    m_site = *site;
    for (const auto &warning : m_site->warnings)
        m_context.output().note(u"ddd: note: "_qs + warning.message + u" ["_qs + warning.code + u"]"_qs);
    const QString project = parser.value(projectOption());
    m_context.connectAgent([this, project](ApiClient &api) {
        m_context.findProject(api, project, [this, &api](const RemoteProject &found) { deployTo(api, found); });
    });
}

void DeployCommand::deployTo(ApiClient &api, const RemoteProject &project)
{
    m_project = project;
    if (m_site->isArchive)
        return sendArchive(api);
    if (m_build)
        return sendFolder(api, std::nullopt, {});
    m_context.findLive(api, project.id, [this, &api](const std::optional<Version> &live) {
        if (!live)
            return sendFolder(api, std::nullopt, {});
        // The manifest goes as a difference from the live version's files.
        api.fetchAllDeployFiles(live->id, &m_context, [this, &api, live](Result<QList<VersionFile>> files) {
            if (!files)
                return m_context.fail(files.error());
            sendFolder(api, live, *files);
        });
    });
}

// Through an upload session: a dropped connection resumes, and so does a
// re-run of the same command after Ctrl-C (the session is found by the
// archive's hash).
void DeployCommand::sendArchive(ApiClient &api)
{
    m_filesToSend = m_site->files.size();
    m_bytesToSend = QFileInfo(m_path).size();
    auto *upload = new core::client::ArchiveUpload(api, m_project.id, m_path, &m_context);
    QObject::connect(upload, &core::client::ArchiveUpload::resumed, &m_context, [this](qint64 offset, qint64 size) {
        if (offset > 0)
            m_context.output().note(QStringLiteral("ddd: resuming an earlier upload of this archive at %1 of %2")
                                        .arg(Format::bytes(offset), Format::bytes(size)));
    });
    QObject::connect(upload, &core::client::ArchiveUpload::progress, &m_context,
                     [this](qint64 sent, qint64 total) { m_progress.update(sent, total); });
    QObject::connect(upload, &core::client::ArchiveUpload::retrying, &m_context, [this](const core::Error &error, int attempt) {
        m_progress.done();
        m_context.output().note(QStringLiteral("ddd: %1 [%2]; retrying (%3)").arg(error.message, error.code).arg(attempt));
    });
    QObject::connect(upload, &core::client::ArchiveUpload::finished, &m_context,
                     [this](const Result<Version> &version) { report(version); });
    QObject::connect(upload, &core::client::ArchiveUpload::sourceFinished, &m_context,
                     [this](const Result<core::client::SourceBuild> &answer) { reportBuild(answer); });
    if (m_build)
        upload->startSource(m_goLive);
    else
        upload->start(m_goLive);
}

void DeployCommand::sendFolder(ApiClient &api, const std::optional<Version> &live, const QList<VersionFile> &liveFiles)
{
    const QHash<QString, QString> paths = m_site->localPaths;
    auto open = [paths](const QString &sha256) -> std::unique_ptr<QIODevice> {
        auto file = std::make_unique<QFile>(paths.value(sha256));
        if (paths.value(sha256).isEmpty() || !file->open(QIODevice::ReadOnly))
            return nullptr;
        return file;
    };
    m_upload = new ResumableUpload(api, m_project.id, m_site->files, open, &m_context);
    if (live)
        m_upload->setBase(live->id, liveFiles);
    QObject::connect(m_upload, &ResumableUpload::planned, &m_context,
                     [this](const core::model::UploadPlan &plan) { onPlanned(plan); });
    QObject::connect(m_upload, &ResumableUpload::progress, &m_context,
                     [this](qint64 sent, qint64 total) { m_progress.update(sent, total); });
    QObject::connect(m_upload, &ResumableUpload::retrying, &m_context, [this](const core::Error &error, int attempt) {
        m_progress.done();
        m_context.output().note(QStringLiteral("ddd: %1 [%2]; retrying (%3)").arg(error.message, error.code).arg(attempt));
    });
    QObject::connect(m_upload, &ResumableUpload::finished, &m_context,
                     [this](const Result<Version> &version) { report(version); });
    QObject::connect(m_upload, &ResumableUpload::sourceFinished, &m_context,
                     [this](const Result<core::client::SourceBuild> &answer) { reportBuild(answer); });
    if (m_build)
        m_upload->startSource(m_goLive);
    else
        m_upload->start(m_goLive);
}

void DeployCommand::onPlanned(const core::model::UploadPlan &plan)
{
    m_filesToSend = plan.missing.size();
    m_bytesToSend = 0;
    QHash<QString, qint64> sizes;
    for (const VersionFile &file : std::as_const(m_site->files))
        sizes.insert(file.sha256, file.size);
    for (const QString &hash : plan.missing)
        m_bytesToSend += sizes.value(hash);
}

void DeployCommand::report(const Result<Version> &version)
{
    m_progress.done();
    if (!version)
        return m_context.fail(version.error());
    const bool live = version->status == core::model::VersionStatus::Live;
    if (m_context.output().json()) {
        m_context.output().document({
            {u"project"_qs, Format::projectJson(m_project)},
            {u"version"_qs, Format::versionJson(*version)},
            {u"sent"_qs, QJsonObject{{u"files"_qs, m_filesToSend}, {u"bytes"_qs, m_bytesToSend}}},
            {u"leftOut"_qs, QJsonArray::fromStringList(m_site->leftOut)},
            {u"live"_qs, live},
            {u"url"_qs, live ? Format::siteUrl(m_project) : version->previewUrl.toString()},
        });
        return m_context.finish();
    }
    Output &out = m_context.output();
    out.line(QStringLiteral("Version %1 of %2: %3, %4")
                 .arg(version->number)
                 .arg(m_project.name, filesText(version->fileCount), Format::bytes(version->totalBytes)));
    // "The agent had the rest" only when there was a rest: not on a first deploy.
    const QString sent = QStringLiteral("Sent %1 (%2)").arg(filesText(m_filesToSend), Format::bytes(m_bytesToSend));
    out.line(m_filesToSend < version->fileCount ? sent + u"; the agent had the rest."_qs : sent + u'.');
    if (!m_site->leftOut.isEmpty())
        out.line(u"Left out (stayed on this machine): "_qs + m_site->leftOut.join(u", "_qs));
    if (live)
        out.line(u"Live at "_qs + Format::siteUrl(m_project));
    else
        out.line(QStringLiteral("Not live yet%1; make it live with `ddd rollback %2`")
                     .arg(version->previewUrl.isEmpty() ? QString() : u" (preview: "_qs + version->previewUrl.toString() + u')')
                     .arg(version->number));
    m_context.finish();
}

void DeployCommand::reportBuild(const Result<core::client::SourceBuild> &answer)
{
    m_progress.done();
    if (!answer)
        return m_context.fail(answer.error());
    const qint64 buildId = answer->build ? answer->build->id : 0;
    if (m_context.output().json()) {
        m_context.output().document({{u"project"_qs, Format::projectJson(m_project)},
                                     {u"source"_qs, answer->source.id},
                                     {u"build"_qs, buildId ? QJsonValue(buildId) : QJsonValue()},
                                     {u"sent"_qs, QJsonObject{{u"files"_qs, m_filesToSend}, {u"bytes"_qs, m_bytesToSend}}},
                                     {u"leftOut"_qs, QJsonArray::fromStringList(m_site->leftOut)}});
        return m_context.finish();
    }
    m_context.output().line(QStringLiteral("Source %1 of %2 stored; build %3 started. Follow it with `ddd logs %3 --follow`")
                                .arg(answer->source.number)
                                .arg(m_project.name)
                                .arg(buildId));
    m_context.finish();
}

} // namespace ddd::cli
