// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::deploy {

// Which site files are worth precompressing, by extension as the site
// listener types them (agent/site/contenttypes.cpp): text formats (HTML,
// CSS, JavaScript, JSON, XML, SVG, Markdown, source maps, manifests...),
// WebAssembly, icons and uncompressed fonts. Already-compressed formats
// (PNG, JPEG, WOFF2, video, archives) are left alone. The deploy decides
// with it which blobs get variants; the site listener which answers vary
// by Accept-Encoding.
class CompressiblePaths final
{
public:
    static bool isCompressible(const QString &path);
};

} // namespace ddd::core::deploy
