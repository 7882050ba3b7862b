// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::core::blobs {

// One file of a version. There is no mode: every blob is served and stored
// the same way (see EntryRules), and directories exist only as path prefixes.
struct ManifestEntry final
{
    QString path;      // normalised (SafePath), relative, no trailing slash
    QByteArray sha256; // 64 lower-case hex characters; names the blob
    qint64 size = 0;

    friend bool operator==(const ManifestEntry &, const ManifestEntry &) = default;
};

} // namespace ddd::core::blobs
