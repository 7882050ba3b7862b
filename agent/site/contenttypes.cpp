// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/contenttypes.h"

#include <array>
#include <string_view>

namespace ddd::agent::site {

namespace {

struct TypeRow
{
    std::string_view extension; // lower case, without the dot
    const char *type;
};

constexpr std::array typeTable{
    TypeRow{"html", "text/html; charset=utf-8"},
    TypeRow{"htm", "text/html; charset=utf-8"},
    TypeRow{"xhtml", "application/xhtml+xml; charset=utf-8"},
    TypeRow{"css", "text/css; charset=utf-8"},
    TypeRow{"js", "text/javascript; charset=utf-8"},
    TypeRow{"mjs", "text/javascript; charset=utf-8"},
    TypeRow{"cjs", "text/javascript; charset=utf-8"},
    TypeRow{"json", "application/json"},
    TypeRow{"map", "application/json"},
    TypeRow{"jsonld", "application/ld+json"},
    TypeRow{"webmanifest", "application/manifest+json"},
    TypeRow{"xml", "text/xml; charset=utf-8"},
    TypeRow{"rss", "application/rss+xml"},
    TypeRow{"atom", "application/atom+xml"},
    TypeRow{"txt", "text/plain; charset=utf-8"},
    TypeRow{"csv", "text/csv; charset=utf-8"},
    TypeRow{"md", "text/markdown; charset=utf-8"},
    TypeRow{"vtt", "text/vtt; charset=utf-8"},
    TypeRow{"ics", "text/calendar; charset=utf-8"},
    TypeRow{"svg", "image/svg+xml"},
    TypeRow{"png", "image/png"},
    TypeRow{"apng", "image/apng"},
    TypeRow{"jpg", "image/jpeg"},
    TypeRow{"jpeg", "image/jpeg"},
    TypeRow{"gif", "image/gif"},
    TypeRow{"webp", "image/webp"},
    TypeRow{"avif", "image/avif"},
    TypeRow{"bmp", "image/bmp"},
    TypeRow{"ico", "image/x-icon"},
    TypeRow{"pdf", "application/pdf"},
    TypeRow{"woff", "font/woff"},
    TypeRow{"woff2", "font/woff2"},
    TypeRow{"ttf", "font/ttf"},
    TypeRow{"otf", "font/otf"},
    TypeRow{"eot", "application/vnd.ms-fontobject"},
    TypeRow{"wasm", "application/wasm"},
    TypeRow{"mp4", "video/mp4"},
    TypeRow{"webm", "video/webm"},
    TypeRow{"ogv", "video/ogg"},
    TypeRow{"mov", "video/quicktime"},
    TypeRow{"mp3", "audio/mpeg"},
    TypeRow{"ogg", "audio/ogg"},
    TypeRow{"oga", "audio/ogg"},
    TypeRow{"opus", "audio/ogg"},
    TypeRow{"wav", "audio/wav"},
    TypeRow{"flac", "audio/flac"},
    TypeRow{"m4a", "audio/mp4"},
    TypeRow{"zip", "application/zip"},
    TypeRow{"gz", "application/gzip"},
    TypeRow{"tar", "application/x-tar"},
};

} // namespace

QByteArray ContentTypes::forPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot <= slash)
        return "application/octet-stream";
    const QByteArray extension = path.mid(dot + 1).toLower().toUtf8();
    const std::string_view wanted(extension.constData(), std::size_t(extension.size()));
    for (const TypeRow &row : typeTable)
        if (row.extension == wanted)
            return row.type;
    return "application/octet-stream";
}

bool ContentTypes::isHtml(const QByteArray &contentType)
{
    return contentType.startsWith("text/html") || contentType.startsWith("application/xhtml+xml");
}

} // namespace ddd::agent::site
