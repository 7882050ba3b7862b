#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""The agent with its metadata in PostgreSQL (database.url) against the same
agent on SQLite (agent.db), in one run on this machine: a 10,000-file archive
deploy, the version's first page of files, the project list, a rollback, and
`ddd-agent migrate` of the SQLite data root into an empty database. PostgreSQL
is a throw-away local cluster (tests/support/postgres-fixture.sh, fsync off,
as SQLite's syncfs is not: read the deploy times with that in mind). Runs
alternate between the two; medians. Prints a table with PostgreSQL/SQLite
ratios for docs/performance.md. Not a test: nothing here asserts time.

Usage: database.py [agent binary]   (BENCH_RUNS, default 3)"""
import os, random, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ingest_bench  # noqa: E402  (the site generator and the agent driver)

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "tests", "support", "postgres-fixture.sh")
PSQL = "/usr/lib/postgresql/15/bin/psql"


def timed(fn, repeat=1):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Postgres:
    def __init__(self, work):
        self.dir = os.path.join(work, "pg")
        out = subprocess.run([FIXTURE, "start", self.dir], check=True, capture_output=True, text=True).stdout
        fields = dict(f.split("=", 1) for f in out.split())
        self.base = f"postgresql://{fields['user']}@{fields['host']}:{fields['port']}"
        self.count = 0

    def fresh(self):
        self.count += 1
        name = f"bench{self.count}"
        subprocess.run([PSQL, self.base + "/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
        return f"{self.base}/{name}"

    def stop(self):
        subprocess.run([FIXTURE, "stop", self.dir], check=False)


def one_run(binary, work, archive, extra):
    data = tempfile.mkdtemp(dir=work)
    agent = ingest_bench.Agent(binary, data, extra)
    try:
        project = agent.call("POST", "/api/v1/projects", {"name": "bench"})["id"]
        deploy = lambda: agent.call("POST", f"/api/v1/projects/{project}/deploys?activate=true", raw=archive,
                                    headers={"Content-Type": "application/zip"})
        result = {"deploy": timed(deploy)}
        versions = [v["id"] for v in agent.call("GET", f"/api/v1/projects/{project}/deploys")["items"]]
        result["files page"] = timed(lambda: agent.call("GET", f"/api/v1/deploys/{versions[0]}/files?limit=1000"), 9)
        result["project list"] = timed(lambda: agent.call("GET", "/api/v1/projects"), 21)
        deploy()  # a second version to roll back from
        result["rollback"] = timed(lambda: agent.call("POST", f"/api/v1/projects/{project}/rollback", {}))
    finally:
        agent.stop()
    return result, data


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/agent/ddd-agent")
    work = tempfile.mkdtemp(prefix="ddd-database-bench-")
    os.chmod(work, 0o711)  # the server runs as the postgres user when we are root
    pg = Postgres(work)
    try:
        site = os.path.join(work, "site")
        ingest_bench.generate_site(site, random.Random(7), 10_000)
        archive_path = os.path.join(work, "site.zip")
        subprocess.run(["bsdtar", "-a", "-cf", archive_path, "-C", site, "."], check=True)
        archive = open(archive_path, "rb").read()
        results = {"sqlite": [], "postgres": []}
        migrate = []
        for _ in range(RUNS):
            sqlite, data = one_run(binary, work, archive, ())
            results["sqlite"].append(sqlite)
            url = pg.fresh()
            migrate.append(timed(lambda: subprocess.run([binary, "migrate", "--data-dir", data, "--database-url", url],
                                                        check=True, capture_output=True)))
            results["postgres"].append(one_run(binary, work, archive, ("--database-url", pg.fresh()))[0])
        report(results, migrate)
    finally:
        pg.stop()
        subprocess.run(["rm", "-rf", work])


def report(results, migrate):
    print(f"{'10,000-file site, median of %d' % RUNS:34} {'SQLite':>10} {'PostgreSQL':>11} {'ratio':>7}")
    for key in results["sqlite"][0]:
        s = statistics.median(r[key] for r in results["sqlite"])
        p = statistics.median(r[key] for r in results["postgres"])
        print(f"{key:34} {s * 1000:9.1f}ms {p * 1000:10.1f}ms {p / s:6.2f}x")
    print(f"{'ddd-agent migrate (2 versions)':34} {statistics.median(migrate) * 1000:9.1f}ms")


if __name__ == "__main__":
    main()
