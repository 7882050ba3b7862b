// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/acmechallengestage.h"

#include "core/acme/challengeanswer.h"

namespace ddd::agent::site {

namespace {

constexpr qsizetype maxTokenChars = 256;

http::Response refusal(int status, QByteArray body, const QString &code)
{
    http::Response response = http::Response::text(status, std::move(body));
    response.errorCode = code;
    return response;
}

} // namespace

AcmeChallengeStage::AcmeChallengeStage(QString webroot, SharedAnswer shared)
    : m_dir(webroot.isEmpty() ? QString() : core::acme::ChallengeAnswer::folderOf(webroot)),
      m_shared(std::move(shared))
{
}

bool AcmeChallengeStage::isToken(QStringView token)
{
    if (token.isEmpty() || token.size() > maxTokenChars)
        return false;
    for (const QChar c : token) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'-'
                        || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

// The raw target, not the decoded path: a token is plain base64url, so a
// percent sign (an encoded dot or slash) already fails the alphabet, and no
// decoding step can turn a refused target into an accepted one.
std::optional<QStringView> AcmeChallengeStage::tokenOf(const QByteArray &target, QString &scratch)
{
    const qsizetype question = target.indexOf('?');
    scratch = QString::fromLatin1(question < 0 ? target : target.left(question));
    if (!scratch.startsWith(prefix))
        return std::nullopt;
    return QStringView(scratch).mid(prefix.size());
}

bool AcmeChallengeStage::mayBlock(const SiteExchange &exchange) const
{
    return exchange.request.target.startsWith("/.well-known/acme-challenge/");
}

std::optional<http::Response> AcmeChallengeStage::check(SiteExchange &exchange) const
{
    QString scratch;
    const std::optional<QStringView> token = tokenOf(exchange.request.target, scratch);
    if (!token)
        return std::nullopt;
    if (!isToken(*token))
        return refusal(404, "Not Found\n", u"acme.bad_token"_qs);
    std::optional<QByteArray> answer = fromWebroot(token->toString());
    if (!answer && m_shared)
        answer = m_shared(token->toString());
    if (!answer)
        return refusal(404, "Not Found\n", u"acme.unknown_token"_qs);
    http::Response response = http::Response::text(200, std::move(*answer), "text/plain");
    response.headers.set("Cache-Control", "no-store");
    return response;
}

std::optional<QByteArray> AcmeChallengeStage::fromWebroot(const QString &token) const
{
    return m_dir.isEmpty() ? std::nullopt : core::acme::ChallengeAnswer::read(m_dir, token);
}

} // namespace ddd::agent::site
