// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remoteproject.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::client {

// The body of POST /api/v1/projects and PATCH /api/v1/projects/{id}: only the
// fields that are set travel, so a PATCH changes exactly what the user edited.
struct ProjectPatch final
{
    struct SiteUser final
    {
        QString username;
        QString password; // empty keeps the password the agent holds for this user
    };
    struct SitePassword final
    {
        bool enabled = false;
        QList<SiteUser> users;
        RemoteProject::ProtectionScope scope = RemoteProject::ProtectionScope::AllHosts;
    };

    // settings.build: only the fields that are set travel; the agent merges
    // them over the ones it holds.
    struct Build final
    {
        std::optional<QString> generator;
        std::optional<QString> npmScript;
        std::optional<QString> outputDir;
        std::optional<bool> publishAutomatically;
        // Sent whole (url and branch) whenever either changed.
        std::optional<RemoteProject::GitSource> git;
        bool isEmpty() const;
    };

    // settings.https, sent whole when anything in it changed.
    struct Https final
    {
        bool redirect = false;
        bool hstsEnabled = false;
        qint64 hstsMaxAge = 31536000;
        bool hstsIncludeSubDomains = false;
        bool hstsPreload = false;
    };

    std::optional<QString> name;
    // Outer optional: send the field at all; inner: a domain or null to clear it.
    std::optional<std::optional<QString>> domain;
    std::optional<QStringList> aliases; // the whole list; empty removes them all
    std::optional<bool> spaMode;
    std::optional<bool> optOutMinify;
    std::optional<QStringList> buildFlags;
    std::optional<SitePassword> sitePassword;
    std::optional<Build> build;
    std::optional<Https> https;

    QJsonObject toJson() const;
};

} // namespace ddd::core::client
