// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::storage {
class BlobVariantStore;
class UploadSessionStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class Activation;
class BlobPublisher;
class GarbageCollector;
class VersionIndexes;

// Start-up reconciliation (security guide 8.8), before any request is
// served: whatever step a crash interrupted, afterwards staging holds only
// the partial uploads of unexpired sessions, no version claims to be in
// progress, every version that may go live has all its blobs, unreferenced
// blobs are gone, every precompressed variant is whole and recorded
// (VariantRepair), every servable version has a sound index file
// (VersionIndexes::reconcile: older data directories get theirs here), and
// LiveSites serves exactly what the live pointers say. The time it took is
// logged.
class Reconciler final
{
public:
    Reconciler(storage::VersionStore &versions, storage::UploadSessionStore &sessions,
               storage::BlobVariantStore &variants, const blobs::BlobStore &store, GarbageCollector &collector,
               Activation &activation, VersionIndexes &indexes, const Clock &clock);

    Status run();
    // On an agent that follows another (SiteFollower), whose database is
    // the other's to repair: only this machine's staging and version
    // indexes. Its sites are built by SiteFollower::catchUp().
    Status runAsFollower();
    // With shared object storage, a blob this machine lacks but the bucket
    // holds is not missing: serving fetches it. Set before run().
    void countPublishedAsHeld(BlobPublisher &publisher) { m_publisher = &publisher; }

private:
    Status runSteps();
    Status reconcileIndexes();

    Status removeStagingLeftovers();
    Status failVersionsMissingBlobs();
    Status failVersion(qint64 versionId, qsizetype missingBlobs);

    storage::VersionStore &m_versions;
    storage::UploadSessionStore &m_sessions;
    storage::BlobVariantStore &m_variants;
    const blobs::BlobStore &m_store;
    GarbageCollector &m_collector;
    Activation &m_activation;
    VersionIndexes &m_indexes;
    const Clock &m_clock;
    BlobPublisher *m_publisher = nullptr;
};

} // namespace ddd::core::deploy
