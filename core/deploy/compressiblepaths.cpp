// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/compressiblepaths.h"

#include <array>
#include <string_view>

namespace ddd::core::deploy {

namespace {

// Lower case, without the dot. Keep in step with core/deploy/contenttypetable.cpp.
constexpr std::array compressible{
    std::string_view("html"), std::string_view("htm"),  std::string_view("xhtml"), std::string_view("css"),
    std::string_view("js"),   std::string_view("mjs"),  std::string_view("cjs"),   std::string_view("json"),
    std::string_view("map"),  std::string_view("jsonld"), std::string_view("webmanifest"), std::string_view("xml"),
    std::string_view("rss"),  std::string_view("atom"), std::string_view("txt"),   std::string_view("csv"),
    std::string_view("md"),   std::string_view("vtt"),  std::string_view("ics"),   std::string_view("svg"),
    std::string_view("ico"),  std::string_view("bmp"),  std::string_view("wasm"),  std::string_view("ttf"),
    std::string_view("otf"),  std::string_view("eot"),
};

} // namespace

bool CompressiblePaths::isCompressible(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot <= slash)
        return false;
    const QByteArray extension = path.mid(dot + 1).toLower().toUtf8();
    const std::string_view wanted(extension.constData(), std::size_t(extension.size()));
    for (std::string_view candidate : compressible)
        if (candidate == wanted)
            return true;
    return false;
}

} // namespace ddd::core::deploy
