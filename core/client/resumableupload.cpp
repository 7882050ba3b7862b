// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/resumableupload.h"

#include "core/client/apiclient.h"
#include "core/client/retryschedule.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>

namespace ddd::core::client {

using model::BlobProgress;
using model::UploadPlan;
using model::Version;

namespace {

constexpr int MaxRestarts = 3;

bool isTransient(const Error &error)
{
    // upload.blob_busy: right after a dropped connection the agent may not
    // have noticed yet that the old request for this blob is gone.
    return error.code == u"client.network" || error.code == u"http.body_timeout" || error.code == u"http.header_timeout"
        || error.code == u"upload.blob_busy";
}

// The base cannot carry this manifest, but the whole manifest may go through.
bool isStaleBase(const Error &error)
{
    return error.code == u"upload.base_not_found" || error.code == u"manifest.not_in_base";
}

} // namespace

ResumableUpload::ResumableUpload(ApiClient &api, qint64 projectId, QList<model::VersionFile> manifest,
                                     OpenBlob open, QObject *parent)
    : QObject(parent),
      m_api(api),
      m_projectId(projectId),
      m_manifest(std::move(manifest)),
      m_open(std::move(open)),
      m_retries(new RetrySchedule(this))
{
    for (const model::VersionFile &file : std::as_const(m_manifest))
        m_sizes.insert(file.sha256, file.size);
}

void ResumableUpload::setRetryDelays(QList<std::chrono::milliseconds> delays)
{
    m_retries->setDelays(std::move(delays));
}

ResumableUpload::~ResumableUpload()
{
    // Abort a transfer still reading from our device; nothing is reported any more.
    m_done = true;
    m_call.cancel();
    releaseDevice();
}

void ResumableUpload::start(bool activate, const std::optional<Resume> &resume)
{
    m_activate = activate;
    if (!resume)
        return plan();
    m_uploadId = resume->uploadId;
    resetQueue(resume->remaining);
    m_probeFirst = true; // the first blob may be half sent
    nextBlob();
}

void ResumableUpload::startSource(bool activate, const std::optional<Resume> &resume)
{
    m_source = true;
    start(activate, resume);
}

void ResumableUpload::cancel()
{
    if (m_done)
        return;
    m_retries->stop();
    if (m_call.isRunning())
        m_call.cancel(); // its callback ends the upload
    else
        fail(Error::make(u"client.cancelled"_qs, u"The upload was cancelled"_qs));
}

void ResumableUpload::setBase(qint64 versionId, QList<model::VersionFile> files)
{
    m_base = LeanManifest::Base{versionId, std::move(files)};
}

void ResumableUpload::plan()
{
    auto onPlan = [this](Result<UploadPlan> plan) {
        if (!plan.ok() && m_base && isStaleBase(plan.error())) {
            m_base.reset(); // deleted by retention meanwhile, say: send the whole manifest
            return this->plan();
        }
        if (!plan.ok()) {
            if (!retryLater(plan.error(), [this] { this->plan(); }))
                fail(plan.error());
            return;
        }
        m_retries->reset();
        m_uploadId = plan->uploadId;
        resetQueue(plan->missing);
        m_probeFirst = false;
        emit planned(*plan);
        nextBlob();
    };
    m_call = m_source ? m_api.builds().startSourceUpload(m_projectId, m_manifest, this, onPlan)
                      : m_api.startIncrementalUpload(m_projectId, m_manifest, m_base, this, onPlan);
}

void ResumableUpload::nextBlob()
{
    if (m_queue.isEmpty())
        return finalize();
    const QString sha256 = m_queue.first();
    if (std::exchange(m_probeFirst, false))
        return probe(sha256);
    send(sha256, 0);
}

void ResumableUpload::probe(const QString &sha256)
{
    m_call = m_api.blobStatus(m_uploadId, sha256, this, [this, sha256](Result<BlobProgress> status) {
        if (!status.ok())
            return onBlobError(status.error());
        m_retries->reset();
        if (status->complete)
            return blobDone(sha256);
        send(sha256, status->received);
    });
}

void ResumableUpload::send(const QString &sha256, qint64 offset)
{
    releaseDevice();
    m_device = m_open(sha256);
    if (!m_device)
        return fail(Error::make(u"client.file_unreadable"_qs, u"A file to upload can no longer be read"_qs,
                                QJsonObject{{u"sha256"_qs, sha256}}));
    const qint64 before = m_doneBytes + offset;
    auto onProgress = [this, before](qint64 sent, qint64) { emit progress(before + sent, m_totalBytes); };
    m_call = m_api.putBlob(m_uploadId, sha256, m_device.get(), offset, m_sizes.value(sha256), onProgress, this,
                           [this, sha256](Status status) {
                               if (!status.ok())
                                   return onBlobError(status.error());
                               m_retries->reset();
                               blobDone(sha256);
                           });
}

void ResumableUpload::blobDone(const QString &sha256)
{
    releaseDevice();
    m_queue.removeOne(sha256);
    m_doneBytes += m_sizes.value(sha256);
    emit blobSent(sha256);
    emit progress(m_doneBytes, m_totalBytes);
    nextBlob();
}

void ResumableUpload::finalize()
{
    if (m_source)
        return finalizeSource();
    m_call = m_api.finalize(m_uploadId, m_activate, this,
                            [this](Result<Version> version) { onFinalized(version, &ResumableUpload::finished); });
}

void ResumableUpload::finalizeSource()
{
    m_call = m_api.builds().finalizeSource(m_uploadId, true, m_activate, this, [this](Result<SourceBuild> answer) {
        onFinalized(answer, &ResumableUpload::sourceFinished);
    });
}

template<typename T>
void ResumableUpload::onFinalized(const Result<T> &answer, void (ResumableUpload::*report)(const Result<T> &))
{
    if (answer.ok()) {
        m_done = true;
        emit(this->*report)(answer);
        return;
    }
    // A finalize whose answer was lost may have worked: never plan anew here.
    if (!restartWithMissing(answer.error()) && !retryLater(answer.error(), [this] { finalize(); }))
        fail(answer.error());
}

void ResumableUpload::onBlobError(const Error &error)
{
    releaseDevice();
    if (error.code == u"upload.offset_mismatch" && m_retries->takeImmediate()) {
        m_probeFirst = true; // ask where the agent stands, then continue from there
        return nextBlob();
    }
    if (replan(error))
        return;
    if (!retryLater(error, [this] {
            m_probeFirst = true;
            nextBlob();
        }))
        fail(error);
}

bool ResumableUpload::retryLater(const Error &error, std::function<void()> again)
{
    if (!isTransient(error) || !m_retries->later(std::move(again)))
        return false;
    emit retrying(error, m_retries->attempts());
    return true;
}

bool ResumableUpload::replan(const Error &error)
{
    if (error.code != u"upload.not_found" || m_restarts >= MaxRestarts)
        return false;
    ++m_restarts;
    m_uploadId.clear();
    plan();
    return true;
}

bool ResumableUpload::restartWithMissing(const Error &error)
{
    const QJsonArray missing = error.details.value(u"missing"_qs).toArray();
    if (error.code != u"upload.incomplete" || missing.isEmpty() || m_restarts >= MaxRestarts)
        return false;
    ++m_restarts;
    QStringList hashes;
    for (const QJsonValue &hash : missing)
        hashes.append(hash.toString());
    resetQueue(hashes);
    m_probeFirst = true;
    nextBlob();
    return true;
}

void ResumableUpload::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    releaseDevice();
    if (m_source)
        emit sourceFinished(error);
    else
        emit finished(error);
}

void ResumableUpload::releaseDevice()
{
    // The reply that read it may still be unwinding (an abort finishes
    // synchronously), so the device goes only once control is back in the loop.
    if (m_device)
        m_device.release()->deleteLater();
}

void ResumableUpload::resetQueue(const QStringList &hashes)
{
    m_queue = hashes;
    m_doneBytes = 0;
    m_totalBytes = 0;
    for (const QString &hash : hashes)
        m_totalBytes += m_sizes.value(hash);
}

} // namespace ddd::core::client
