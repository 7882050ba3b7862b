// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/contenttypetable.h"

#include <QByteArray>

#include <array>
#include <string_view>

namespace ddd::core::deploy {

namespace {

struct TypeRow
{
    std::string_view extension; // lower case, without the dot
    const char *type;
};

const char *const kOctetStream = "application/octet-stream";

// The same rows as agent/site/contenttypes.cpp (the site listener's
// allocation-free lookup); keep the two in step. Id = position + 1. Append
// new rows at the end: reordering changes the ids,
// which tableHash() then reports so stored indexes are rebuilt.
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
static_assert(typeTable.size() < 255, "ids are one byte");

} // namespace

quint8 ContentTypeTable::idForPath(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype dot = path.lastIndexOf(u'.');
    if (dot <= slash)
        return 0;
    const QByteArray extension = path.mid(dot + 1).toLower().toUtf8();
    const std::string_view wanted(extension.constData(), std::size_t(extension.size()));
    for (std::size_t i = 0; i < typeTable.size(); ++i)
        if (typeTable[i].extension == wanted)
            return quint8(i + 1);
    return 0;
}

const char *ContentTypeTable::type(quint8 id)
{
    if (id == 0 || id > typeTable.size())
        return kOctetStream;
    return typeTable[id - 1].type;
}

// FNV-1a over every row: cheap, computed once, and different for any edit.
quint32 ContentTypeTable::tableHash()
{
    static const quint32 hash = [] {
        quint32 h = 2166136261u;
        const auto mix = [&h](std::string_view text) {
            for (char c : text)
                h = (h ^ quint8(c)) * 16777619u;
            h = (h ^ 0xffu) * 16777619u;
        };
        for (const TypeRow &row : typeTable) {
            mix(row.extension);
            mix(row.type);
        }
        return h;
    }();
    return hash;
}

} // namespace ddd::core::deploy
