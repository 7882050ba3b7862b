// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobdescriptorcache.h"
#include "core/deploy/versionindexwriter.h"
#include "tests/support/sitebench.h"

#include <QtTest>

#include <cerrno>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ddd;
using agent::http::Response;
using test::SiteBench;

// What the site listener does when the blob store is not as the manifest
// says: nothing outside the live version is ever served, a damaged blob is
// never served partially, and running out of descriptors is transient.
class TestSiteBlobs final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    QString m_pagePath; // blob of page.html
    QString m_passwd = u"/etc/passwd"_qs;

    void replaceWithSymlink(const QString &blob, const QString &target)
    {
        QVERIFY(QFile::remove(blob));
        QVERIFY(QFile::link(target, blob));
    }

    // Damages the blob of page.html in one of the ways a store can break.
    void damage(const QString &kind)
    {
        if (kind == u"symlink"_qs) {
            replaceWithSymlink(m_pagePath, m_passwd);
        } else if (kind == u"symlinked shard"_qs) {
            const QString shard = QFileInfo(m_pagePath).path();
            QVERIFY(QDir().rename(shard, shard + u".moved"_qs));
            QVERIFY(QFile::link(shard + u".moved"_qs, shard));
        } else if (kind == u"fifo"_qs) {
            QVERIFY(QFile::remove(m_pagePath));
            QCOMPARE(::mkfifo(QFile::encodeName(m_pagePath).constData(), 0600), 0);
        } else if (kind == u"directory"_qs) {
            QVERIFY(QFile::remove(m_pagePath));
            QVERIFY(QDir().mkdir(m_pagePath));
        } else if (kind == u"missing"_qs) {
            QVERIFY(QFile::remove(m_pagePath));
        } else if (kind == u"truncated"_qs) {
            QVERIFY(QFile::resize(m_pagePath, 4));
        } else if (kind == u"grown"_qs) {
            QFile file(m_pagePath);
            QVERIFY(file.open(QIODevice::Append));
            QVERIFY(file.write("more") == 4);
        } else {
            QFAIL("unknown kind of damage");
        }
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_bench = std::make_unique<SiteBench>();
        // page.html is exactly as long as /etc/passwd, so a followed symlink
        // would pass the size check: only O_NOFOLLOW can stop it.
        const QByteArray page(QFileInfo(m_passwd).size(), 'p');
        auto builder = m_bench->site(1, u"alpha"_qs)
                           .file(u"index.html"_qs, "home")
                           .file(u"page.html"_qs, page)
                           .file(u"404.html"_qs, "custom not found");
        m_pagePath = builder.blobPath(u"page.html"_qs);
        m_bench->sites().publish(builder.build());
    }

    void damagedBlobIsNeverServed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::newRow("symlink to a system file") << u"symlink"_qs << u"site.blob_not_regular"_qs;
        QTest::newRow("symlinked shard directory") << u"symlinked shard"_qs << u"site.blob_not_regular"_qs;
        QTest::newRow("FIFO, not opened for reading") << u"fifo"_qs << u"site.blob_not_regular"_qs;
        QTest::newRow("directory") << u"directory"_qs << u"site.blob_not_regular"_qs;
        QTest::newRow("missing") << u"missing"_qs << u"site.blob_missing"_qs;
        QTest::newRow("shorter than the manifest") << u"truncated"_qs << u"site.blob_size_mismatch"_qs;
        QTest::newRow("longer than the manifest") << u"grown"_qs << u"site.blob_size_mismatch"_qs;
    }

    void damagedBlobIsNeverServed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        damage(kind);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"page\\.html .* "_qs + QRegularExpression::escape(code)));
        const Response response = m_bench->get(u"alpha.localhost"_qs, "/page.html");
        QCOMPARE(response.status, 500);
        QVERIFY(!response.file);
        QCOMPARE(response.body, QByteArray("Internal Server Error\n"));
        QVERIFY(!response.headers.contains("ETag"));
        // The rest of the site is unaffected.
        QCOMPARE(SiteBench::body(m_bench->get(u"alpha.localhost"_qs, "/")), QByteArray("home"));
    }

    void malformedHashNamesNoFile_data()
    {
        QTest::addColumn<QByteArray>("sha256");
        QTest::newRow("path") << QByteArray("../../../../../../../etc/passwd");
        QTest::newRow("upper-case hex") << test::SiteBuilder::sha256("home").toUpper();
        QTest::newRow("too short") << QByteArray("abcdef");
        QTest::newRow("slash inside") << QByteArray(31, 'a') + '/' + QByteArray(32, 'a');
    }

    // The snapshot's version index stores hashes as 32 raw bytes: a
    // malformed one is refused when the index is written, so it can never
    // reach a file path; the descriptor cache still refuses one, should it,
    // for the blob and for its variants.
    void malformedHashNamesNoFile()
    {
        QFETCH(QByteArray, sha256);
        core::deploy::VersionIndexWriter writer(1);
        QCOMPARE(writer.add(u"index.html"_qs, core::deploy::SiteFile{sha256, 10}).error().code, u"index.invalid_row"_qs);
        agent::site::BlobDescriptorCache descriptors(m_bench->blobs(), {.capacity = 10});
        const qint64 size = QFileInfo(m_passwd).size();
        QCOMPARE(descriptors.open(sha256, std::nullopt, size).error().code, u"site.blob_unreadable"_qs);
        QCOMPARE(descriptors.open(sha256, core::blobs::ContentCoding::Gzip, size).error().code,
                 u"site.blob_unreadable"_qs);
        QCOMPARE(descriptors.size(), 0);
    }

    void brokenNotFoundPageIsAnErrorNotAFallback()
    {
        QVERIFY(QFile::remove(test::SiteBuilder::blobPath(m_bench->blobsRoot(), test::SiteBuilder::sha256("custom not found"))));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"404\\.html .* site\\.blob_missing"_qs));
        QCOMPARE(m_bench->get(u"alpha.localhost"_qs, "/nowhere").status, 500);
    }

    // EMFILE is the one transient failure: the client may retry at once.
    void outOfDescriptorsIsServiceUnavailable()
    {
        rlimit saved = {};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &saved), 0);
        rlimit low = saved;
        low.rlim_cur = 64;
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &low), 0);
        QList<int> held;
        for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;)
            held.append(fd);
        const int openError = errno;
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"site\\.out_of_descriptors"_qs));
        const Response response = m_bench->get(u"alpha.localhost"_qs, "/");
        for (int fd : held)
            ::close(fd);
        QCOMPARE(::setrlimit(RLIMIT_NOFILE, &saved), 0);
        QCOMPARE(openError, EMFILE);
        QCOMPARE(response.status, 503);
        QCOMPARE(response.headers.value("Retry-After"), QByteArray("1"));
        QVERIFY(!response.file);
        QCOMPARE(m_bench->get(u"alpha.localhost"_qs, "/").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSiteBlobs)
#include "tst_siteblobs.moc"
