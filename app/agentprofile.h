// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace ddd::app {

// One agent the user added: where it is and what the user decided about it.
// The token is not here; `credentialKey()` names it in the CredentialStore.
struct AgentProfile final
{
    QString id; // stable across renames and URL changes
    QUrl url;
    QString email;              // last account used to log in, to prefill the form
    QString trustedFingerprint; // SHA-256 of a certificate the user accepted
    // Scheme and port of the agent's site listener (its host is replaced by a
    // site's host); empty: http on port 80.
    QUrl siteUrl;

    QString label() const;
    QString credentialKey() const;
    // Where a site with this host is reachable, for "Open site" and "Copy URL".
    QUrl siteAddress(const QString &siteHost) const;

    QJsonObject toJson() const;
    static std::optional<AgentProfile> fromJson(const QJsonObject &json);
    static AgentProfile create(const QUrl &url);

    bool operator==(const AgentProfile &) const = default;
};

} // namespace ddd::app
