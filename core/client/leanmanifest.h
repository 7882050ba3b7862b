// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/versionfile.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace ddd::core::client {

// The body the client posts to start an incremental upload: the manifest
// told against a version the agent already has when there is one
// ({"base", "changed", "removed"}: a 1% change sends 1% of the entries),
// the whole manifest otherwise, gzip-compressed either way (docs/api.md).
class LeanManifest final
{
public:
    struct Base
    {
        qint64 versionId = 0;
        QList<model::VersionFile> files;
    };

    // JSON, before compression (`kind` "source" for a build source).
    static QByteArray json(const QList<model::VersionFile> &manifest, const std::optional<Base> &base,
                           bool source = false);
    // json() gzip-compressed, sent with Content-Encoding: gzip.
    static QByteArray body(const QList<model::VersionFile> &manifest, const std::optional<Base> &base,
                           bool source = false);
};

} // namespace ddd::core::client
