// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace ddd::core::deploy {

// One file of a version as the site listener needs it (a VersionIndex entry).
struct SiteFile final
{
    QByteArray sha256; // 64 lower-case hex characters; names the blob
    qint64 size = 0;
    // Precompressed variants made at deploy time (Precompressor), known here
    // so serving opens only the chosen file; 0 when there is none.
    qint64 brotliSize = 0;
    qint64 gzipSize = 0;
    // A compressible type (CompressiblePaths): its answers vary by
    // Accept-Encoding whether or not a variant exists.
    bool compressible = false;
    // ContentTypeTable id, decided once when the index was written.
    quint8 contentType = 0;
};

} // namespace ddd::core::deploy
