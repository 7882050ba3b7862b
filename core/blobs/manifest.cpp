// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/manifest.h"

#include "core/blobs/sha256.h"
#include "core/util/safepath.h"
#include "core/util/strictjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace ddd::core::blobs {

namespace {

constexpr double kMaxJsonInteger = 9007199254740992.0; // 2^53: larger sizes lose precision in JSON

Error invalid(const QString &reason, const QString &path = {})
{
    QJsonObject details;
    if (!path.isEmpty())
        details.insert(u"entry"_qs, path);
    return Error::make(u"manifest.invalid"_qs, u"Manifest "_qs + reason, details);
}

Status checkEntry(const ManifestEntry &entry)
{
    Result<QString> normalised = SafePath::fromArchiveEntry(entry.path.toUtf8());
    if (!normalised)
        return normalised.error();
    if (*normalised != entry.path || entry.path.endsWith(u'/'))
        return invalid(QStringLiteral("path \"%1\" is not a normalised file path").arg(entry.path), entry.path);
    if (!Sha256::isValidHex(entry.sha256))
        return invalid(QStringLiteral("entry \"%1\" has no valid SHA-256").arg(entry.path), entry.path);
    if (entry.size < 0)
        return invalid(QStringLiteral("entry \"%1\" has a negative size").arg(entry.path), entry.path);
    return {};
}

// Maps UTF-16 code units so that comparing them orders by code point:
// surrogates (U+10000 and up) must sort after U+E000..U+FFFF.
int codePointRank(char16_t unit)
{
    if (unit >= 0xE000)
        return unit - 0x800;
    if (unit >= 0xD800)
        return unit + 0x2000;
    return unit;
}

} // namespace

Result<ManifestEntry> Manifest::entryFromJson(const QJsonValue &value, qsizetype index)
{
    const QJsonObject object = value.toObject();
    const QJsonValue size = object.value(u"size"_qs);
    const bool wellFormed = value.isObject() && object.value(u"path"_qs).isString()
        && object.value(u"sha256"_qs).isString() && size.isDouble() && std::floor(size.toDouble()) == size.toDouble()
        && size.toDouble() >= 0 && size.toDouble() <= kMaxJsonInteger;
    if (!wellFormed)
        return invalid(QStringLiteral("file %1 needs a string path, a string sha256 and a whole size").arg(index));
    return ManifestEntry{object.value(u"path"_qs).toString(), object.value(u"sha256"_qs).toString().toLatin1(),
                         qint64(size.toDouble())};
}

Manifest::Manifest(QList<ManifestEntry> sortedEntries) : m_entries(std::move(sortedEntries)) {}

Result<Manifest> Manifest::fromEntries(QList<ManifestEntry> entries)
{
    for (const ManifestEntry &entry : entries)
        if (Status status = checkEntry(entry); !status)
            return status.error();
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry &a, const ManifestEntry &b) { return pathLess(a.path, b.path); });
    const auto duplicate = std::adjacent_find(entries.cbegin(), entries.cend(),
                                              [](const ManifestEntry &a, const ManifestEntry &b) { return a.path == b.path; });
    if (duplicate != entries.cend())
        return Error::make(u"archive.duplicate_entry"_qs,
                           QStringLiteral("Entry \"%1\" appears more than once").arg(duplicate->path),
                           {{u"entry"_qs, duplicate->path}});
    return Manifest(std::move(entries));
}

Result<Manifest> Manifest::fromJson(const QByteArray &json)
{
    // Strict parsing: with a duplicate key ("path" twice) two readers of the
    // same manifest could disagree about which file it names.
    const Result<QJsonObject> document = StrictJson::parseObject(json);
    if (!document)
        return invalid(u"is not a JSON object with a \"files\" array and no duplicate keys"_qs);
    return fromJsonObject(*document);
}

Result<Manifest> Manifest::fromJsonObject(const QJsonObject &document)
{
    if (!document.value(u"files"_qs).isArray())
        return invalid(u"is not a JSON object with a \"files\" array and no duplicate keys"_qs);
    const QJsonArray files = document.value(u"files"_qs).toArray();
    QList<ManifestEntry> entries;
    entries.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        Result<ManifestEntry> entry = entryFromJson(files.at(i), i);
        if (!entry)
            return entry.error();
        entries.append(std::move(*entry));
    }
    return fromEntries(std::move(entries));
}

QByteArray Manifest::toJson() const
{
    QJsonArray files;
    for (const ManifestEntry &entry : m_entries)
        files.append(QJsonObject{{u"path"_qs, entry.path},
                                 {u"sha256"_qs, QString::fromLatin1(entry.sha256)},
                                 {u"size"_qs, entry.size}});
    return QJsonDocument(QJsonObject{{u"files"_qs, files}}).toJson(QJsonDocument::Compact);
}

QByteArray Manifest::canonicalEncoding() const
{
    QByteArray encoded;
    for (const ManifestEntry &entry : m_entries) {
        encoded += entry.path.toUtf8();
        encoded += '\0';
        encoded += entry.sha256;
        encoded += '\0';
        encoded += QByteArray::number(entry.size);
        encoded += '\n';
    }
    return encoded;
}

QByteArray Manifest::manifestHash() const
{
    return Sha256::hexOf(canonicalEncoding());
}

const ManifestEntry *Manifest::find(const QString &path) const
{
    const auto found = std::lower_bound(m_entries.cbegin(), m_entries.cend(), path,
                                        [](const ManifestEntry &entry, const QString &wanted) {
                                            return pathLess(entry.path, wanted);
                                        });
    return found != m_entries.cend() && found->path == path ? &*found : nullptr;
}

qint64 Manifest::totalBytes() const
{
    qint64 total = 0;
    for (const ManifestEntry &entry : m_entries)
        total += entry.size;
    return total;
}

bool Manifest::pathLess(const QString &a, const QString &b)
{
    const qsizetype common = qMin(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        const char16_t left = a.at(i).unicode();
        const char16_t right = b.at(i).unicode();
        if (left != right)
            return codePointRank(left) < codePointRank(right);
    }
    return a.size() < b.size();
}

} // namespace ddd::core::blobs
