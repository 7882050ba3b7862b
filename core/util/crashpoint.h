// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ddd::core {

// Fault injection for the kill -9 tests (security guide 8.9): when the
// environment variable DDD_CRASH_AT names a point, reaching it kills the
// process with SIGKILL: no destructors, no flushing, exactly like a crash.
// The variable is read once, on the first hit; without it every hit is a
// cheap comparison against an empty string.
//
// The points, in the order a deploy meets them:
//   upload.chunk_written      incremental PUT: a chunk was appended to a partial blob
//   deploy.spool_written      archive deploy: the spooled body is complete, nothing ingested
//   ingest.blob_staged        ingest: a file was written to a staged blob (first one)
//   deploy.blobs_committed    blobs durable in the store, version row not written
//   compress.variants_committed precompressed variants renamed into blobs/, rows not written
//   deploy.version_committed  version row committed as ready, not yet activated
//   activation.before_commit  activation transaction written, not committed
//   activation.committed      live pointer committed, in-memory site not yet swapped
//   retention.version_deleted a version deleted by retention, garbage not yet collected
//   gc.blob_removed           garbage collection removed its first blob
class CrashPoint final
{
public:
    static void hit(const char *name);
};

} // namespace ddd::core
