// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/model/diffsummary.h"
#include "core/model/version.h"
#include "core/util/result.h"

#include <QString>

#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class ManifestDiff;
}

namespace ddd::core::deploy {
class BlobPublisher;
class VariantWorker;
} // namespace ddd::core::deploy

namespace ddd::core::storage {
class LivePointerStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

// Turns a manifest whose blobs are all in the store into a ready version,
// with its diff against the version live at that moment. Both deploy paths
// (archive, incremental, build) pass here, so this is where their blobs are
// queued for their precompressed variants, once the version row is in. The
// caller holds BlobGuard::protectNewBlobs() from committing the blobs until
// this returns.
class VersionRecorder final
{
public:
    VersionRecorder(storage::VersionStore &versions, storage::LivePointerStore &pointers, const Clock &clock,
                    VariantWorker &variantWorker);

    // From now on record() publishes the manifest's blobs through
    // `publisher` first and records nothing when that fails. Set before use.
    void publishThrough(BlobPublisher &publisher) { m_publisher = &publisher; }
    // The live version's files; empty when nothing is live.
    Result<blobs::Manifest> liveManifest(qint64 projectId);
    Result<model::Version> record(qint64 projectId, std::optional<qint64> authorId, const blobs::Manifest &manifest,
                                  model::VersionSource source, const std::optional<QString> &consumedUploadId = {});

    static model::DiffSummary summarise(const blobs::ManifestDiff &diff);

private:
    storage::VersionStore &m_versions;
    storage::LivePointerStore &m_pointers;
    const Clock &m_clock;
    VariantWorker &m_variantWorker;
    BlobPublisher *m_publisher = nullptr;
};

} // namespace ddd::core::deploy
