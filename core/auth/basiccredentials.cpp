// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/basiccredentials.h"

#include <QStringDecoder>

namespace ddd::core::auth {

namespace {

bool isBase64Char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

// Standard alphabet, padded, canonical: re-encoding must give the same text.
std::optional<QByteArray> decodeToken68(const QByteArray &token)
{
    qsizetype dataEnd = token.size();
    while (dataEnd > 0 && token[dataEnd - 1] == '=' && token.size() - dataEnd < 2)
        --dataEnd;
    if (token.isEmpty() || token.size() % 4 != 0)
        return std::nullopt;
    for (qsizetype i = 0; i < dataEnd; ++i) {
        if (!isBase64Char(token[i]))
            return std::nullopt;
    }
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(token, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64() != token)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QString> strictUtf8(const QByteArray &bytes)
{
    // A leading byte order mark is part of the user name: stripping it (the
    // decoder's default) would let two names that differ by it log in alike.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

} // namespace

std::optional<BasicCredentials> BasicCredentials::parse(const QByteArray &authorization)
{
    if (authorization.size() > kMaxFieldBytes)
        return std::nullopt;
    const QByteArray field = authorization.trimmed();
    const qsizetype space = field.indexOf(' ');
    if (space < 0 || field.left(space).toLower() != "basic")
        return std::nullopt;
    const auto decoded = decodeToken68(field.mid(space + 1).trimmed());
    if (!decoded)
        return std::nullopt;
    const auto text = strictUtf8(*decoded);
    if (!text)
        return std::nullopt;
    const qsizetype colon = text->indexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    return BasicCredentials{text->left(colon), text->mid(colon + 1)};
}

} // namespace ddd::core::auth
