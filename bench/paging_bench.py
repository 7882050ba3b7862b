#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Listing benchmark: a generated 100,000-file version on a real ddd-agent, then
the size and time of GET /api/v1/deploys/{id}, of the first page of its files
(GET /api/v1/deploys/{id}/files, where the agent has it) and of the version
list. Run it with an agent from before and after paged listings; the figures
go into docs/performance.md. Not a test: nothing here asserts time.

    python3 bench/paging_bench.py build/agent/ddd-agent [files]
"""
import http.client, io, json, os, re, shutil, statistics, subprocess, sys, tempfile, time, zipfile

RUNS = 5


class Agent:
    def __init__(self, binary, data_dir):
        add = subprocess.run([binary, "user", "add", "bench@example.com", "--data-dir", data_dir],
                             input=b"bench-password-123\n", capture_output=True)
        if add.returncode != 0:
            sys.exit(add.stderr.decode())
        self.proc = subprocess.Popen([binary, "--data-dir", data_dir, "--api-port", "0", "--site-port", "0",
                                      "--log-level", "warning", "--uploads-max-bytes", str(4 << 30)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        self.port = int(re.search(r"API on http://[^:]+:(\d+)", line).group(1))
        self.token = None
        status, body = self.raw("POST", "/api/v1/auth/login",
                                json.dumps({"email": "bench@example.com", "password": "bench-password-123"}).encode(),
                                {"Content-Type": "application/json"})
        self.token = json.loads(body)["token"]

    def raw(self, method, path, data=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=900)
        hdrs = dict(headers or {})
        if self.token:
            hdrs["Authorization"] = "Bearer " + self.token
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        return resp.status, resp.read()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:  # still precompressing the 100,000 files
            self.proc.kill()
            self.proc.wait()


def site_zip(files):
    """Paths like a real site's (sections, parts), tiny stored bodies: the listing, not the bytes, is measured."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("index.html", b"<h1>bench</h1>")
        for i in range(files - 1):
            archive.writestr(f"section{i % 50}/part{i % 7}/page{i}.html", f"<p>{i}</p>".encode())
    return buffer.getvalue()


def measure(agent, path):
    """Median time and the answer's size over RUNS calls; None when the route does not exist."""
    times, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        status, body = agent.raw("GET", path)
        times.append(time.perf_counter() - start)
        if status == 404 and b"route.not_found" in body:
            return None
        if status != 200:
            sys.exit(f"GET {path}: {status} {body[:300]!r}")
        size = len(body)
    return size, statistics.median(times)


def walk_files(agent, version):
    """Every file, 10,000 a page, following nextCursor: what a caller needing the whole list pays."""
    start, pages, size, cursor = time.perf_counter(), 0, 0, None
    while True:
        path = f"/api/v1/deploys/{version}/files?limit=10000" + (f"&cursor={cursor}" if cursor else "")
        status, body = agent.raw("GET", path)
        if status != 200:
            return None
        pages, size = pages + 1, size + len(body)
        cursor = json.loads(body)["nextCursor"]
        if cursor is None:
            return pages, size, time.perf_counter() - start


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent"
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    work = tempfile.mkdtemp(prefix="ddd-paging-bench-")
    agent = Agent(binary, os.path.join(work, "data"))
    try:
        status, body = agent.raw("POST", "/api/v1/projects", json.dumps({"name": "bench"}).encode(),
                                 {"Content-Type": "application/json"})
        project = json.loads(body)["id"]
        status, body = agent.raw("POST", f"/api/v1/projects/{project}/deploys?activate=true", site_zip(files),
                                 {"Content-Type": "application/zip"})
        if status != 201:
            sys.exit(f"deploy: {status} {body[:300]!r}")
        version = json.loads(body)["id"]
        print(f"agent: {binary}; version of {files} files")
        print(f"{'request':52} {'bytes':>12} {'median s':>10}")
        for label, path in (("GET /api/v1/deploys/{id}", f"/api/v1/deploys/{version}"),
                            ("GET /api/v1/deploys/{id}/files (first page)", f"/api/v1/deploys/{version}/files"),
                            ("GET /api/v1/projects/{id}/deploys", f"/api/v1/projects/{project}/deploys")):
            result = measure(agent, path)
            if result is None:
                print(f"{label:52} {'(no route)':>12}")
            else:
                print(f"{label:52} {result[0]:12d} {result[1]:10.4f}")
        walked = walk_files(agent, version)
        if walked:
            print(f"{'every file, %d pages of 10,000 (one walk)' % walked[0]:52} {walked[1]:12d} {walked[2]:10.4f}")
    finally:
        agent.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
