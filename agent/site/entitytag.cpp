// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/entitytag.h"

#include <optional>

namespace ddd::agent::site {

namespace {

bool isListSpace(char c)
{
    return c == ' ' || c == '\t' || c == ',';
}

// Reads the tag starting at `pos` ([W/]"opaque") and returns it without the
// weak prefix, or nullopt when the list is malformed there.
std::optional<QByteArray> readTag(const QByteArray &list, qsizetype &pos)
{
    if (list.mid(pos, 2) == "W/")
        pos += 2;
    if (pos >= list.size() || list[pos] != '"')
        return std::nullopt;
    const qsizetype close = list.indexOf('"', pos + 1);
    if (close < 0)
        return std::nullopt;
    const QByteArray tag = list.mid(pos, close - pos + 1);
    pos = close + 1;
    return tag;
}

// One allocation: every file answer carries an ETag.
QByteArray quoted(const QByteArray &hash, const QByteArray &suffix)
{
    QByteArray tag;
    tag.reserve(hash.size() + suffix.size() + 2);
    tag.append('"').append(hash).append(suffix).append('"');
    return tag;
}

} // namespace

QByteArray EntityTag::fromContentHash(const QByteArray &sha256)
{
    return quoted(sha256, {});
}

QByteArray EntityTag::forRepresentation(const QByteArray &sha256, std::optional<core::blobs::ContentCoding> coding)
{
    if (!coding)
        return fromContentHash(sha256);
    return quoted(sha256, core::blobs::BlobVariant::suffix(*coding).toLatin1());
}

bool EntityTag::noneMatchHits(const QList<QByteArray> &fields, const QByteArray &etag)
{
    const QByteArray list = fields.join(',');
    if (list.trimmed() == "*")
        return true;
    qsizetype pos = 0;
    while (true) {
        while (pos < list.size() && isListSpace(list[pos]))
            ++pos;
        if (pos >= list.size())
            return false;
        const std::optional<QByteArray> tag = readTag(list, pos);
        if (!tag)
            return false;
        if (*tag == etag)
            return true;
    }
}

bool EntityTag::rangeConditionHolds(const QByteArray &field, const QByteArray &etag)
{
    return field.trimmed() == etag;
}

} // namespace ddd::agent::site
