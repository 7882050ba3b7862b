// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/manifestpatch.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace ddd::core::blobs {

namespace {

const QString BaseKey = u"base"_qs;
const QString ChangedKey = u"changed"_qs;
const QString RemovedKey = u"removed"_qs;

Error invalid(const QString &reason, const QString &path = {})
{
    QJsonObject details;
    if (!path.isEmpty())
        details.insert(u"entry"_qs, path);
    return Error::make(u"manifest.invalid"_qs, u"Manifest "_qs + reason, details);
}

bool isVersionId(const QJsonValue &value)
{
    const double id = value.toDouble(-1);
    return value.isDouble() && id >= 1 && id <= 9007199254740992.0 && std::floor(id) == id;
}

Result<QStringList> removedPaths(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray())
        return invalid(u"\"removed\" must be an array of paths"_qs);
    QStringList paths;
    QSet<QString> seen;
    for (const QJsonValue &path : value.toArray()) {
        if (!path.isString())
            return invalid(u"\"removed\" must be an array of paths"_qs);
        if (seen.contains(path.toString()))
            return invalid(QStringLiteral("removes \"%1\" twice").arg(path.toString()), path.toString());
        seen.insert(path.toString());
        paths.append(path.toString());
    }
    return paths;
}

} // namespace

bool ManifestPatch::isPatch(const QJsonObject &document)
{
    return document.contains(BaseKey);
}

Result<ManifestPatch> ManifestPatch::fromJsonObject(const QJsonObject &document)
{
    if (document.contains(u"files"_qs))
        return invalid(u"has both \"files\" and \"base\"; send one or the other"_qs);
    if (!isVersionId(document.value(BaseKey)))
        return invalid(u"\"base\" must be the id of a version"_qs);
    const QJsonValue changed = document.value(ChangedKey);
    if (!changed.isUndefined() && !changed.isArray())
        return invalid(u"\"changed\" must be an array of files"_qs);
    ManifestPatch patch;
    patch.m_base = qint64(document.value(BaseKey).toDouble());
    const QJsonArray files = changed.toArray();
    patch.m_changed.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        Result<ManifestEntry> entry = Manifest::entryFromJson(files.at(i), i);
        if (!entry)
            return entry.error();
        patch.m_changed.append(std::move(*entry));
    }
    Result<QStringList> removed = removedPaths(document.value(RemovedKey));
    if (!removed)
        return removed.error();
    patch.m_removed = std::move(*removed);
    return patch;
}

Result<Manifest> ManifestPatch::applyTo(const Manifest &base) const
{
    QSet<QString> replaced;
    for (const ManifestEntry &entry : m_changed)
        replaced.insert(entry.path);
    const QSet<QString> removed(m_removed.cbegin(), m_removed.cend());
    for (const QString &path : m_removed) {
        if (replaced.contains(path))
            return invalid(QStringLiteral("both changes and removes \"%1\"").arg(path), path);
        if (!base.find(path))
            return Error::make(u"manifest.not_in_base"_qs,
                               QStringLiteral("Removes \"%1\", which the base version does not have").arg(path),
                               {{u"entry"_qs, path}});
    }
    QList<ManifestEntry> entries;
    entries.reserve(base.fileCount() + m_changed.size());
    for (const ManifestEntry &entry : base.entries())
        if (!replaced.contains(entry.path) && !removed.contains(entry.path))
            entries.append(entry);
    entries.append(m_changed);
    return Manifest::fromEntries(std::move(entries));
}

} // namespace ddd::core::blobs
