// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::core::acme {

// The HTTP-01 answers lego writes into its webroot, read the one way both
// the site listener (AcmeChallengeStage) and the mirror to the shared
// database (ChallengeMirror) read them.
class ChallengeAnswer final
{
public:
    // A key authorization is the token, a dot and a 43-character
    // thumbprint; anything much larger in that folder is not lego's.
    static constexpr qint64 maxBytes = 1024;

    // <webroot>/.well-known/acme-challenge
    static QString folderOf(const QString &webroot) { return webroot + u"/.well-known/acme-challenge"_qs; }
    // The answer in `folder` for `token`: a regular file (no symlink
    // followed) of at most maxBytes; nullopt otherwise.
    static std::optional<QByteArray> read(const QString &folder, const QString &token);
};

} // namespace ddd::core::acme
