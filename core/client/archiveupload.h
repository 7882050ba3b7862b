// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/callhandle.h"
#include "core/client/remotesource.h"
#include "core/model/archiveuploadstatus.h"
#include "core/model/version.h"
#include "core/util/result.h"

#include <QFile>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace ddd::core::client {

class ApiClient;
class RetrySchedule;

// An archive deploy over an upload session (docs/api.md, "Archive upload
// sessions"), shared by the CLI and the dashboard: the archive's SHA-256 is
// computed first, an open session of the same archive (same hash and size,
// left by a dropped connection, a Ctrl-C or a crash) is resumed where the
// agent stands, otherwise a new one is opened; pieces follow one after the
// other, and the session is completed into a version (or a build source).
// A dropped connection is retried with growing pauses after asking the
// agent where it stands; a session the agent no longer has is opened anew.
class ArchiveUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveUpload)

public:
    // Large enough that the per-piece round trip and sync cost little, small
    // enough for proxies that cap request bodies.
    static constexpr qint64 DefaultPieceBytes = qint64(16) << 20;

    ArchiveUpload(ApiClient &api, qint64 projectId, QString archivePath, QObject *parent = nullptr);
    ~ArchiveUpload() override;

    void setPieceBytes(qint64 bytes) { m_pieceBytes = bytes; }
    // Pauses before the 1st, 2nd, … retry; one more failure ends the upload.
    void setRetryDelays(QList<std::chrono::milliseconds> delays);
    void start(bool activate);
    // Completes into a build source; `sourceFinished` reports instead of `finished`.
    void startSource(bool activate);
    // Ends with `client.cancelled`; the session stays for a later start().
    void cancel();

    QString sessionId() const { return m_id; }
    qint64 offset() const { return m_offset; }
    qint64 size() const { return m_size; }
    QString sha256() const { return m_sha256; }

signals:
    // An earlier session of this archive continues at `offset`.
    void resumed(qint64 offset, qint64 size);
    void progress(qint64 sent, qint64 total);
    void retrying(const ddd::core::Error &error, int attempt);
    void finished(const ddd::core::Result<ddd::core::model::Version> &result);
    void sourceFinished(const ddd::core::Result<ddd::core::client::SourceBuild> &result);

private:
    void begin();
    void findSession();
    void openSession();
    void adopt(const model::ArchiveUploadStatus &status);
    void sendPiece();
    void resync();
    void complete();
    template<typename T>
    void onCompleted(const Result<T> &answer, void (ArchiveUpload::*report)(const Result<T> &));
    void onPieceError(const Error &error);
    bool retryLater(const Error &error, std::function<void()> again);
    bool reopen(const Error &error);
    void fail(const Error &error);

    ApiClient &m_api;
    qint64 m_projectId;
    QFile m_file;
    RetrySchedule *m_retries;
    qint64 m_pieceBytes = DefaultPieceBytes;
    bool m_activate = false;
    bool m_source = false;
    QString m_sha256;
    qint64 m_size = 0;
    QString m_id;
    qint64 m_offset = 0;
    int m_reopened = 0;
    bool m_done = false;
    CallHandle m_call;
};

} // namespace ddd::core::client
