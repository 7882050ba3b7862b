// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/util/result.h"

#include <QByteArray>

namespace ddd::core::storage {
class VersionStore;
}

namespace ddd::core::deploy {

// The manifest an incremental upload posts, in either of its forms: the
// whole site ({"files": [...]}), or a ManifestPatch against a version of the
// same project ({"base": id, "changed": [...], "removed": [...]}). A base
// that is not a version of this project, whoever owns it, is
// `upload.base_not_found` (the client then sends the whole manifest);
// otherwise the codes of Manifest and ManifestPatch.
class UploadManifest final
{
public:
    static Result<blobs::Manifest> read(const QByteArray &json, qint64 projectId, storage::VersionStore &versions);

private:
    static Result<blobs::Manifest> baseManifest(qint64 versionId, qint64 projectId, storage::VersionStore &versions);
};

} // namespace ddd::core::deploy
