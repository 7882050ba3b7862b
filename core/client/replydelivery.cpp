// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/replydelivery.h"

namespace ddd::core::client {

ReplyDelivery::ReplyDelivery(RefusalNotice notice) : m_notice(std::move(notice)) {}

CallHandle ReplyDelivery::deliverStatus(QNetworkReply *reply, QObject *context, Callback<void> done) const
{
    QObject::connect(reply, &QNetworkReply::finished, context, [notice = m_notice, reply, done = std::move(done)] {
        Result<QJsonValue> body = ReplyDecoder::decode(*reply);
        if (body.ok()) {
            done(Status());
            return;
        }
        notice(body.error());
        done(body.error());
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return CallHandle(reply);
}

CallHandle ReplyDelivery::deliverText(QNetworkReply *reply, QObject *context, Callback<QString> done) const
{
    QObject::connect(reply, &QNetworkReply::finished, context, [notice = m_notice, reply, done = std::move(done)] {
        Result<QByteArray> text = ReplyDecoder::decodeBytes(*reply);
        if (!text.ok()) {
            notice(text.error());
            done(text.error());
            return;
        }
        done(QString::fromUtf8(*text));
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return CallHandle(reply);
}

void ReplyDelivery::notice(const Error &error) const
{
    m_notice(error);
}

Error ReplyDelivery::unexpected(const QString &what)
{
    return Error::make(u"wire.unexpected_json"_qs, u"Unexpected JSON from the agent: "_qs + what,
                       QJsonObject{{u"field"_qs, what}});
}

Result<QJsonArray> ReplyDelivery::listFrom(const QJsonValue &body, const QString &key)
{
    if (body.isArray())
        return body.toArray();
    if (body[key].isArray())
        return body[key].toArray();
    return unexpected(key);
}

} // namespace ddd::core::client
