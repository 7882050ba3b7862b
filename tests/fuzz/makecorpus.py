#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 DragDropDeploy authors
# SPDX-License-Identifier: Apache-2.0
"""Writes the seed corpora of tests/fuzz/corpus/<harness>/ (committed; run
again after changing it). Seeds are small, realistic inputs plus the known
hazards, so fuzzing starts from the shapes the parsers accept and refuse."""
import base64, gzip, hashlib, hmac, io, json, os, shutil, sys, tarfile, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def write(harness, name, data):
    folder = os.path.join(ROOT, harness)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def zip_of(entries, method=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            if name.endswith("/"):
                info.external_attr = 0o40755 << 16
            z.writestr(info, content)
    return buf.getvalue()


def tar_of(entries, fmt=tarfile.USTAR_FORMAT):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for name, content, *kind in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 1767225600
            if kind:
                info.type, info.linkname = kind[0], kind[1]
                t.addfile(info)
            elif name.endswith("/"):
                info.type = tarfile.DIRTYPE
                t.addfile(info)
            else:
                info.size = len(content)
                t.addfile(info, io.BytesIO(content))
    return buf.getvalue()


SITE = [("index.html", b"<h1>home</h1>"), ("css/site.css", b"body{}"), ("docs/", b""),
        ("docs/a b.html", b"same"), ("_redirects", b"/old / 301\n"), ("_headers", b"/*\n  X-Frame-Options: DENY\n")]
HAZARDS = {
    "traversal": [("../evil.html", b"x")],
    "absolute": [("/etc/passwd", b"x")],
    "backslash": [("a\\b.html", b"x")],
    "case": [("A.html", b"x"), ("a.html", b"y")],
    "file_below_file": [("a", b"x"), ("a/b", b"y")],
    "bad_rules": [("index.html", b"x"), ("_redirects", b"/a /b 299\n")],
    "control": [("a\x01.html", b"x")],
    "deep": [("/".join(["d"] * 70) + "/f", b"x")],
}


def archives():
    write("fuzz_archive_ingest", "site.zip", zip_of(SITE))
    write("fuzz_archive_ingest", "site-stored.zip", zip_of(SITE, zipfile.ZIP_STORED))
    write("fuzz_archive_ingest", "site.tar", tar_of(SITE))
    write("fuzz_archive_ingest", "site-gnu.tar", tar_of(SITE, tarfile.GNU_FORMAT))
    write("fuzz_archive_ingest", "site-pax.tar", tar_of([("caf\u00e9/" + "l" * 120 + ".html", b"pax")], tarfile.PAX_FORMAT))
    write("fuzz_archive_ingest", "site.tar.gz", gzip.compress(tar_of(SITE), mtime=0))
    write("fuzz_archive_ingest", "bomb.tar.gz", gzip.compress(tar_of([("big.txt", b"\0" * 600000)]), mtime=0))
    write("fuzz_archive_ingest", "empty.zip", zip_of([]))
    links = [("index.html", b"x"), ("link", b"", tarfile.SYMTYPE, "/etc/passwd"), ("hard", b"", tarfile.LNKTYPE, "index.html")]
    write("fuzz_archive_targz", "links.tar", tar_of(links))
    write("fuzz_archive_targz", "site.tar", tar_of(SITE))
    write("fuzz_archive_targz", "site-gnu.tar", tar_of(SITE, tarfile.GNU_FORMAT))
    for name, entries in HAZARDS.items():
        write("fuzz_archive_ingest", name + ".zip", zip_of(entries))
        write("fuzz_archive_targz", name + ".tar", tar_of(entries))


def paths():
    for i, p in enumerate(["index.html", "./docs//a.html", "docs/", "a/./b/../c", "../x", "/abs", "C:/win",
                           "caf\u00e9.html", "a\\b", "%2e%2e/x", "/docs/%2e%2e/%2e%2e/etc", "/a%2fb", "/%C3%A9",
                           "/a/b/../../..", "/" + "x/" * 70, "\xc0\xaf", "/%00", "/a%", "/.well-known/acme"]):
        write("fuzz_safepath", "p%02d" % i, p.encode("utf-8", "surrogateescape"))
    for i, h in enumerate(["example.com", "Example.COM.", "localhost:8080", "127.0.0.1", "[::1]:443", "[fe80::1%eth0]",
                           "a_b.example", "xn--caf-dma.example", "999.1.1.1", "-a.example", "a..b", "host:", "host:99999",
                           "[::ffff:1.2.3.4]", "1.2.3.4:0"]):
        write("fuzz_hostname", "h%02d" % i, h)


def http():
    heads = [
        "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
        "\r\n\r\nGET /a%20b?x=1 HTTP/1.1\r\nHost: a.example:8080\r\nAccept: */*\r\n\r\n",
        "POST /api/v1/projects HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}",
        "POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
        "GET http://b.example/x HTTP/1.1\r\nHost: a.example\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET / HTTP/1.0\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
        "GET / HTTP/2.0\r\nHost: x\r\n\r\n",
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        "GET /" + "a" * 300 + " HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
    ]
    for i, h in enumerate(heads):
        write("fuzz_http_head", "r%02d" % i, h)


def h2_frame(kind, flags, stream, payload):
    return len(payload).to_bytes(3, "big") + bytes([kind, flags]) + stream.to_bytes(4, "big") + payload


def exchanges():
    """Whole conversations for fuzz_http_server, against its routes /echo,
    /inline, /site and 404."""
    get = "GET /inline HTTP/1.1\r\nHost: x\r\n\r\n"
    talks = [
        get,
        get + "GET /echo HTTP/1.1\r\nHost: x\r\n\r\n" + "HEAD /inline HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello" + get,
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer-Field: v\r\n\r\n" + get,
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc",
        "POST /site HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody" + get,
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 9999\r\n\r\nshort",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
        "GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + get,
        "GET /inline HTTP/1.0\r\n\r\n",
        "GET /inline HTTP/1.1\r\n\r\n",
    ]
    for i, t in enumerate(talks):
        write("fuzz_http_server", "t%02d" % i, t)
    # HTTP/2 with prior knowledge: SETTINGS, then GET /inline and a POST to
    # /echo (HPACK: indexed :method GET, :scheme http, literal :path and
    # :authority).
    preface = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + h2_frame(4, 0, 0, b"")
    block = bytes([0x82, 0x86, 0x44, 7]) + b"/inline" + bytes([0x41, 1]) + b"x"
    post = bytes([0x83, 0x86, 0x44, 5]) + b"/echo" + bytes([0x41, 1]) + b"x"
    write("fuzz_http_server", "h2-get", preface + h2_frame(1, 0x05, 1, block))
    write("fuzz_http_server", "h2-post", preface + h2_frame(1, 0x04, 1, post) + h2_frame(0, 0x01, 1, b"abc"))


def credentials():
    def enc(s):
        return base64.b64encode(s.encode("utf-8", "surrogateescape")).decode()
    fields = ["Basic " + enc("alice:secret"), "basic " + enc("bob:"), "Basic " + enc(":nouser"), "Basic  " + enc("a:b") + "  ",
              "Basic " + enc("caf\u00e9:p\u00e4ss"), "Bearer abc", "Basic YWxpY2U6c2VjcmV0", "Basic YWxpY2U6c2VjcmV0=",
              "Basic !!!!"]
    for i, f in enumerate(fields):
        write("fuzz_basic_credentials", "f%02d" % i, b"\x00" + f.encode())
    for i, pair in enumerate([b"alice:secret", b"a:b:c", b":x", b"\xff:x", b"\xef\xbb\xbfu:p", b"user"]):
        write("fuzz_basic_credentials", "e%02d" % i, b"\x01" + pair)


def jwt():
    key = b"k" * 32
    b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=")
    now = 1800000000
    def token(header, claims):
        head = b64(json.dumps(header, separators=(",", ":")).encode()) + b"." + b64(json.dumps(claims, separators=(",", ":")).encode())
        return head + b"." + b64(hmac.new(key, head, hashlib.sha256).digest())
    good = {"sub": "7", "iat": now - 10, "exp": now + 600, "iss": "ddd-agent", "aud": "ddd-api", "tv": 0}
    write("fuzz_jwt", "valid", b"\x00" + token({"alg": "HS256", "typ": "JWT"}, good))
    write("fuzz_jwt", "none", b"\x00" + token({"alg": "none"}, good))
    write("fuzz_jwt", "expired", b"\x00" + token({"alg": "HS256"}, dict(good, exp=now - 100, iat=now - 200)))
    write("fuzz_jwt", "garbage", b"\x00a.b.c")
    signed = [({"alg": "HS256", "typ": "JWT"}, good), ({"alg": "HS256", "kid": "x"}, good),
              ({"alg": "HS256"}, dict(good, sub="007")), ({"alg": "HS256"}, dict(good, nbf=now + 3600)),
              ({"alg": "HS256"}, dict(good, exp=now + 7200)), ({"alg": "HS256"}, dict(good, tv=1.5))]
    for i, (h, c) in enumerate(signed):
        write("fuzz_jwt", "s%02d" % i, b"\x01" + json.dumps(h).encode() + b"\n" + json.dumps(c).encode())
    write("fuzz_jwt", "dupkey", b"\x01{\"alg\":\"HS256\",\"alg\":\"none\"}\n" + json.dumps(good).encode())


def rules():
    redirects = [
        "/home / \n/news/* /blog/:splat 302\n/posts/:year/:slug /blog/:year-:slug.html 301\n",
        "/store id=:id /items/:id 301\n\0/store?id=42",
        "/old-docs/* https://docs.example.com/:splat 308\n\0/old-docs/a/b",
        "/app/* /app/index.html 200\n/en/* /en/404.html 404\n/beta/* /index.html 200!\n\0/beta/x",
        "# comment\n\n/a /b 299\n",
        "/a https://evil.example/ 200\n",
        "/a Country=us /b\n",
        "/x/* /%0d%0aSet-Cookie:/:splat 301\n\0/x/%0d%0a",
        "/:a/:b /:b/:a\n\0/one/two",
    ]
    for i, r in enumerate(redirects):
        write("fuzz_redirects", "r%02d" % i, r)
    headers = [
        "/*\n  X-Frame-Options: DENY\n  Permissions-Policy: camera=(), microphone=()\n/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\0/assets/app.js",
        "/*\n  Set-Cookie: a=1\n  Set-Cookie: b=2\n\0/",
        "/*\n  Content-Length: 5\n",
        "/*\n  X-DDD-Version: 1\n",
        "/*\n  Bad Name: x\n",
        "/:lang/*\n  Content-Language: :lang\n\0/en/a",
        "  X-Orphan: 1\n",
    ]
    for i, h in enumerate(headers):
        write("fuzz_headers", "h%02d" % i, h)


def manifests():
    a, b = "a" * 64, "b" * 64
    docs = [
        {"files": [{"path": "index.html", "sha256": a, "size": 3}, {"path": "css/site.css", "sha256": b, "size": 4}]},
        {"files": []},
        {"files": [{"path": "../x", "sha256": a, "size": 1}]},
        {"files": [{"path": "A.html", "sha256": a, "size": 1}, {"path": "a.html", "sha256": a, "size": 1}]},
        {"base": 1, "changed": [{"path": "new.html", "sha256": b, "size": 9}], "removed": ["css/site.css"]},
        {"base": 2, "changed": [], "removed": []},
        {"base": 1, "changed": [], "removed": ["nope.html"]},
        {"base": 99, "changed": [], "removed": []},
    ]
    for i, d in enumerate(docs):
        write("fuzz_upload_manifest", "m%02d" % i, json.dumps(d))
    write("fuzz_upload_manifest", "dup", '{"files": [], "files": []}')


def bodies():
    docs = ['{"name": "site", "domain": "Example.COM.", "aliases": ["www.example.com", "old.example"]}',
            '{"email": "a@b.example", "password": "secret"}', '{"size": 12, "sha256": "' + "a" * 64 + '"}',
            '{"activate": true, "build": false}', '{"name": "x", "name": "y"}', '{"unknown": 1}', '[]', '',
            '{"aliases": ["a.staging.example"]}', '{"aliases": ["x.example", "X.example."]}',
            '{"deployId": 9007199254740993}', '{"name": "\\ud800"}', '{"settings": {"spa": true}}']
    for i, d in enumerate(docs):
        write("fuzz_json_body", "b%02d" % i, d)


def trees():
    def tree(choice, files):
        return bytes([choice]) + b"".join(n.encode() + b"\n" + c.encode() + b"\0" for n, c in files)
    write("fuzz_build_detect", "plain", tree(0, [("index.html", "<h1>x</h1>")]))
    write("fuzz_build_detect", "plain-folder", tree(0, [("site/index.html", "x")]))
    write("fuzz_build_detect", "hugo", tree(0, [("hugo.toml", "title='x'"), ("content/_index.md", "# x")]))
    write("fuzz_build_detect", "jekyll", tree(0, [("_config.yml", "title: x"), ("index.md", "x")]))
    write("fuzz_build_detect", "mkdocs", tree(0, [("mkdocs.yml", "site_name: x"), ("docs/index.md", "x")]))
    write("fuzz_build_detect", "npm", tree(0, [("package.json", '{"scripts": {"build": "vite build"}}')]))
    write("fuzz_build_detect", "npm-script", tree(0x10, [("package.json", '{"scripts": {"docs": "x"}}')]).replace(b"\x10", b"\x10docs\n", 1))
    write("fuzz_build_detect", "npm-bad-json", tree(0, [("package.json", '{"scripts": ')]))
    write("fuzz_build_detect", "override-out", b"\x2c../../etc\n" + tree(0, [("package.json", "{}")])[1:])
    write("fuzz_build_detect", "nothing", tree(0, [("README", "x")]))


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    for step in (archives, paths, http, exchanges, credentials, jwt, rules, manifests, bodies, trees):
        step()


if __name__ == "__main__":
    sys.exit(main())
