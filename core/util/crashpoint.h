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
// The points, in the order a deploy, a build, a certificate and a backup
// meet them (tests/agent/tst_crash*.cpp kill at every one; docs/testing.md):
//   upload.chunk_written      incremental PUT: a chunk was appended to a partial blob
//   archive.chunk_written     resumable archive upload: a chunk was appended to its file
//   deploy.spool_written      archive deploy: the spooled body is complete, nothing ingested
//   ingest.blob_staged        ingest: a file was written to a staged blob (first one)
//   ingest.rules_checked      ingest: all blobs staged, _redirects/_headers parsed, none committed
//   deploy.blobs_committed    blobs durable in the store, version row not written
//   compress.variants_committed precompressed variants renamed into blobs/, rows not written
//   deploy.version_committed  version row committed as ready, not yet activated
//   activation.before_commit  activation (and rollback) transaction written, not committed
//   activation.committed      live pointer committed, in-memory site not yet swapped
//   retention.version_deleted a version deleted by retention, garbage not yet collected
//   gc.blob_removed           garbage collection removed its first blob
//   build.queued              build row inserted as queued, not yet handed to the queue
//   build.work_created        build row running, its work folder created, nothing built
//   build.output_stored       the build's output recorded as a version, build row still running
//   acme.pair_staged          certificate and key written to the sibling .<domain>.new, not swapped
//   acme.pair_installed       pair swapped into place, status file still says pending
//   backup.blobs_copied       backup: database and blobs copied into the hidden partial folder
//   backup.manifest_written   backup: manifest written, the partial folder not yet renamed
//   restore.files_copied      restore: everything checked and copied into the hidden sibling, not renamed
class CrashPoint final
{
public:
    static void hit(const char *name);
};

} // namespace ddd::core
