// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/callhandle.h"
#include "core/client/replydecoder.h"
#include "core/util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QTimer>

#include <functional>

namespace ddd::core::client {

// Hands a finished reply to its caller as a typed result, on the caller's
// context and never inside the call. Shared by ApiClient and BuildsClient so
// both treat answers, refusals and an expired session alike.
class ReplyDelivery final
{
public:
    template<typename T>
    using Decoder = std::function<Result<T>(const QJsonValue &)>;
    // Told of every refusal; the client emits sessionExpired from it.
    using RefusalNotice = std::function<void(const Error &)>;

    explicit ReplyDelivery(RefusalNotice notice);

    template<typename T>
    CallHandle deliver(QNetworkReply *reply, QObject *context, Callback<T> done, Decoder<T> decode) const;
    // For answers without a body worth reading (204, or one the caller ignores).
    CallHandle deliverStatus(QNetworkReply *reply, QObject *context, Callback<void> done) const;
    // For text answers (a build log).
    CallHandle deliverText(QNetworkReply *reply, QObject *context, Callback<QString> done) const;
    void notice(const Error &error) const;

    // A call that fails before anything is sent still answers asynchronously.
    template<typename T>
    static void failLater(QObject *context, Callback<T> done, Error error);
    // `wire.unexpected_json` naming `what`.
    static Error unexpected(const QString &what);
    // Lists arrive as a bare array or wrapped as {"<key>": [...]}; both decode.
    template<typename T>
    static Result<QList<T>> decodeList(const QJsonValue &body, const QString &key,
                                       const std::function<Result<T>(const QJsonObject &)> &decodeOne);

private:
    static Result<QJsonArray> listFrom(const QJsonValue &body, const QString &key);

    RefusalNotice m_notice;
};

template<typename T>
CallHandle ReplyDelivery::deliver(QNetworkReply *reply, QObject *context, Callback<T> done, Decoder<T> decode) const
{
    QObject::connect(reply, &QNetworkReply::finished, context,
                     [notice = m_notice, reply, done = std::move(done), decode = std::move(decode)] {
                         Result<QJsonValue> body = ReplyDecoder::decode(*reply);
                         if (!body.ok()) {
                             notice(body.error());
                             done(body.error());
                             return;
                         }
                         done(decode(*body));
                     });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return CallHandle(reply);
}

template<typename T>
void ReplyDelivery::failLater(QObject *context, Callback<T> done, Error error)
{
    QTimer::singleShot(0, context, [done = std::move(done), error = std::move(error)] { done(error); });
}

template<typename T>
Result<QList<T>> ReplyDelivery::decodeList(const QJsonValue &body, const QString &key,
                                           const std::function<Result<T>(const QJsonObject &)> &decodeOne)
{
    auto array = listFrom(body, key);
    if (!array.ok())
        return array.error();
    QList<T> items;
    for (const QJsonValue &entry : *array) {
        if (!entry.isObject())
            return unexpected(key);
        auto item = decodeOne(entry.toObject());
        if (!item.ok())
            return item.error();
        items.append(std::move(item).value());
    }
    return items;
}

} // namespace ddd::core::client
