#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Three agents on one PostgreSQL database and one bucket, on loopback: a
writer (agent.roles api, build, site) and two followers (agent.roles site).
Measures, in one run:
  - deploy to served everywhere: DEPLOYS archive deploys with activation on
    the writer, one after another; from each deploy's answer until both
    followers serve the new page (polled every millisecond or so), p50, p99
    and max. The writer itself serves the version when its answer comes, so
    its own figure is 0;
  - cold and warm serving: FILES distinct pages of a new version requested
    one after another from a follower the first time (each blob fetched from
    the bucket) and again (on its disk), against the writer (its own disk).
PostgreSQL and radosgw are throw-away fixtures (tests/support), fsync off.
Not a test: nothing here asserts time. Prints a table for docs/performance.md.

Usage: cluster.py [agent binary]   (DEPLOYS, default 50; FILES, default 200)"""
import http.client, io, os, re, statistics, subprocess, sys, tempfile, threading, time, zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ingest_bench  # noqa: E402  (the agent driver)
from database import Postgres  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RGW = os.path.join(HERE, "..", "tests", "support", "radosgw-fixture.sh")
DEPLOYS = int(os.environ.get("DEPLOYS", "50"))
FILES = int(os.environ.get("FILES", "200"))
DOMAIN = "www.cluster.bench"


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in files.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def get(port, path="/", host=DOMAIN):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": host})
    resp = conn.getresponse()
    return resp.status, resp.read()


class Follower:
    def __init__(self, binary, data_dir, shared):
        self.proc = subprocess.Popen([binary, "--data-dir", data_dir, "--site-port", "0", "--log-level", "warning",
                                      "--agent-roles", "site", *shared], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        match = re.search(r"sites on http://[^:]+:(\d+)", line)
        if not match:
            sys.exit(f"follower did not start: {line!r}")
        self.port = int(match.group(1))

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def wait_served(port, body, deadline, path="/"):
    while time.perf_counter() < deadline:
        try:
            if get(port, path) == (200, body):
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.001)
    return None


def propagation(writer, project, followers):
    delays = []
    for n in range(DEPLOYS):
        body = f"<h1>version {n}</h1>".encode()
        writer.call("POST", f"/api/v1/projects/{project}/deploys?activate=true", raw=zip_of({"index.html": body}),
                    headers={"Content-Type": "application/zip"})
        answered = time.perf_counter()
        seen = {}
        threads = [threading.Thread(target=lambda f=f: seen.__setitem__(f, wait_served(f.port, body, answered + 30)))
                   for f in followers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if any(v is None for v in seen.values()):
            sys.exit(f"deploy {n} not served by every follower within 30 s")
        delays.append(max(seen.values()) - answered)
    return delays


def per_request(port, paths):
    start = time.perf_counter()
    for path in paths:
        status, _ = get(port, path)
        if status != 200:
            sys.exit(f"GET {path}: {status}")
    return (time.perf_counter() - start) / len(paths)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent")
    work = tempfile.mkdtemp(prefix="ddd-cluster-bench-")
    os.chmod(work, 0o711)  # the PostgreSQL server runs as the postgres user when we are root
    pg = Postgres(work)
    os.makedirs(os.path.join(work, "rgw"))
    port, key, secret = subprocess.run([RGW, "start", os.path.join(work, "rgw")], check=True, capture_output=True,
                                       text=True).stdout.split()
    agents = []
    try:
        subprocess.run(["curl", "-sf", "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", f"{key}:{secret}", "-H",
                        "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                        "-X", "PUT", f"http://127.0.0.1:{port}/bench"], check=True)
        os.environ.update({"DDD_BLOBS_S3_ACCESS_KEY_ID": key, "DDD_BLOBS_S3_SECRET_ACCESS_KEY": secret})
        shared = ("--database-url", pg.fresh(), "--blobs-s3-endpoint", f"http://127.0.0.1:{port}",
                  "--blobs-s3-bucket", "bench")
        writer = ingest_bench.Agent(binary, tempfile.mkdtemp(dir=work), shared)
        agents.append(writer)
        project = writer.call("POST", "/api/v1/projects", {"name": "bench", "domain": DOMAIN})["id"]
        followers = [Follower(binary, tempfile.mkdtemp(dir=work), shared) for _ in range(2)]
        agents += followers
        delays = propagation(writer, project, followers)
        pages = {f"page{i}.html": f"<p>page {i} {'x' * 1000}</p>".encode() for i in range(FILES)}
        writer.call("POST", f"/api/v1/projects/{project}/deploys?activate=true", raw=zip_of(pages),
                    headers={"Content-Type": "application/zip"})
        paths = ["/" + name for name in pages]
        wait_served(followers[0].port, pages["page0.html"], time.perf_counter() + 30, "/page0.html") or sys.exit("not served")
        cold = per_request(followers[0].port, paths[1:])
        warm = per_request(followers[0].port, paths[1:])
        local = per_request(writer.site_port, paths[1:])
        report(delays, cold, warm, local)
    finally:
        for agent in agents:
            agent.stop()
        subprocess.run([RGW, "stop", os.path.join(work, "rgw")], check=False, capture_output=True)
        pg.stop()
        subprocess.run(["rm", "-rf", work])


def report(delays, cold, warm, local):
    delays = sorted(d * 1000 for d in delays)
    p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
    print(f"deploy -> served by both followers, {len(delays)} deploys: p50 {statistics.median(delays):.1f} ms, "
          f"p99 {p99:.1f} ms, max {delays[-1]:.1f} ms (the writer: 0, it serves before it answers)")
    print(f"{'one page at a time, ' + str(FILES - 1) + ' pages':34} {'per request':>12} {'vs writer':>10}")
    for name, value in (("follower, cold (from the bucket)", cold), ("follower, warm", warm), ("writer", local)):
        print(f"{name:34} {value * 1000:10.2f}ms {value / local:9.2f}x")


if __name__ == "__main__":
    main()
