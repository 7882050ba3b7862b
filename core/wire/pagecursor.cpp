// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/pagecursor.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ddd::core::wire {

namespace {

constexpr int Version = 1;
constexpr auto Base64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error invalid(const QString &reason)
{
    return Error::make(u"request.invalid_cursor"_qs, u"The cursor is not one this listing handed out"_qs,
                       QJsonObject{{u"field"_qs, u"cursor"_qs}, {u"reason"_qs, reason}});
}

// A whole number JSON carries exactly (below 2^53), not negative.
bool isCount(const QJsonValue &value)
{
    const double number = value.toDouble(-1);
    return value.isDouble() && number >= 0 && number <= 9007199254740992.0 && number == double(qint64(number));
}

} // namespace

QString PageCursor::encode(const QString &listing, qint64 scope, const model::PageKey &key)
{
    const QJsonObject json{{u"v"_qs, Version}, {u"l"_qs, listing}, {u"s"_qs, scope},
                           {u"n"_qs, key.number}, {u"i"_qs, key.id}, {u"p"_qs, key.path}};
    return QString::fromLatin1(QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(Base64));
}

Result<model::PageKey> PageCursor::decode(const QString &cursor, const QString &listing, qint64 scope)
{
    if (cursor.size() > MaxLength)
        return invalid(u"malformed"_qs);
    const auto bytes = QByteArray::fromBase64Encoding(cursor.toLatin1(), Base64 | QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.decoded, &parseError);
    const QJsonObject json = document.object();
    if (!bytes || parseError.error != QJsonParseError::NoError || !document.isObject() || json.size() != 6
        || json.value(u"v"_qs).toInt() != Version || !json.value(u"l"_qs).isString() || !isCount(json.value(u"s"_qs))
        || !isCount(json.value(u"n"_qs)) || !isCount(json.value(u"i"_qs)) || !json.value(u"p"_qs).isString())
        return invalid(u"malformed"_qs);
    if (json.value(u"l"_qs).toString() != listing || json.value(u"s"_qs).toInteger() != scope)
        return invalid(u"other_listing"_qs);
    return model::PageKey{json.value(u"n"_qs).toInteger(), json.value(u"i"_qs).toInteger(),
                          json.value(u"p"_qs).toString()};
}

} // namespace ddd::core::wire
