// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/remotebuild.h"
#include "core/client/remoteproject.h"
#include "core/model/version.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ddd::cli {

// How `ddd` shows the agent's things: text rows for people, JSON objects in
// the API's own spelling for scripts (so a field means what docs/api.md says).
class Format final
{
public:
    static QString bytes(qint64 bytes);
    static QString time(qint64 unixMs);
    static QStringList versionHeader();
    static QStringList versionRow(const core::model::Version &version);
    static QJsonObject versionJson(const core::model::Version &version);
    static QJsonObject projectJson(const core::client::RemoteProject &project);
    static QJsonObject buildJson(const core::client::RemoteBuild &build);
    // Where the project's site is visited: production, else staging.
    static QString siteUrl(const core::client::RemoteProject &project);
};

} // namespace ddd::cli
