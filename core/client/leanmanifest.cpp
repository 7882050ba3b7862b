// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/leanmanifest.h"

#include "core/util/gzipcompressor.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ddd::core::client {

namespace {

QJsonObject fileJson(const model::VersionFile &file)
{
    return QJsonObject{{u"path"_qs, file.path}, {u"sha256"_qs, file.sha256}, {u"size"_qs, file.size}};
}

QJsonObject wholeManifest(const QList<model::VersionFile> &manifest)
{
    QJsonArray files;
    for (const model::VersionFile &file : manifest)
        files.append(fileJson(file));
    return QJsonObject{{u"files"_qs, files}};
}

// Entries that are new or differ from the base, and the base's paths that are gone.
QJsonObject againstBase(const QList<model::VersionFile> &manifest, const LeanManifest::Base &base)
{
    QHash<QString, const model::VersionFile *> before;
    before.reserve(base.files.size());
    for (const model::VersionFile &file : base.files)
        before.insert(file.path, &file);
    QJsonArray changed;
    QSet<QString> present;
    present.reserve(manifest.size());
    for (const model::VersionFile &file : manifest) {
        present.insert(file.path);
        const model::VersionFile *old = before.value(file.path);
        if (!old || old->sha256 != file.sha256 || old->size != file.size)
            changed.append(fileJson(file));
    }
    QJsonArray removed;
    for (const model::VersionFile &file : base.files)
        if (!present.contains(file.path))
            removed.append(file.path);
    return QJsonObject{{u"base"_qs, base.versionId}, {u"changed"_qs, changed}, {u"removed"_qs, removed}};
}

} // namespace

QByteArray LeanManifest::json(const QList<model::VersionFile> &manifest, const std::optional<Base> &base, bool source)
{
    QJsonObject document = base ? againstBase(manifest, *base) : wholeManifest(manifest);
    if (source)
        document.insert(u"kind"_qs, u"source"_qs);
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

QByteArray LeanManifest::body(const QList<model::VersionFile> &manifest, const std::optional<Base> &base, bool source)
{
    return GzipCompressor::compress(json(manifest, base, source));
}

} // namespace ddd::core::client
