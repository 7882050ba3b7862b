// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/uploadmanifest.h"

#include "core/blobs/manifestpatch.h"
#include "core/storage/versionstore.h"
#include "core/util/strictjson.h"

namespace ddd::core::deploy {

Result<blobs::Manifest> UploadManifest::read(const QByteArray &json, qint64 projectId,
                                             storage::VersionStore &versions)
{
    // Strict parsing: with a duplicate key ("path" twice) two readers of the
    // same manifest could disagree about which file it names.
    const Result<QJsonObject> document = StrictJson::parseObject(json);
    if (!document)
        return Error::make(u"manifest.invalid"_qs,
                           u"Manifest is not a JSON object with a \"files\" array and no duplicate keys"_qs);
    if (!blobs::ManifestPatch::isPatch(*document))
        return blobs::Manifest::fromJsonObject(*document);
    Result<blobs::ManifestPatch> patch = blobs::ManifestPatch::fromJsonObject(*document);
    if (!patch)
        return patch.error();
    Result<blobs::Manifest> base = baseManifest(patch->base(), projectId, versions);
    if (!base)
        return base.error();
    return patch->applyTo(*base);
}

Result<blobs::Manifest> UploadManifest::baseManifest(qint64 versionId, qint64 projectId,
                                                     storage::VersionStore &versions)
{
    Result<std::optional<model::Version>> version = versions.find(versionId);
    if (!version)
        return version.error();
    // Another project's version, even one the caller may see, is no base:
    // the caller checked this project only.
    if (!version->has_value() || (*version)->projectId != projectId)
        return Error::make(u"upload.base_not_found"_qs,
                           u"The base version is not a version of this project (deleted, or never was)"_qs,
                           {{u"base"_qs, versionId}});
    Result<QList<model::VersionFile>> files = versions.files(versionId);
    if (!files)
        return files.error();
    QList<blobs::ManifestEntry> entries;
    entries.reserve(files->size());
    for (const model::VersionFile &file : *files)
        entries.append({file.path, file.sha256.toLatin1(), file.size});
    return blobs::Manifest::fromEntries(std::move(entries));
}

} // namespace ddd::core::deploy
