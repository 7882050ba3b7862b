#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Archive upload sessions against the one-shot archive route: a 200 MB zip
(200 incompressible files of 1 MiB, stored) deployed over loopback to a real
ddd-agent, once as one POST /api/v1/projects/{id}/deploys body and once as a
session in pieces of the clients' default size (16 MiB: create, PATCH each
piece, complete), each on a fresh data root so neither meets blobs the other
stored. Times are end to end (until the 201 with the version), the session's
including the client's SHA-256 of the archive; the transfer alone is given
too. Prints the median of BENCH_RUNS runs and the throughput ratio; the
figures go into docs/performance.md. Not a test: nothing here asserts time.

Usage: archive_sessions.py [agent binary] [archive MiB, default 200] [piece MiB, default 16]"""
import hashlib, os, shutil, statistics, sys, tempfile, time, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ingest_bench import Agent  # noqa: E402  (same start-up, login and call helper)

RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def make_archive(path, mib):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("index.html", "<h1>bench</h1>")
        for i in range(mib):
            z.writestr(f"assets/blob{i}.bin", os.urandom(1 << 20))


def one_shot(agent, project, path):
    with open(path, "rb") as f:
        data = f.read()
    start = time.perf_counter()
    agent.call("POST", f"/api/v1/projects/{project}/deploys", raw=data, headers={"Content-Type": "application/zip"})
    return time.perf_counter() - start, None


def session(agent, project, path, piece):
    start = time.perf_counter()
    size = os.path.getsize(path)
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    created = agent.call("POST", f"/api/v1/projects/{project}/archive-uploads",
                         {"size": size, "sha256": digest.hexdigest()})
    sent_at = time.perf_counter()
    with open(path, "rb") as f:
        offset = 0
        while offset < size:
            data = f.read(piece)
            agent.call("PATCH", f"/api/v1/archive-uploads/{created['id']}", raw=data,
                       headers={"Content-Type": "application/offset+octet-stream", "Upload-Offset": str(offset)})
            offset += len(data)
    transfer = time.perf_counter() - sent_at
    agent.call("POST", f"/api/v1/archive-uploads/{created['id']}/complete", {"activate": False})
    return time.perf_counter() - start, transfer


def run(binary, path, mode, piece):
    root = tempfile.mkdtemp(prefix="ddd-archive-bench-")
    agent = Agent(binary, root)
    try:
        project = agent.call("POST", "/api/v1/projects", {"name": "Bench"})["id"]
        return one_shot(agent, project, path) if mode == "one-shot" else session(agent, project, path, piece)
    finally:
        agent.stop()
        shutil.rmtree(root, ignore_errors=True)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent"
    mib = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    piece = (int(sys.argv[3]) if len(sys.argv) > 3 else 16) << 20
    work = tempfile.mkdtemp(prefix="ddd-archive-src-")
    try:
        path = os.path.join(work, "site.zip")
        make_archive(path, mib)
        size = os.path.getsize(path)
        results = {"one-shot": [], "session": []}
        for _ in range(RUNS):
            for mode in results:
                results[mode].append(run(binary, path, mode, piece))
        print(f"archive {size / 1e6:.0f} MB, piece {piece >> 20} MiB, median of {RUNS} runs")
        medians = {}
        for mode, times in results.items():
            total = statistics.median(t for t, _ in times)
            medians[mode] = total
            line = f"{mode:9} {total:6.2f} s end to end, {size / total / 1e6:6.1f} MB/s"
            if times[0][1] is not None:
                line += f" (transfer alone {statistics.median(t for _, t in times):.2f} s)"
            print(line)
        print(f"throughput ratio session / one-shot: {medians['one-shot'] / medians['session']:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
