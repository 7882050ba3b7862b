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
    std::string_view type;
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
    // Answers reference the table's literals and the extension is folded on
    // the stack: this runs for every file served.
    static const QByteArray fallback = QByteArray::fromRawData("application/octet-stream", 24);
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype dot = path.lastIndexOf(u'.');
    constexpr qsizetype longestExtension = 11; // "webmanifest"
    const qsizetype length = path.size() - dot - 1;
    if (dot <= slash || length > longestExtension)
        return fallback;
    char extension[longestExtension];
    for (qsizetype i = 0; i < length; ++i) {
        const char16_t c = path.at(dot + 1 + i).unicode();
        if (c >= 0x80)
            return fallback;
        extension[i] = (c >= u'A' && c <= u'Z') ? char(c | 0x20) : char(c);
    }
    const std::string_view wanted(extension, std::size_t(length));
    for (const TypeRow &row : typeTable)
        if (row.extension == wanted)
            return QByteArray::fromRawData(row.type.data(), qsizetype(row.type.size()));
    return fallback;
}

bool ContentTypes::isHtml(const QByteArray &contentType)
{
    return contentType.startsWith("text/html") || contentType.startsWith("application/xhtml+xml");
}

} // namespace ddd::agent::site
