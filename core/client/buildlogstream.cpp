// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/buildlogstream.h"

#include "core/client/buildwire.h"
#include "core/client/replydecoder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace ddd::core::client {

namespace {

bool isSuccess(const QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return status >= 200 && status < 300;
}

} // namespace

BuildLogStream::BuildLogStream(QNetworkReply *reply, QObject *parent) : QObject(parent), m_reply(reply)
{
    // The reply stays a child of its QNetworkAccessManager, which aborts it
    // safely if it goes first; owning it here would outlive the manager.
    connect(reply, &QNetworkReply::readyRead, this, &BuildLogStream::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &BuildLogStream::onFinished);
}

BuildLogStream::~BuildLogStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void BuildLogStream::cancel()
{
    if (m_ended || !m_reply)
        return;
    ReplyDecoder::markCancelled(*m_reply);
    m_reply->abort(); // finished() follows and reports client.cancelled
}

void BuildLogStream::onReadyRead()
{
    // An error answer is read whole by the decoder once it has finished.
    if (m_ended || !isSuccess(*m_reply))
        return;
    QStringList batch;
    for (const EventStreamParser::Event &event : m_parser.feed(m_reply->readAll())) {
        handle(event, batch);
        if (m_ended)
            return;
    }
    if (!batch.isEmpty())
        emit lines(batch);
}

void BuildLogStream::handle(const EventStreamParser::Event &event, QStringList &batch)
{
    if (event.name == u"line") {
        batch.append(event.data.split(u'\n'));
        return;
    }
    if (event.name != u"end")
        return; // unknown events are for newer clients
    if (!batch.isEmpty())
        emit lines(std::exchange(batch, {}));
    const QJsonDocument document = QJsonDocument::fromJson(event.data.toUtf8());
    end(document.isObject() ? RemoteBuild::fromJson(document.object()) : BuildWire::unexpected(u"end"_qs));
}

void BuildLogStream::onFinished()
{
    if (m_ended)
        return;
    if (isSuccess(*m_reply) && !ReplyDecoder::isCancelled(*m_reply)) {
        onReadyRead(); // the last bytes may come with finished()
        if (m_ended)
            return;
        return end(Error::make(u"client.network"_qs, u"The log stream ended before the build did"_qs,
                               QJsonObject{{u"reason"_qs, m_reply->errorString()}}));
    }
    const Result<QJsonValue> answer = ReplyDecoder::decode(*m_reply);
    end(answer.ok() ? BuildWire::unexpected(u"end"_qs) : answer.error());
}

void BuildLogStream::end(const Result<RemoteBuild> &result)
{
    m_ended = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    emit ended(result);
}

} // namespace ddd::core::client
