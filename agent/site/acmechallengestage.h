// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace ddd::agent::site {

// Answers ACME HTTP-01 challenges: GET/HEAD /.well-known/acme-challenge/<token>
// for any host, from the files lego writes into the webroot, before the host
// is resolved or a site password asked for (the ACME server validates a name
// before any site may be live on it, and never knows a password). Tokens are
// base64url (RFC 8555 §8.3), so anything else, a dot or a slash above all,
// is refused before the file system is asked. Agents sharing a database
// answer from it too (another agent may be ordering), after the webroot.
class AcmeChallengeStage final : public SitePreStage
{
public:
    static constexpr QStringView prefix = u"/.well-known/acme-challenge/";
    // A token's answer from the shared database (ChallengeTable); nullopt: none.
    using SharedAnswer = std::function<std::optional<QByteArray>(const QString &token)>;

    // Either may be empty: no webroot (this agent does not order), no
    // shared answers (one agent).
    AcmeChallengeStage(QString webroot, SharedAnswer shared);

    std::optional<http::Response> check(SiteExchange &exchange) const override;
    // Reads a file for challenge paths only; every other request stays inline.
    bool mayBlock(const SiteExchange &exchange) const override;

    static bool isToken(QStringView token);
    // A decoded request path under the challenge directory, in any case:
    // what must never be redirected to HTTPS nor answered from memory.
    static bool isChallengePath(const QString &path)
    {
        return path.startsWith(prefix, Qt::CaseInsensitive);
    }

private:
    // The token part of an origin-form challenge target (the query dropped);
    // nullopt for any other target. The view points into `scratch`.
    static std::optional<QStringView> tokenOf(const QByteArray &target, QString &scratch);

    std::optional<QByteArray> fromWebroot(const QString &token) const;

    QString m_dir; // <webroot>/.well-known/acme-challenge; empty: none
    SharedAnswer m_shared;
};

} // namespace ddd::agent::site
