#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Ingest benchmark: generated sites of 10,000 and 100,000 files uploaded to a
real ddd-agent against `bsdtar -x` followed by `sync` of the same archive (the
agent's deploy is durable when it answers, so the reference must be too), the
agent's peak RSS during each deploy, and the bytes a redeploy of the
10,000-file site with 1% of files changed sends through the incremental
protocol, in its full form and in its lean form (a gzip-compressed manifest
against the live version, gzip-compressed blobs). Prints one table per size;
the figures go into docs/performance.md. Not a test: nothing here asserts time.

Usage: ingest_bench.py [agent binary] [sizes, comma separated, default 10000,100000]"""
import gzip, hashlib, http.client, json, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

RUNS = int(os.environ.get("BENCH_RUNS", "3"))

# File sizes: the 10,000-file site keeps the mix of earlier runs (mean 8.9 kB);
# the 100,000-file one has the small files of a documentation site (mean 1.3 kB),
# where per-file costs, not bytes, decide.
SIZE_MIX = {10_000: (300, 1200, 4000, 9000, 30000), 100_000: (150, 400, 800, 1500, 3500)}

WORDS = [w * k for w in ("lorem", "ipsum", "site", "deploy", "static", "page", "docs", "agent", "version",
                          "hello", "world", "build", "asset", "style", "script", "image") for k in (1, 2)]


def text(rng, size):
    """Prose-like bytes that compress about as well as real HTML, CSS and JS (3-4:1)."""
    out, length = [], 0
    while length < size:
        out.append(rng.choice(WORDS) + rng.choice((" ", " ", "\n", "-", str(rng.randrange(10**6)))))
        length += len(out[-1])
    return "".join(out).encode()[:size]


def generate_site(root, rng, files):
    corpus = text(rng, 1 << 20)  # slices of one prose corpus: fast to make, realistic to compress
    sizes = SIZE_MIX[files]
    for i in range(files - 1):
        sub = os.path.join(root, f"section{i % 50}", f"part{i % 7}")
        os.makedirs(sub, exist_ok=True)
        ext = ("html", "css", "js", "svg", "json")[i % 5]
        size = rng.choice(sizes)
        with open(os.path.join(sub, f"page{i}.{ext}"), "wb") as f:
            start = rng.randrange(len(corpus) - size)
            f.write(corpus[start:start + size] + f"<!-- {i} -->".encode())
    with open(os.path.join(root, "index.html"), "w") as f:
        f.write("<h1>bench</h1>")


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


class Agent:
    def __init__(self, binary, data_dir, extra=()):
        """`extra`: more options for both the account's creation and the agent (bench/database.py)."""
        self.binary, self.data_dir = binary, data_dir
        add = subprocess.run([binary, "user", "add", "bench@example.com", "--data-dir", data_dir, *extra],
                             input=b"bench-password-123\n", capture_output=True)
        if add.returncode != 0:
            sys.exit(add.stderr.decode())
        # The entry limit counts directories too; the 100,000-file site has 351 of them.
        self.proc = subprocess.Popen([binary, "--data-dir", data_dir, "--api-port", "0", "--site-port", "0",
                                      "--log-level", "warning", "--uploads-max-bytes", str(4 << 30),
                                      "--uploads-max-entries", "200000", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        self.port = int(re.search(r"API on http://[^:]+:(\d+)", line).group(1))
        self.site_port = int(re.search(r"sites on http://[^:]+:(\d+)", line).group(1))
        self.token = self.call("POST", "/api/v1/auth/login",
                               {"email": "bench@example.com", "password": "bench-password-123"})["token"]

    def call(self, method, path, body=None, raw=None, headers=None, check=True):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        hdrs = dict(headers or {})
        if getattr(self, "token", None):
            hdrs["Authorization"] = "Bearer " + self.token
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if body is not None or "Content-Type" not in hdrs and raw is not None:
            hdrs.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        payload = resp.read()
        if resp.status >= 300:
            if not check:
                return None
            sys.exit(f"{method} {path}: {resp.status} {payload[:300]!r}")
        return json.loads(payload) if payload else None

    def peak_rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024

    def stop(self):
        # Every deploy measured was durable when it answered; the precompression
        # still queued would only take CPU from the next run (and a clean stop
        # waits for it), and the data directory is thrown away.
        self.proc.kill()
        self.proc.wait()


def manifest(root):
    files = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            data = open(path, "rb").read()
            files[os.path.relpath(path, root)] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
                                                 "_abs": path}
    return files


def entry(path, f):
    return {"path": path, "sha256": f["sha256"], "size": f["size"]}


def send_blobs(agent, plan, files, compress):
    sent = 0
    by_hash = {f["sha256"]: f["_abs"] for f in files.values()}
    for digest in plan["missing"]:
        data = open(by_hash[digest], "rb").read()
        headers = {"Content-Type": "application/octet-stream"}
        if compress:
            data = gzip.compress(data, 6)
            headers["Content-Encoding"] = "gzip"
        sent += len(data)
        agent.call("PUT", f"/api/v1/uploads/{plan['uploadId']}/blobs/{digest}", raw=data, headers=headers)
    return sent


def full_redeploy(agent, project, files):
    """The original protocol: the whole manifest as plain JSON, blobs as they are."""
    body = json.dumps({"files": [entry(p, f) for p, f in sorted(files.items())]}).encode()
    plan = agent.call("POST", f"/api/v1/projects/{project}/uploads", raw=body)
    sent = len(body) + send_blobs(agent, plan, files, False)
    return sent, agent.call("POST", f"/api/v1/uploads/{plan['uploadId']}/finalize", {"activate": True})


def lean_redeploy(agent, project, base_id, base, files):
    """What the client library sends: the changes against the live version, gzip-compressed, and compressed blobs."""
    changed = [entry(p, f) for p, f in sorted(files.items())
               if p not in base or base[p]["sha256"] != f["sha256"]]
    removed = sorted(p for p in base if p not in files)
    body = gzip.compress(json.dumps({"base": base_id, "changed": changed, "removed": removed}).encode(), 6)
    plan = agent.call("POST", f"/api/v1/projects/{project}/uploads", raw=body,
                      headers={"Content-Encoding": "gzip", "Content-Type": "application/json"}, check=False)
    if plan is None:
        return None, None
    sent = len(body) + send_blobs(agent, plan, files, True)
    return sent, agent.call("POST", f"/api/v1/uploads/{plan['uploadId']}/finalize", {"activate": True})


def change_one_percent(rng, site, files):
    for path in rng.sample(sorted(files), len(files) // 100):
        with open(files[path]["_abs"], "ab") as f:
            f.write(b"<!-- changed -->")


def bsdtar_and_sync(work, archive):
    out = tempfile.mkdtemp(dir=work)
    start = time.perf_counter()
    subprocess.run(["bsdtar", "-xf", archive, "-C", out], check=True)
    subprocess.run(["sync"], check=True)
    elapsed = time.perf_counter() - start
    shutil.rmtree(out)
    subprocess.run(["sync"], check=True)  # the deletion's writeback is not the next run's cost
    return elapsed


def bench_size(binary, files, rng, work):
    site = os.path.join(work, f"site{files}")
    generate_site(site, rng, files)
    archive = os.path.join(work, f"site{files}.zip")
    subprocess.run(["bsdtar", "-a", "-cf", archive, "-C", site, "."], check=True)
    archive_bytes = os.path.getsize(archive)
    data = open(archive, "rb").read()
    ingest, extract, rss = [], [], []
    for run in range(RUNS):
        # Alternate the two tools so drift in the disk's speed hits both alike.
        extract.append(bsdtar_and_sync(work, archive))
        # A fresh agent and data directory each run: every blob is written, as bsdtar writes every file.
        agent = Agent(binary, os.path.join(work, f"data{files}-{run}"))
        project = agent.call("POST", "/api/v1/projects", {"name": "bench"})["id"]
        deployed = {}
        ingest.append(timed(lambda: deployed.update(agent.call(
            "POST", f"/api/v1/projects/{project}/deploys?activate=true", raw=data,
            headers={"Content-Type": "application/zip"}))))
        rss.append(agent.peak_rss_mib())
        if run < RUNS - 1:
            agent.stop()
            shutil.rmtree(os.path.join(work, f"data{files}-{run}"))
    result = {"files": files, "archive": archive_bytes, "bsdtar": statistics.median(extract),
              "ingest": statistics.median(ingest), "rss": max(rss)}
    if files <= 10_000:
        base = manifest(site)
        change_one_percent(rng, site, base)
        changed = manifest(site)
        result["lean"], _ = lean_redeploy(agent, project, deployed["id"], base, changed)
        # The same change again through the original protocol: a fresh change so nothing is held yet.
        change_one_percent(rng, site, changed)
        result["full"], _ = full_redeploy(agent, project, manifest(site))
    agent.stop()
    shutil.rmtree(site)
    return result


def report(r):
    print(f"site: {r['files']} files, archive {r['archive'] / 1e6:.1f} MB (zip)")
    print(f"{'measure':52} {'value':>12}")
    print(f"{'bsdtar -x + sync (median of %d)' % RUNS:52} {r['bsdtar']:11.3f}s")
    print(f"{'ddd-agent upload+validate+store+record (median)':52} {r['ingest']:11.3f}s")
    print(f"{'ratio agent / (bsdtar -x + sync)':52} {r['ingest'] / r['bsdtar']:11.2f}x")
    print(f"{'agent peak RSS (VmHWM after the deploy, max of runs)':52} {r['rss']:10.1f}MiB")
    if "full" in r:
        print(f"{'redeploy 1%, plain manifest + blobs: bytes sent':52} {r['full'] / 1e3:10.1f}kB")
        print(f"{'  ratio to the full archive upload':52} {r['full'] / r['archive']:11.3f}x")
        if r["lean"] is None:
            print(f"{'redeploy 1%, lean form':52} {'refused':>12}")
        else:
            print(f"{'redeploy 1%, lean form (base + gzip): bytes sent':52} {r['lean'] / 1e3:10.1f}kB")
            print(f"{'  ratio to the full archive upload':52} {r['lean'] / r['archive']:11.3f}x")
    print()


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent"
    sizes = [int(s) for s in sys.argv[2].split(",")] if len(sys.argv) > 2 else [10_000, 100_000]
    rng = random.Random(7)
    work = tempfile.mkdtemp(prefix="ddd-bench-", dir=os.environ.get("BENCH_DIR"))
    try:
        print(f"load average at start: {os.getloadavg()[0]:.2f}")
        for files in sizes:
            report(bench_size(binary, files, rng, work))
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
