// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/callhandle.h"
#include "core/client/leanmanifest.h"
#include "core/client/remotesource.h"
#include "core/model/uploadplan.h"
#include "core/model/version.h"
#include "core/model/versionfile.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace ddd::core::client {

class ApiClient;
class RetrySchedule;

// The incremental deploy protocol (docs/api.md) from the client's side: post
// the manifest, send only the blobs the agent lacks, one after the other,
// then finalize. A dropped connection is retried with growing pauses and
// resumed where the agent's byte count says; a session the agent forgot (it
// restarted, or 24 hours passed) is planned again, which re-sends only what
// the agent still lacks. A session saved by the caller (uploadId and the
// hashes not yet sent) resumes after a restart of the client.
class ResumableUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResumableUpload)

public:
    // Opens the bytes of one blob; null if they cannot be read any more.
    using OpenBlob = std::function<std::unique_ptr<QIODevice>(const QString &sha256)>;
    struct Resume
    {
        QString uploadId;
        QStringList remaining;
    };

    ResumableUpload(ApiClient &api, qint64 projectId, QList<model::VersionFile> manifest, OpenBlob open,
                      QObject *parent = nullptr);
    ~ResumableUpload() override;

    // The version the agent holds that the manifest is told against (the
    // live one): only the entries that differ are sent. A base the agent no
    // longer has is dropped and the whole manifest sent instead.
    void setBase(qint64 versionId, QList<model::VersionFile> files);
    // Pauses before the 1st, 2nd, … retry; one more failure ends the upload.
    void setRetryDelays(QList<std::chrono::milliseconds> delays);
    void start(bool activate, const std::optional<Resume> &resume = std::nullopt);
    // Sends the tree as a build source (kind "source"); its finalize starts a
    // build, and `sourceFinished` reports instead of `finished`.
    void startSource(bool activate, const std::optional<Resume> &resume = std::nullopt);
    // Ends the upload with `client.cancelled`; the session stays resumable.
    void cancel();

    QString uploadId() const { return m_uploadId; }
    QStringList remaining() const { return m_queue; }
    qint64 bytesSent() const { return m_doneBytes; }
    qint64 bytesTotal() const { return m_totalBytes; }

signals:
    void planned(const ddd::core::model::UploadPlan &plan);
    void progress(qint64 sent, qint64 total);
    void blobSent(const QString &sha256);
    void retrying(const ddd::core::Error &error, int attempt);
    void finished(const ddd::core::Result<ddd::core::model::Version> &result);
    void sourceFinished(const ddd::core::Result<ddd::core::client::SourceBuild> &result);

private:
    void plan();
    void nextBlob();
    void probe(const QString &sha256);
    void send(const QString &sha256, qint64 offset);
    void blobDone(const QString &sha256);
    void finalize();
    void finalizeSource();
    template<typename T>
    void onFinalized(const Result<T> &answer, void (ResumableUpload::*report)(const Result<T> &));
    void onBlobError(const Error &error);
    bool retryLater(const Error &error, std::function<void()> again);
    bool replan(const Error &error);
    bool restartWithMissing(const Error &error);
    void fail(const Error &error);
    void resetQueue(const QStringList &hashes);
    void releaseDevice();

    ApiClient &m_api;
    qint64 m_projectId;
    QList<model::VersionFile> m_manifest;
    std::optional<LeanManifest::Base> m_base;
    QHash<QString, qint64> m_sizes;
    OpenBlob m_open;
    RetrySchedule *m_retries;
    bool m_activate = false;
    bool m_source = false;
    QString m_uploadId;
    QStringList m_queue;
    bool m_probeFirst = false;
    qint64 m_doneBytes = 0;
    qint64 m_totalBytes = 0;
    int m_restarts = 0; // new plans and rounds after upload.incomplete
    bool m_done = false;
    CallHandle m_call;
    std::unique_ptr<QIODevice> m_device;
};

} // namespace ddd::core::client
