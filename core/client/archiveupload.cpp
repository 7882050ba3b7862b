// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/archiveupload.h"

#include "core/client/apiclient.h"
#include "core/client/archiveuploadsclient.h"
#include "core/client/retryschedule.h"

#include <QCryptographicHash>
#include <QTimer>

namespace ddd::core::client {

using model::ArchiveUploadStatus;

namespace {

constexpr int MaxReopens = 3;

bool isTransient(const Error &error)
{
    // upload.busy: right after a dropped connection the agent may not have
    // noticed yet that the old piece's request is gone.
    return error.code == u"client.network" || error.code == u"http.body_timeout"
        || error.code == u"http.header_timeout" || error.code == u"upload.busy";
}

} // namespace

ArchiveUpload::ArchiveUpload(ApiClient &api, qint64 projectId, QString archivePath, QObject *parent)
    : QObject(parent),
      m_api(api),
      m_projectId(projectId),
      m_file(archivePath),
      m_retries(new RetrySchedule(this))
{
}

void ArchiveUpload::setRetryDelays(QList<std::chrono::milliseconds> delays)
{
    m_retries->setDelays(std::move(delays));
}

ArchiveUpload::~ArchiveUpload()
{
    m_done = true;
    m_call.cancel();
}

void ArchiveUpload::start(bool activate)
{
    m_activate = activate;
    // Reported from the event loop, like every other outcome.
    QTimer::singleShot(0, this, [this] { begin(); });
}

void ArchiveUpload::startSource(bool activate)
{
    m_source = true;
    start(activate);
}

void ArchiveUpload::cancel()
{
    if (m_done)
        return;
    m_retries->stop();
    if (m_call.isRunning())
        m_call.cancel(); // its callback ends the upload
    else
        fail(Error::make(u"client.cancelled"_qs, u"The upload was cancelled"_qs));
}

// The hash names the archive across runs: a re-run finds its session by it.
void ArchiveUpload::begin()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(Error::make(u"client.file_unreadable"_qs, m_file.errorString(),
                                QJsonObject{{u"path"_qs, m_file.fileName()}}));
    m_size = m_file.size();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&m_file))
        return fail(Error::make(u"client.file_unreadable"_qs, m_file.errorString(),
                                QJsonObject{{u"path"_qs, m_file.fileName()}}));
    m_sha256 = QString::fromLatin1(hash.result().toHex());
    findSession();
}

void ArchiveUpload::findSession()
{
    m_call = m_api.archiveUploads().list(m_projectId, this, [this](Result<QList<ArchiveUploadStatus>> open) {
        if (!open.ok()) {
            if (!retryLater(open.error(), [this] { findSession(); }))
                fail(open.error());
            return;
        }
        for (const ArchiveUploadStatus &status : std::as_const(*open))
            if (status.sha256 == m_sha256 && status.size == m_size) {
                emit resumed(status.offset, status.size);
                return adopt(status);
            }
        openSession();
    });
}

void ArchiveUpload::openSession()
{
    m_call = m_api.archiveUploads().create(m_projectId, m_size, m_sha256, this, [this](Result<ArchiveUploadStatus> created) {
        if (!created.ok()) {
            if (!retryLater(created.error(), [this] { findSession(); }))
                fail(created.error());
            return;
        }
        adopt(*created);
    });
}

void ArchiveUpload::adopt(const ArchiveUploadStatus &status)
{
    m_retries->reset();
    m_id = status.id;
    m_offset = status.offset;
    emit progress(m_offset, m_size);
    sendPiece();
}

void ArchiveUpload::sendPiece()
{
    if (m_offset >= m_size)
        return complete();
    if (!m_file.seek(m_offset))
        return fail(Error::make(u"client.file_unreadable"_qs, m_file.errorString(),
                                QJsonObject{{u"path"_qs, m_file.fileName()}}));
    const QByteArray piece = m_file.read(std::min(m_pieceBytes, m_size - m_offset));
    if (piece.isEmpty())
        return fail(Error::make(u"client.file_unreadable"_qs, u"The archive changed while it was being sent"_qs,
                                QJsonObject{{u"path"_qs, m_file.fileName()}}));
    const qint64 before = m_offset;
    auto onProgress = [this, before](qint64 sent, qint64) { emit progress(before + sent, m_size); };
    m_call = m_api.archiveUploads().sendPiece(m_id, m_offset, piece, onProgress, this,
                                              [this](Result<ArchiveUploadStatus> status) {
                                                  if (!status.ok())
                                                      return onPieceError(status.error());
                                                  m_retries->reset();
                                                  m_offset = status->offset;
                                                  emit progress(m_offset, m_size);
                                                  sendPiece();
                                              });
}

// Where the agent's copy stands after a failure: part of the piece may have
// arrived.
void ArchiveUpload::resync()
{
    m_call = m_api.archiveUploads().status(m_id, this, [this](Result<ArchiveUploadStatus> status) {
        if (!status.ok())
            return onPieceError(status.error());
        m_offset = status->offset;
        emit progress(m_offset, m_size);
        sendPiece();
    });
}

void ArchiveUpload::onPieceError(const Error &error)
{
    const QJsonValue offset = error.details.value(u"offset"_qs);
    if (error.code == u"upload.offset_mismatch" && offset.isDouble() && m_retries->takeImmediate()) {
        m_offset = offset.toInteger();
        return sendPiece();
    }
    if (reopen(error))
        return;
    if (!retryLater(error, [this] { resync(); }))
        fail(error);
}

void ArchiveUpload::complete()
{
    if (m_source)
        m_call = m_api.archiveUploads().completeSource(m_id, m_activate, this, [this](Result<SourceBuild> answer) {
            onCompleted(answer, &ArchiveUpload::sourceFinished);
        });
    else
        m_call = m_api.archiveUploads().complete(m_id, m_activate, this, [this](Result<model::Version> answer) {
            onCompleted(answer, &ArchiveUpload::finished);
        });
}

template<typename T>
void ArchiveUpload::onCompleted(const Result<T> &answer, void (ArchiveUpload::*report)(const Result<T> &))
{
    if (answer.ok()) {
        m_done = true;
        emit(this->*report)(answer);
        return;
    }
    const QJsonValue offset = answer.error().details.value(u"offset"_qs);
    if (answer.error().code == u"upload.incomplete" && offset.isDouble() && m_retries->takeImmediate()) {
        m_offset = offset.toInteger();
        return sendPiece();
    }
    // A completion whose answer was lost may have worked: never reopen here.
    if (!retryLater(answer.error(), [this] { complete(); }))
        fail(answer.error());
}

bool ArchiveUpload::retryLater(const Error &error, std::function<void()> again)
{
    if (m_done || !isTransient(error) || !m_retries->later(std::move(again)))
        return false;
    emit retrying(error, m_retries->attempts());
    return true;
}

// The agent forgot the session (it expired, or was deleted): start over.
bool ArchiveUpload::reopen(const Error &error)
{
    if (m_done || error.code != u"upload.not_found" || m_reopened >= MaxReopens)
        return false;
    ++m_reopened;
    m_id.clear();
    m_offset = 0;
    openSession();
    return true;
}

void ArchiveUpload::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_source)
        emit sourceFinished(error);
    else
        emit finished(error);
}

} // namespace ddd::core::client
