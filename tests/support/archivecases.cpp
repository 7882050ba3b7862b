// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/archivecases.h"

#include "tests/support/deflate.h"
#include "tests/support/tarbuilder.h"
#include "tests/support/zipbuilder.h"

namespace ddd::test {

namespace {

constexpr qsizetype kMiB = 1024 * 1024;

// Bytes that do not compress, so only the size budgets can stop them.
QByteArray noise(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 2463534242u;
    for (char &c : bytes) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        c = char(state);
    }
    return bytes;
}

QByteArray zeros(qsizetype size)
{
    return QByteArray(size, '\0');
}

QByteArray tarWith(const QByteArray &name, const QByteArray &data = "evil")
{
    return TarBuilder().file("index.html", "ok").file(name, data).build();
}

QByteArray zipWith(const QByteArray &name, const QByteArray &data = "evil")
{
    return ZipBuilder().file("index.html", "ok").file(name, data).build();
}

} // namespace

core::archive::ArchiveLimits ArchiveCases::limits()
{
    core::archive::ArchiveLimits limits;
    limits.maxEntries = 100;
    limits.maxEntryBytes = 2 * kMiB;
    limits.maxTotalBytes = 5 * kMiB;
    limits.maxRatio = 50;
    limits.ratioFloorBytes = 256 * 1024;
    return limits;
}

QList<ArchiveCase> ArchiveCases::hazards()
{
    return nameHazards() + typeAndDuplicateHazards() + sizeHazards() + integrityHazards() + formatHazards();
}

QList<ArchiveCase> ArchiveCases::nameHazards()
{
    const QByteArray nulName("index.html\0.png", 15);
    const QByteArray deep = QByteArray("a/").repeated(100) + "f.txt";
    return {
        {"zip ../x", zipWith("../x"), u"archive.path_traversal"_qs, u"../x"_qs},
        {"tar ../x", tarWith("../x"), u"archive.path_traversal"_qs, u"../x"_qs},
        {"tar inner ..", tarWith("a/../../x"), u"archive.path_traversal"_qs, u"a/../../x"_qs},
        {"tar /etc/passwd", tarWith("/etc/passwd"), u"archive.path_traversal"_qs, u"/etc/passwd"_qs},
        {"zip C:/x", zipWith("C:/x"), u"archive.path_traversal"_qs, u"C:/x"_qs},
        {"zip UNC", zipWith("//server/share/x"), u"archive.path_traversal"_qs, u"//server"_qs},
        {"zip backslash", zipWith("a\\b.html"), u"archive.bad_name"_qs, u"a\\x5cb.html"_qs},
        {"zip NUL in name", zipWith(nulName), u"archive.bad_name"_qs, u"index.html\\x00.png"_qs},
        {"tar NUL in pax path", TarBuilder().pax({{"path", nulName}}).entry('0', "index.html", "evil").build(),
         u"archive.bad_name"_qs, u"index.html\\x00.png"_qs},
        {"tar NUL in GNU long name", TarBuilder().gnuLongName(nulName).entry('0', "index.html", "evil").build(),
         u"archive.bad_name"_qs, u"index.html\\x00.png"_qs},
        {"zip control character", zipWith("a\x01" "b.html"), u"archive.bad_name"_qs, u"a\\x01b.html"_qs},
        {"tar invalid UTF-8", tarWith("\xff.html"), u"archive.bad_name"_qs, u"\\xff.html"_qs},
        {"tar invalid UTF-8 in pax path", TarBuilder().pax({{"path", "caf\xe9.html"}}).entry('0', "x", "evil").build(),
         u"archive.bad_name"_qs, u"caf\\xe9.html"_qs},
        {"zip overlong UTF-8 dots", zipWith("\xc0\xae\xc0\xae/x"), u"archive.bad_name"_qs, u"\\xc0\\xae"_qs},
        {"tar 5000-byte path", tarWith(QByteArray(5000, 'a')), u"archive.path_too_long"_qs, u"aaaa"_qs},
        {"zip 5000-byte path", zipWith(QByteArray(5000, 'a')), u"archive.path_too_long"_qs, u"aaaa"_qs},
        {"tar depth 100", tarWith(deep), u"archive.path_too_long"_qs, u"a/a/a/"_qs},
        {"zip 300-byte component", zipWith(QByteArray(300, 'c')), u"archive.path_too_long"_qs, u"ccc"_qs},
    };
}

QList<ArchiveCase> ArchiveCases::typeAndDuplicateHazards()
{
    return {
        {"zip duplicate", ZipBuilder().file("index.html", "a").file("index.html", "b").build(),
         u"archive.duplicate_entry"_qs, u"index.html"_qs},
        {"tar duplicate", TarBuilder().file("index.html", "a").file("./index.html", "b").build(),
         u"archive.duplicate_entry"_qs, u"index.html"_qs},
        {"tar file and directory", TarBuilder().file("docs", "a").directory("docs/").build(),
         u"archive.duplicate_entry"_qs, u"docs"_qs},
        {"tar file below a file", TarBuilder().file("a", "x").file("a/b", "y").build(), u"archive.duplicate_entry"_qs,
         u"a/b"_qs},
        {"zip case collision", ZipBuilder().file("Index.html", "a").file("index.html", "b").build(),
         u"archive.case_collision"_qs, u"index.html"_qs},
        {"tar NFC and NFD", TarBuilder().file("\xc3\xa9.html", "a").file("e\xcc\x81.html", "b").build(),
         u"archive.case_collision"_qs, u"e\u0301.html"_qs},
        {"tar symlink", TarBuilder().file("index.html", "ok").symlink("link", "/etc/passwd").build(),
         u"archive.link_entry"_qs, u"link"_qs},
        {"zip symlink", ZipBuilder().file("index.html", "ok").symlink("link", "/etc/passwd").build(),
         u"archive.link_entry"_qs, u"link"_qs},
        {"tar hardlink", TarBuilder().file("index.html", "ok").hardlink("copy", "index.html").build(),
         u"archive.link_entry"_qs, u"copy"_qs},
        {"tar fifo", TarBuilder().file("index.html", "ok").fifo("pipe").build(), u"archive.special_file"_qs,
         u"pipe"_qs},
        {"zip fifo", ZipBuilder().file("index.html", "ok").add({"pipe", {}, false, 010644}).build(),
         u"archive.special_file"_qs, u"pipe"_qs},
    };
}

QList<ArchiveCase> ArchiveCases::sizeHazards()
{
    ZipBuilder lyingZip;
    lyingZip.add({"lie.bin", zeros(64 * kMiB), true, 0100644, {}, 1000});
    ZipBuilder overlapping;
    overlapping.file("kernel.bin", zeros(kMiB));
    for (int i = 0; i < 10; ++i)
        overlapping.alias("bomb" + QByteArray::number(i), 0);
    ZipBuilder intoDirectory;
    intoDirectory.add({"x.bin", noise(200), false, 0100644, {}, {}, 240});
    TarBuilder manyTar;
    ZipBuilder manyZip;
    for (int i = 0; i <= 100; ++i) {
        manyTar.file("f" + QByteArray::number(i), "x");
        manyZip.file("f" + QByteArray::number(i), "x");
    }
    // Below the per-file limit, so only the ratio can stop them.
    const QByteArray ratioTar = TarBuilder().file("zeros.bin", zeros(kMiB + kMiB / 2)).build();
    return {
        {"zip lying size", lyingZip.build(), u"archive.corrupt"_qs, u"lie.bin"_qs},
        {"tar lying size", TarBuilder().entry('0', "lie.bin", noise(1024)).raw(QByteArray(64 * 1024, 'A')).build(),
         u"archive.corrupt"_qs, {}},
        {"zip overlapping entries", overlapping.build(), u"archive.overlapping_entries"_qs, {}},
        {"zip entry overlapping central directory", intoDirectory.build(), u"archive.overlapping_entries"_qs,
         u"x.bin"_qs},
        {"gzip in gzip", Deflate::gzip(Deflate::gzip(TarBuilder().file("a", "b").build())),
         u"archive.nested_compression"_qs, {}},
        {"zip ratio bomb", ZipBuilder().file("zeros.bin", zeros(kMiB + kMiB / 2)).build(), u"archive.too_large"_qs,
         u"zeros.bin"_qs, u"ratio"_qs},
        {"tar.gz ratio bomb", Deflate::gzip(ratioTar), u"archive.too_large"_qs, u"zeros.bin"_qs, u"ratio"_qs},
        {"tar too many entries", manyTar.build(), u"archive.too_large"_qs, u"f100"_qs, u"entries"_qs},
        {"zip too many entries", manyZip.build(), u"archive.too_large"_qs, {}, u"entries"_qs},
        {"zip file too large", ZipBuilder().file("big.bin", noise(3 * kMiB), false).build(), u"archive.too_large"_qs,
         u"big.bin"_qs, u"entry_bytes"_qs},
        {"tar total too large",
         TarBuilder().file("a.bin", noise(2 * kMiB - 1)).file("b.bin", noise(2 * kMiB - 1))
             .file("c.bin", noise(2 * kMiB - 1)).build(),
         u"archive.too_large"_qs, u"c.bin"_qs, u"total_bytes"_qs},
    };
}

QList<ArchiveCase> ArchiveCases::integrityHazards()
{
    const QByteArray goodZip = ZipBuilder().file("index.html", "hello").file("b.txt", noise(4000)).build();
    const QByteArray goodTar = TarBuilder().file("index.html", "hello").file("b.txt", noise(100000)).build();
    return {
        {"zip wrong CRC", ZipBuilder().add({"index.html", "hello world", true, 0100644, 0x12345678}).build(),
         u"archive.corrupt"_qs, u"index.html"_qs},
        {"zip truncated", goodZip.left(goodZip.size() - 30), u"archive.corrupt"_qs, {}},
        {"zip truncated in data", goodZip.left(goodZip.size() / 2) + goodZip.right(80), u"archive.corrupt"_qs, {}},
        {"tar truncated", goodTar.left(20000), u"archive.corrupt"_qs, {}},
        {"tar.gz truncated", Deflate::gzip(goodTar).left(Deflate::gzip(goodTar).size() / 2), u"archive.corrupt"_qs,
         {}},
        {"tar.gz bad trailer", Deflate::withBadGzipTrailer(Deflate::gzip(goodTar)), u"archive.corrupt"_qs, {}},
        {"tar.gz trailing garbage", Deflate::gzip(goodTar) + "garbage", u"archive.corrupt"_qs, {}},
        {"tar data after end", goodTar + QByteArray(512, 'x'), u"archive.corrupt"_qs, {}},
        {"tar concatenated", goodTar + TarBuilder().file("hidden.html", "x").build(), u"archive.corrupt"_qs, {}},
    };
}

QList<ArchiveCase> ArchiveCases::formatHazards()
{
    return {
        {"empty file", {}, u"archive.empty"_qs, {}},
        {"empty zip", ZipBuilder().build(), u"archive.empty"_qs, {}},
        {"empty tar", TarBuilder().build(), u"archive.empty"_qs, {}},
        {"empty tar.gz", Deflate::gzip({}), u"archive.empty"_qs, {}},
        {"tar of directories only", TarBuilder().directory("a/").directory("a/b/").build(), u"archive.empty"_qs, {}},
        {"text file", "<html>not an archive</html>", u"archive.unsupported_format"_qs, {}},
        {"gzip of text", Deflate::gzip(QByteArray("<html></html>").repeated(100)), u"archive.unsupported_format"_qs,
         {}},
        {"7z", QByteArray("7z\xbc\xaf\x27\x1c", 6) + noise(200), u"archive.unsupported_format"_qs, {}},
        {"zip with prepended data", "MZ" + ZipBuilder().file("index.html", "x").build(),
         u"archive.unsupported_format"_qs, {}},
        {"zip bzip2 entry", ZipBuilder().add({"index.html", "x", false, 0100644, {}, {}, {}, {}, 12}).build(),
         u"archive.unsupported_format"_qs, u"index.html"_qs},
    };
}

} // namespace ddd::test
