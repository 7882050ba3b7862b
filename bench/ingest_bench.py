#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Ingest benchmark: a generated 10,000-file site uploaded to a real ddd-agent
against `bsdtar -x` of the same archive, and the bytes a redeploy with 1% of
files changed sends through the incremental protocol. Prints one table; the
figures go into docs/performance.md. Not a test: nothing here asserts time."""
import hashlib, http.client, json, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

FILES = 10_000
RUNS = 3


WORDS = [w * k for w in ("lorem", "ipsum", "site", "deploy", "static", "page", "docs", "agent", "version",
                          "hello", "world", "build", "asset", "style", "script", "image") for k in (1, 2)]


def text(rng, size):
    """Prose-like bytes that compress about as well as real HTML, CSS and JS (3-4:1)."""
    out = []
    while sum(map(len, out)) < size:
        out.append(rng.choice(WORDS) + rng.choice((" ", " ", "\n", "-", str(rng.randrange(10**6)))))
    return "".join(out).encode()[:size]


def generate_site(root, rng):
    corpus = text(rng, 1 << 20)  # slices of one prose corpus: fast to make, realistic to compress
    for i in range(FILES):
        sub = os.path.join(root, f"section{i % 50}", f"part{i % 7}")
        os.makedirs(sub, exist_ok=True)
        ext = ("html", "css", "js", "svg", "json")[i % 5]
        size = rng.choice((300, 1200, 4000, 9000, 30000))
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
    def __init__(self, binary, data_dir):
        self.binary, self.data_dir = binary, data_dir
        add = subprocess.run([binary, "user", "add", "bench@example.com", "--data-dir", data_dir],
                             input=b"bench-password-123\n", capture_output=True)
        if add.returncode != 0:
            sys.exit(add.stderr.decode())
        self.proc = subprocess.Popen([binary, "--data-dir", data_dir, "--api-port", "0", "--site-port", "0",
                                      "--log-level", "warning", "--uploads-max-bytes", str(4 << 30)],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        line = self.proc.stdout.readline().decode()
        self.port = int(re.search(r"API on http://[^:]+:(\d+)", line).group(1))
        self.token = self.call("POST", "/api/v1/auth/login",
                               {"email": "bench@example.com", "password": "bench-password-123"})["token"]

    def call(self, method, path, body=None, raw=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        hdrs = dict(headers or {})
        if getattr(self, "token", None):
            hdrs["Authorization"] = "Bearer " + self.token
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        if body is not None:
            hdrs["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        payload = resp.read()
        if resp.status >= 300:
            sys.exit(f"{method} {path}: {resp.status} {payload[:300]!r}")
        return json.loads(payload) if payload else None

    def peak_rss_mib(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            return int(re.search(r"VmHWM:\s+(\d+)", f.read()).group(1)) / 1024

    def stop(self):
        self.proc.terminate()
        self.proc.wait(30)


def manifest(root):
    files = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            data = open(path, "rb").read()
            files.append({"path": os.path.relpath(path, root), "sha256": hashlib.sha256(data).hexdigest(),
                          "size": len(data), "_abs": path})
    return files


def incremental_deploy(agent, project, root):
    files = manifest(root)
    body = {"files": [{k: v for k, v in f.items() if k != "_abs"} for f in files]}
    sent = len(json.dumps(body))
    plan = agent.call("POST", f"/api/v1/projects/{project}/uploads", body)
    by_hash = {f["sha256"]: f["_abs"] for f in files}
    for digest in plan["missing"]:
        data = open(by_hash[digest], "rb").read()
        sent += len(data)
        agent.call("PUT", f"/api/v1/uploads/{plan['uploadId']}/blobs/{digest}", raw=data)
    agent.call("POST", f"/api/v1/uploads/{plan['uploadId']}/finalize", {"activate": True})
    return sent, len(plan["missing"])


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent"
    rng = random.Random(7)
    work = tempfile.mkdtemp(prefix="ddd-bench-")
    try:
        site = os.path.join(work, "site")
        generate_site(site, rng)
        archive = os.path.join(work, "site.zip")
        subprocess.run(["bsdtar", "-a", "-cf", archive, "-C", site, "."], check=True)
        archive_bytes = os.path.getsize(archive)

        def bsdtar_once():
            out = tempfile.mkdtemp(dir=work)
            subprocess.run(["bsdtar", "-xf", archive, "-C", out], check=True)
            shutil.rmtree(out)
        data = open(archive, "rb").read()
        ingest, extract = [], []
        for run in range(RUNS):
            # Alternate the two tools so drift in the disk's speed hits both alike.
            extract.append(timed(bsdtar_once))
            # A fresh agent and data directory each run: every blob is written, as bsdtar writes every file.
            agent = Agent(binary, os.path.join(work, f"data{run}"))
            project = agent.call("POST", "/api/v1/projects", {"name": "bench"})["id"]
            ingest.append(timed(lambda: agent.call("POST", f"/api/v1/projects/{project}/deploys?activate=true",
                                                     raw=data, headers={"Content-Type": "application/zip"})))
            if run < RUNS - 1:
                agent.stop()
        incremental_deploy(agent, project, site)  # baseline: the unchanged site, nothing to send
        changed = rng.sample(sorted(f["_abs"] for f in manifest(site)), FILES // 100)
        for path in changed:
            with open(path, "ab") as f:
                f.write(b"<!-- changed -->")
        redeploy_sent, missing = incremental_deploy(agent, project, site)
        rss = agent.peak_rss_mib()
        agent.stop()

        median_ingest = statistics.median(ingest)
        bsdtar = statistics.median(extract)
        print(f"site: {FILES} files, archive {archive_bytes / 1e6:.1f} MB (zip)")
        print(f"{'measure':44} {'value':>12}")
        print(f"{'bsdtar -x (median of %d)' % RUNS:44} {bsdtar:11.3f}s")
        print(f"{'ddd-agent upload+validate+store (median)':44} {median_ingest:11.3f}s")
        print(f"{'ratio agent / bsdtar':44} {median_ingest / bsdtar:11.2f}x")
        print(f"{'agent peak RSS':44} {rss:10.1f}MiB")
        print(f"{'redeploy, 1% changed: blobs sent':44} {missing:12d}")
        print(f"{'redeploy, 1% changed: bytes sent':44} {redeploy_sent / 1e3:10.1f}kB")
        print(f"{'full archive upload: bytes sent':44} {archive_bytes / 1e3:10.1f}kB")
        print(f"{'ratio redeploy / full upload':44} {redeploy_sent / archive_bytes:11.3f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
