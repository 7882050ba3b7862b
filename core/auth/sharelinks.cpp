// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/sharelinks.h"

#include "core/auth/hmacsha256.h"
#include "core/util/clock.h"

#include <QList>

namespace ddd::core::auth {

namespace {

constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

Error invalidLink()
{
    return Error::make(u"site.share_link_invalid"_qs, u"This share link is not valid for this site"_qs);
}

// Strict decimal: no sign, no leading zeros, so one value has one spelling.
std::optional<qint64> parseNumber(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18 || (text.size() > 1 && text.startsWith('0')))
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    return text.toLongLong();
}

} // namespace

ShareLinks::ShareLinks(QByteArray key, const Clock &clock) : m_key(key), m_clock(clock)
{
}

QByteArray ShareLinks::mac(qint64 projectId, qint64 generation, qint64 expiresAtSeconds) const
{
    const QByteArray message = "ddd-share-v1|" + QByteArray::number(projectId) + '|' + QByteArray::number(generation)
        + '|' + QByteArray::number(expiresAtSeconds);
    return m_key.sign(message);
}

Result<ShareLinks::Issued> ShareLinks::issue(qint64 projectId, qint64 generation, qint64 lifetimeSeconds) const
{
    if (lifetimeSeconds < kMinLifetimeSeconds || lifetimeSeconds > kMaxLifetimeSeconds)
        return Error::make(u"site.invalid_share_lifetime"_qs,
                           QStringLiteral("A share link lasts %1 to %2 seconds").arg(kMinLifetimeSeconds).arg(kMaxLifetimeSeconds),
                           QJsonObject{{u"field"_qs, u"expiresInSeconds"_qs}});
    const qint64 expiresAt = m_clock.nowMs() / 1000 + lifetimeSeconds;
    const QByteArray token = QByteArray::number(projectId) + '.' + QByteArray::number(generation) + '.'
        + QByteArray::number(expiresAt) + '.' + mac(projectId, generation, expiresAt).toBase64(kBase64Url);
    return Issued{token, expiresAt * 1000};
}

Result<qint64> ShareLinks::verify(const QByteArray &token, qint64 projectId, qint64 generation) const
{
    if (token.size() > kMaxTokenBytes)
        return invalidLink();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 4)
        return invalidLink();
    const auto project = parseNumber(parts[0]);
    const auto tokenGeneration = parseNumber(parts[1]);
    const auto expiresAt = parseNumber(parts[2]);
    if (!project || !tokenGeneration || !expiresAt || *project != projectId || *tokenGeneration != generation)
        return invalidLink();
    const QByteArray expected = mac(projectId, generation, *expiresAt).toBase64(kBase64Url);
    if (!HmacSha256::equal(parts[3], expected))
        return invalidLink();
    const qint64 leftMs = *expiresAt * 1000 - m_clock.nowMs();
    if (leftMs <= 0)
        return Error::make(u"site.share_link_expired"_qs, u"This share link has expired"_qs);
    return (leftMs + 999) / 1000;
}

} // namespace ddd::core::auth
