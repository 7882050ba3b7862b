// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ddd::core {

// One gzip member in memory: what the client library sends with
// `Content-Encoding: gzip` (manifests, small blobs); GzipInflater decodes it.
class GzipCompressor final
{
public:
    // Empty only if zlib fails, which callers treat as "send it plain".
    static QByteArray compress(QByteArrayView data, int level = 6);
};

} // namespace ddd::core
