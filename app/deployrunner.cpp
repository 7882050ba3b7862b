// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/deployrunner.h"

#include "core/client/apiclient.h"
#include "core/client/archiveupload.h"
#include "core/client/resumableupload.h"

#include <QFile>
#include <QSet>

namespace ddd::app {

using core::Result;
using core::client::ResumableUpload;
using core::model::Version;

DeployRunner::DeployRunner(Target target, SiteInspection inspection, PendingUploads &pending, QObject *parent)
    : QObject(parent), m_target(std::move(target)), m_inspection(std::move(inspection)), m_pending(pending),
      m_meter(m_clock)
{
}

DeployRunner::~DeployRunner() = default;

void DeployRunner::start(bool activate)
{
    m_running = true;
    m_meter.reset();
    if (m_inspection.isArchive)
        startArchive(activate);
    else
        startIncremental(activate);
}

void DeployRunner::cancel()
{
    if (m_upload)
        m_upload->cancel();
    if (m_archive)
        m_archive->cancel();
}

// Through an upload session: a dropped connection resumes where the agent
// stands, and dropping the same archive again later (even after a restart)
// finds its session by the archive's hash and continues it.
void DeployRunner::startArchive(bool activate)
{
    if (m_archive)
        m_archive->deleteLater(); // a retry: the failed upload may still be unwinding
    m_archive = new core::client::ArchiveUpload(*m_target.api, m_target.projectId, m_inspection.sourcePath, this);
    connect(m_archive, &core::client::ArchiveUpload::progress, this, &DeployRunner::onProgress);
    connect(m_archive, &core::client::ArchiveUpload::retrying, this, &DeployRunner::retrying);
    connect(m_archive, &core::client::ArchiveUpload::finished, this, &DeployRunner::onFinished);
    m_archive->start(activate);
}

void DeployRunner::startSourceBuild(bool activate)
{
    m_running = true;
    m_meter.reset();
    makeUpload();
    connect(m_upload, &ResumableUpload::sourceFinished, this, [this](const Result<core::client::SourceBuild> &result) {
        m_running = false;
        emit sourceFinished(result);
    });
    m_upload->startSource(activate);
}

void DeployRunner::startIncremental(bool activate)
{
    makeUpload();
    if (m_inspection.liveVersionId > 0)
        m_upload->setBase(m_inspection.liveVersionId, m_inspection.liveFiles);
    connect(m_upload, &ResumableUpload::planned, this, [this, activate] { remember(activate); });
    connect(m_upload, &ResumableUpload::blobSent, this, [this, activate] { remember(activate); });
    connect(m_upload, &ResumableUpload::finished, this, &DeployRunner::onFinished);
    const std::optional<PendingUploads::Entry> saved = resumableEntry();
    if (saved)
        m_upload->start(activate, ResumableUpload::Resume{saved->uploadId, saved->remaining});
    else
        m_upload->start(activate);
}

void DeployRunner::makeUpload()
{
    const QHash<QString, QString> paths = m_inspection.localPaths;
    auto open = [paths](const QString &sha256) -> std::unique_ptr<QIODevice> {
        auto file = std::make_unique<QFile>(paths.value(sha256));
        if (paths.value(sha256).isEmpty() || !file->open(QIODevice::ReadOnly))
            return nullptr;
        return file;
    };
    if (m_upload)
        m_upload->deleteLater(); // a retry: the failed upload may still be unwinding
    m_upload = new ResumableUpload(*m_target.api, m_target.projectId, m_inspection.files, open, this);
    connect(m_upload, &ResumableUpload::progress, this, &DeployRunner::onProgress);
    connect(m_upload, &ResumableUpload::retrying, this, &DeployRunner::retrying);
}

std::optional<PendingUploads::Entry> DeployRunner::resumableEntry() const
{
    const auto saved = m_pending.find(m_target.agentId, m_target.projectId);
    if (!saved || saved->sourcePath != m_inspection.sourcePath)
        return std::nullopt;
    // Files changed since: their old hashes are useless, so plan afresh.
    QSet<QString> hashes;
    for (const core::model::VersionFile &file : m_inspection.files)
        hashes.insert(file.sha256);
    for (const QString &hash : saved->remaining)
        if (!hashes.contains(hash))
            return std::nullopt;
    return saved;
}

void DeployRunner::remember(bool activate)
{
    PendingUploads::Entry entry{m_target.agentId, m_target.projectId, m_target.projectName, m_inspection.sourcePath,
                                m_upload->uploadId(), m_upload->remaining(), activate};
    m_pending.save(entry);
}

void DeployRunner::onProgress(qint64 sent, qint64 total)
{
    m_meter.record(sent);
    emit progress(sent, total);
}

void DeployRunner::onFinished(const Result<Version> &result)
{
    m_running = false;
    if (result.ok() && !m_inspection.isArchive)
        m_pending.remove(m_target.agentId, m_target.projectId);
    emit finished(result);
}

} // namespace ddd::app
