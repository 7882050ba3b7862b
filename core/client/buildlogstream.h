// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/eventstreamparser.h"
#include "core/client/remotebuild.h"
#include "core/util/result.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace ddd::core::client {

// The live log of one build (GET /api/v1/builds/{id}/log/stream): every line
// so far, then new lines as the build writes them, then the finished build.
// Reads the event stream as bytes arrive; emits `ended` exactly once, with
// the build from the `end` event, or with the error that cut the stream
// short (an agent refusal keeps its code; a dropped connection is
// client.network; cancel() gives client.cancelled).
class BuildLogStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildLogStream)

public:
    // Deletes `reply` when the stream ends or is destroyed.
    explicit BuildLogStream(QNetworkReply *reply, QObject *parent = nullptr);
    ~BuildLogStream() override;

    void cancel();
    bool isRunning() const { return !m_ended; }

signals:
    // Lines in the order the build wrote them, in batches as they arrived.
    void lines(const QStringList &lines);
    void ended(const ddd::core::Result<ddd::core::client::RemoteBuild> &build);

private:
    void onReadyRead();
    void onFinished();
    void handle(const EventStreamParser::Event &event, QStringList &batch);
    void end(const Result<RemoteBuild> &result);

    QPointer<QNetworkReply> m_reply;
    EventStreamParser m_parser;
    bool m_ended = false;
};

} // namespace ddd::core::client
