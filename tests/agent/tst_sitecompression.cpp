// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/server.h"
#include "agent/site/sitepipeline.h"
#include "core/blobs/blobvariant.h"
#include "tests/support/deployfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/siteaccesskit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

#include <brotli/decode.h>
#include <sys/stat.h>
#include <zlib.h>

using namespace ddd;
using core::blobs::ContentCoding;
using test::DeployFixture;
using test::RawResponse;
using test::RawTcpClient;

namespace {

QByteArray text(const QByteArray &seed, int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += seed + " line " + QByteArray::number(i) + ": the quick brown fox jumps over the lazy dog\n";
    return out;
}

QByteArray noise(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &c : out)
        c = char(generator.bounded(256));
    return out;
}

QByteArray unbrotli(const QByteArray &data, qsizetype expected)
{
    QByteArray out(expected + 16, Qt::Uninitialized);
    size_t size = size_t(out.size());
    if (BrotliDecoderDecompress(size_t(data.size()), reinterpret_cast<const uint8_t *>(data.constData()), &size,
                                reinterpret_cast<uint8_t *>(out.data()))
        != BROTLI_DECODER_RESULT_SUCCESS)
        return "<not brotli>";
    out.resize(qsizetype(size));
    return out;
}

QByteArray gunzip(const QByteArray &data, qsizetype expected)
{
    z_stream stream = {};
    if (inflateInit2(&stream, 15 + 16) != Z_OK)
        return "<no zlib>";
    QByteArray out(expected + 16, Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
    if (result != Z_STREAM_END)
        return "<not gzip>";
    out.resize(qsizetype(stream.total_out));
    return out;
}

// The inode number: a variant made again would be a new file renamed in.
quint64 inodeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? quint64(info.st_ino) : 0;
}

const QByteArray AppJs = text("const app = 1;", 400);
const QByteArray StyleCss = text("body { color: red }", 300);
const QByteArray IndexHtml = text("<p>home</p>", 200);
const QByteArray NotFoundHtml = text("<p>not here</p>", 100);
const QByteArray NoiseJs = noise(20000);
const QByteArray PngLookingLikeText = text("not really a png", 100);

const DeployFixture::Files SiteFiles = {
    {"index.html", IndexHtml}, {"assets/app.js", AppJs}, {"style.css", StyleCss},
    {"404.html", NotFoundHtml}, {"noise.js", NoiseJs},   {"tiny.txt", "hi"},
    {"logo.png", PngLookingLikeText},
};

} // namespace

// Precompressed variants end to end: made at deploy time once per content,
// listed in the site snapshot, chosen by Accept-Encoding and served over a
// real socket with their own ETag, ranges and Vary; collected with their
// blob; repaired after a crash.
class TestSiteCompression final : public QObject
{
    Q_OBJECT

    std::unique_ptr<DeployFixture> m_f;
    std::unique_ptr<test::SiteAccessKit> m_access;
    std::unique_ptr<agent::site::SitePipeline> m_pipeline;
    std::unique_ptr<agent::http::Server> m_server;

    void listen()
    {
        m_server.reset();
        m_pipeline.reset();
        m_access = std::make_unique<test::SiteAccessKit>();
        m_pipeline = std::make_unique<agent::site::SitePipeline>(m_f->liveSites(), m_f->store(), m_access->access,
                                                                 agent::site::SitePipeline::Options{});
        m_server = std::make_unique<agent::http::Server>(agent::http::ServerOptions{}, *m_pipeline);
        QVERIFY(m_server->start().ok());
    }

    RawResponse call(const QByteArray &method, const QByteArray &target, const QByteArray &fields = {})
    {
        RawTcpClient client;
        const QByteArray raw =
            method + ' ' + target + " HTTP/1.1\r\nHost: www.example.com\r\n" + fields + "\r\n";
        if (!client.connectTo(m_server->port()) || !client.send(raw))
            return {};
        return client.readResponse(10000, method != "HEAD").value_or(RawResponse());
    }

    RawResponse get(const QByteArray &target, const QByteArray &acceptEncoding)
    {
        return call("GET", target, acceptEncoding.isNull() ? QByteArray() : "Accept-Encoding: " + acceptEncoding + "\r\n");
    }

    QString variantPath(const QByteArray &content, ContentCoding coding) const
    {
        return m_f->store().variantPath(DeployFixture::sha256(content), coding);
    }

    QByteArray fileOf(const QString &path) const
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    qint64 rows(const QByteArray &content, const QString &condition = u"1"_qs)
    {
        return m_f->count(u"SELECT count(*) FROM blob_variants WHERE sha256 = '"_qs
                          + QString::fromLatin1(DeployFixture::sha256(content)) + u"' AND "_qs + condition);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_f = std::make_unique<DeployFixture>();
        m_f->deployed(SiteFiles);
        listen();
    }

    void cleanup()
    {
        m_server.reset();
        m_pipeline.reset();
        m_access.reset();
        m_f.reset();
    }

    void variantsAreMadeAtDeployTime()
    {
        for (const QByteArray &content : {AppJs, StyleCss, IndexHtml, NotFoundHtml}) {
            QCOMPARE(rows(content, u"size IS NOT NULL"_qs), 2);
            const QByteArray br = fileOf(variantPath(content, ContentCoding::Brotli));
            const QByteArray gz = fileOf(variantPath(content, ContentCoding::Gzip));
            QCOMPARE(unbrotli(br, content.size()), content);
            QCOMPARE(gunzip(gz, content.size()), content);
            QVERIFY(br.size() <= content.size() * 9 / 10);
            QVERIFY(gz.size() <= content.size() * 9 / 10);
        }
        QCOMPARE(m_f->stagingEntries(), QStringList{u"partial"_qs});
        const auto site = m_f->liveSites().current()->byProject.value(m_f->projectId);
        const core::deploy::SiteFile app = site->index->find(QStringView(u"assets/app.js")).value();
        QVERIFY(app.compressible);
        QCOMPARE(app.brotliSize, QFileInfo(variantPath(AppJs, ContentCoding::Brotli)).size());
        QCOMPARE(app.gzipSize, QFileInfo(variantPath(AppJs, ContentCoding::Gzip)).size());
    }

    void variantsSavingUnderTenPercentAreNotKept()
    {
        for (const QByteArray &content : {NoiseJs, QByteArray("hi")}) {
            QCOMPARE(rows(content, u"size IS NULL"_qs), 2); // decided, remembered
            QVERIFY(!QFileInfo::exists(variantPath(content, ContentCoding::Brotli)));
            QVERIFY(!QFileInfo::exists(variantPath(content, ContentCoding::Gzip)));
        }
        // A PNG is never tried, whatever its bytes.
        QCOMPARE(rows(PngLookingLikeText), 0);
        const auto site = m_f->liveSites().current()->byProject.value(m_f->projectId);
        QVERIFY(!site->index->find(QStringView(u"logo.png")).value().compressible);
        QCOMPARE(site->index->find(QStringView(u"noise.js")).value().brotliSize, 0);
    }

    void variantsAreMadeOncePerContentAcrossProjects()
    {
        const quint64 inode = inodeOf(variantPath(AppJs, ContentCoding::Brotli));
        QVERIFY(inode != 0);
        const qint64 other = m_f->createProject(m_f->alice, u"Other"_qs);
        QVERIFY(m_f->deployArchive(m_f->alice, other, DeployFixture::zip({{"main.js", AppJs}, {"n.js", NoiseJs}}), true)
                    .ok());
        QCOMPARE(inodeOf(variantPath(AppJs, ContentCoding::Brotli)), inode);
        QCOMPARE(rows(AppJs), 2);
        QCOMPARE(rows(NoiseJs, u"size IS NULL"_qs), 2);
        const auto site = m_f->liveSites().current()->byProject.value(other);
        QVERIFY(site->index->find(QStringView(u"main.js")).value().brotliSize > 0);
    }

    void incrementalUploadsGetVariantsToo()
    {
        const QByteArray fresh = text("incremental", 300);
        const QByteArray sha = DeployFixture::sha256(fresh);
        const QJsonObject entry{{u"path"_qs, u"fresh.js"_qs}, {u"sha256"_qs, QString::fromLatin1(sha)},
                                {u"size"_qs, fresh.size()}};
        const QByteArray manifest = QJsonDocument(QJsonObject{{u"files"_qs, QJsonArray{entry}}}).toJson();
        auto plan = m_f->service().startUpload(m_f->alice, m_f->projectId, manifest);
        QVERIFY(plan.ok());
        auto upload = m_f->service().openBlobUpload(m_f->alice, plan->uploadId, QString::fromLatin1(sha), 0);
        QVERIFY(upload.ok());
        QVERIFY((*upload)->write(fresh).ok());
        QVERIFY((*upload)->finish().ok());
        QVERIFY(m_f->service().finalizeUpload(m_f->alice, plan->uploadId, true).ok());
        m_f->service().waitForVariants();
        QCOMPARE(rows(fresh, u"size IS NOT NULL"_qs), 2);
        const RawResponse response = get("/fresh.js", "br");
        QCOMPARE(response.header("Content-Encoding"), QByteArray("br"));
        QCOMPARE(unbrotli(response.body, fresh.size()), fresh);
    }

    void chosenByAcceptEncoding_data()
    {
        QTest::addColumn<QByteArray>("acceptEncoding");
        QTest::addColumn<QByteArray>("coding");
        QTest::newRow("no field") << QByteArray() << QByteArray();
        QTest::newRow("empty field") << QByteArray("") << QByteArray();
        QTest::newRow("br") << QByteArray("br") << QByteArray("br");
        QTest::newRow("gzip") << QByteArray("gzip") << QByteArray("gzip");
        QTest::newRow("x-gzip") << QByteArray("x-gzip") << QByteArray("gzip");
        QTest::newRow("browser") << QByteArray("gzip, deflate, br, zstd") << QByteArray("br");
        QTest::newRow("upper case") << QByteArray("GZIP, BR") << QByteArray("br");
        QTest::newRow("tie prefers br") << QByteArray("gzip;q=0.8, br;q=0.8") << QByteArray("br");
        QTest::newRow("gzip preferred") << QByteArray("br;q=0.5, gzip") << QByteArray("gzip");
        QTest::newRow("br excluded") << QByteArray("br;q=0, gzip") << QByteArray("gzip");
        QTest::newRow("star") << QByteArray("*") << QByteArray("br");
        QTest::newRow("star minus br") << QByteArray("*, br;q=0") << QByteArray("gzip");
        QTest::newRow("star excluded") << QByteArray("*;q=0") << QByteArray();
        QTest::newRow("identity only") << QByteArray("identity") << QByteArray();
        QTest::newRow("identity preferred") << QByteArray("gzip;q=0.5, identity") << QByteArray();
        QTest::newRow("identity;q=0") << QByteArray("identity;q=0") << QByteArray();
        QTest::newRow("identity;q=0 with gzip") << QByteArray("gzip;q=0.1, identity;q=0") << QByteArray("gzip");
        QTest::newRow("unknown only") << QByteArray("deflate, compress") << QByteArray();
        QTest::newRow("bad q drops it") << QByteArray("br;q=2, gzip;q=0.4") << QByteArray("gzip");
        QTest::newRow("spaces") << QByteArray("  br ; q=0.9 ,gzip;q=1.000 ") << QByteArray("gzip");
    }

    void chosenByAcceptEncoding()
    {
        QFETCH(QByteArray, acceptEncoding);
        QFETCH(QByteArray, coding);
        for (const QByteArray &method : {QByteArray("GET"), QByteArray("HEAD")}) {
            const QByteArray field =
                acceptEncoding.isNull() ? QByteArray() : "Accept-Encoding: " + acceptEncoding + "\r\n";
            const RawResponse response = call(method, "/assets/app.js", field);
            QCOMPARE(response.status, 200);
            QCOMPARE(response.header("Content-Encoding"), coding.isEmpty() ? QByteArray() : coding);
            QCOMPARE(response.header("Vary"), QByteArray("Accept-Encoding"));
            const QString path = coding == "br" ? variantPath(AppJs, ContentCoding::Brotli)
                : coding == "gzip"              ? variantPath(AppJs, ContentCoding::Gzip)
                                                : m_f->store().pathFor(DeployFixture::sha256(AppJs));
            QCOMPARE(response.header("Content-Length").toLongLong(), QFileInfo(path).size());
            if (method == "GET")
                QCOMPARE(response.body, fileOf(path));
            else
                QVERIFY(response.body.isEmpty());
        }
    }

    // Kept answers (PreparedAnswers) are kept per Accept-Encoding: a client
    // never gets the encoding another asked for.
    void eachEncodingKeepsItsOwnPreparedAnswer()
    {
        const quint64 before = m_pipeline->preparedAnswers().hits();
        // Round one: the path is seen (br), then gzip and identity are kept;
        // round two keeps br and gives the others; round three gives all.
        for (int round = 0; round < 3; ++round) {
            for (const QByteArray &coding : {QByteArray("br"), QByteArray("gzip"), QByteArray()}) {
                const RawResponse response = get("/assets/app.js", coding.isEmpty() ? QByteArray("identity") : coding);
                QCOMPARE(response.status, 200);
                QCOMPARE(response.header("Content-Encoding"), coding);
                const QByteArray body = coding == "br" ? unbrotli(response.body, AppJs.size())
                    : coding == "gzip"                 ? gunzip(response.body, AppJs.size())
                                                       : response.body;
                QCOMPARE(body, AppJs);
            }
        }
        QCOMPARE(m_pipeline->preparedAnswers().hits(), before + 5);
    }

    void varyOnlyForCompressibleTypes()
    {
        QCOMPARE(get("/noise.js", "br").header("Vary"), QByteArray("Accept-Encoding"));
        QVERIFY(get("/noise.js", "br").header("Content-Encoding").isNull());
        QCOMPARE(get("/tiny.txt", "gzip").header("Vary"), QByteArray("Accept-Encoding"));
        const RawResponse png = get("/logo.png", "br, gzip");
        QCOMPARE(png.status, 200);
        QVERIFY(png.header("Vary").isNull());
        QVERIFY(png.header("Content-Encoding").isNull());
        QCOMPARE(png.body, PngLookingLikeText);
    }

    void siteHeadersRulesKeepAcceptEncodingInVary()
    {
        DeployFixture::Files files = SiteFiles;
        files.append(qMakePair(QByteArray("_headers"), QByteArray("/*\n  Vary: Origin\n")));
        m_f->deployed(files);
        const RawResponse encoded = get("/assets/app.js", "br");
        QCOMPARE(encoded.header("Content-Encoding"), QByteArray("br"));
        QCOMPARE(encoded.header("Vary"), QByteArray("Origin, Accept-Encoding"));
        QCOMPARE(get("/logo.png", "br").header("Vary"), QByteArray("Origin"));
    }

    void eachEncodingHasItsOwnETag()
    {
        const QByteArray sha = DeployFixture::sha256(AppJs);
        const QByteArray plain = get("/assets/app.js", {}).header("ETag");
        const QByteArray br = get("/assets/app.js", "br").header("ETag");
        const QByteArray gz = get("/assets/app.js", "gzip").header("ETag");
        QCOMPARE(plain, '"' + sha + '"');
        QCOMPARE(br, '"' + sha + ".br\"");
        QCOMPARE(gz, '"' + sha + ".gz\"");
        const auto conditional = [&](const QByteArray &etag, const QByteArray &accept) {
            return call("GET", "/assets/app.js", "If-None-Match: " + etag + "\r\nAccept-Encoding: " + accept + "\r\n");
        };
        const RawResponse notModified = conditional(br, "br");
        QCOMPARE(notModified.status, 304);
        QCOMPARE(notModified.header("ETag"), br);
        QCOMPARE(notModified.header("Vary"), QByteArray("Accept-Encoding"));
        QVERIFY(notModified.body.isEmpty());
        QCOMPARE(conditional(gz, "gzip").status, 304);
        QCOMPARE(conditional(plain, "identity").status, 304);
        // The tag of another representation does not match this one.
        const RawResponse other = conditional(br, "gzip");
        QCOMPARE(other.status, 200);
        QCOMPARE(other.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(conditional(plain, "br").status, 200);
    }

    void rangesApplyToTheEncodedRepresentation()
    {
        const QByteArray br = fileOf(variantPath(AppJs, ContentCoding::Brotli));
        const RawResponse partial = call("GET", "/assets/app.js", "Accept-Encoding: br\r\nRange: bytes=10-29\r\n");
        QCOMPARE(partial.status, 206);
        QCOMPARE(partial.header("Content-Encoding"), QByteArray("br"));
        QCOMPARE(partial.header("Content-Range"), "bytes 10-29/" + QByteArray::number(br.size()));
        QCOMPARE(partial.body, br.mid(10, 20));
        const RawResponse suffix = call("GET", "/assets/app.js", "Accept-Encoding: br\r\nRange: bytes=-5\r\n");
        QCOMPARE(suffix.body, br.right(5));
        const QByteArray beyond = "bytes=" + QByteArray::number(br.size()) + "-";
        const RawResponse unsatisfiable = call("GET", "/assets/app.js", "Accept-Encoding: br\r\nRange: " + beyond + "\r\n");
        QCOMPARE(unsatisfiable.status, 416);
        QCOMPARE(unsatisfiable.header("Content-Range"), "bytes */" + QByteArray::number(br.size()));
        // If-Range with the identity tag does not hold for the br answer: all of it.
        const QByteArray plainTag = '"' + DeployFixture::sha256(AppJs) + '"';
        const RawResponse whole =
            call("GET", "/assets/app.js", "Accept-Encoding: br\r\nRange: bytes=0-0\r\nIf-Range: " + plainTag + "\r\n");
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, br);
    }

    void notFoundPageIsCompressedToo()
    {
        const RawResponse response = get("/missing", "gzip");
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("Content-Encoding"), QByteArray("gzip"));
        QCOMPARE(response.header("Vary"), QByteArray("Accept-Encoding"));
        QCOMPARE(gunzip(response.body, NotFoundHtml.size()), NotFoundHtml);
        QCOMPARE(get("/missing", {}).body, NotFoundHtml);
    }

    void garbageCollectionRemovesVariants()
    {
        const core::model::Version first = m_f->service().list(m_f->alice, m_f->projectId)->constFirst();
        m_f->deployed({{"index.html", "v2"}});
        QVERIFY(m_f->service().remove(m_f->alice, first.id).ok());
        for (const QByteArray &content : {AppJs, StyleCss, IndexHtml, NoiseJs}) {
            QVERIFY(!QFileInfo::exists(m_f->store().pathFor(DeployFixture::sha256(content))));
            QVERIFY(!QFileInfo::exists(variantPath(content, ContentCoding::Brotli)));
            QVERIFY(!QFileInfo::exists(variantPath(content, ContentCoding::Gzip)));
            QCOMPARE(rows(content), 0);
        }
        QVERIFY(m_f->store().listVariants()->isEmpty());
    }

    void damagedVariantIsNeverServed()
    {
        // Damaged behind the snapshot's back: the probe sees the wrong size
        // and the plain blob is sent instead.
        const QString br = variantPath(AppJs, ContentCoding::Brotli);
        QFile file(br);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();
        const RawResponse fallback = get("/assets/app.js", "br");
        QCOMPARE(fallback.status, 200);
        QVERIFY(fallback.header("Content-Encoding").isNull());
        QCOMPARE(fallback.body, AppJs);
        QCOMPARE(fallback.header("Vary"), QByteArray("Accept-Encoding"));
    }

    void crashLeftoversAreRepairedAtStartUp()
    {
        // As a crash would leave them: a variant half written in staging, a
        // variant renamed in whose row was never written, and a recorded
        // variant cut short.
        QFile staged(m_f->store().variantStagingPath());
        QVERIFY(staged.open(QIODevice::WriteOnly) && staged.write("half") == 4);
        staged.close();
        const QString unrecorded = variantPath("hi", ContentCoding::Brotli);
        QFile planted(unrecorded);
        QVERIFY(planted.open(QIODevice::WriteOnly) && planted.write("junk") == 4);
        planted.close();
        QFile cut(variantPath(StyleCss, ContentCoding::Brotli));
        QVERIFY(cut.open(QIODevice::ReadWrite) && cut.resize(7));
        cut.close();

        m_server.reset();
        m_pipeline.reset();
        m_f->restart();
        QVERIFY(m_f->service().reconcile().ok());
        listen();

        // The cut variant was dropped with its row; the start-up sweep queued
        // its blob again, and once the background worker is done it is made
        // afresh and served.
        m_f->service().waitForVariants();
        QCOMPARE(m_f->stagingEntries(), QStringList{u"partial"_qs});
        QVERIFY(!QFileInfo::exists(unrecorded));
        QCOMPARE(rows(StyleCss, u"size IS NOT NULL"_qs), 2);
        const RawResponse css = get("/style.css", "br, gzip");
        QCOMPARE(css.header("Content-Encoding"), QByteArray("br"));
        QCOMPARE(unbrotli(css.body, StyleCss.size()), StyleCss);
        const RawResponse tiny = get("/tiny.txt", "br");
        QVERIFY(tiny.header("Content-Encoding").isNull());
        QCOMPARE(tiny.body, QByteArray("hi"));
    }
};

QTEST_GUILESS_MAIN(TestSiteCompression)
#include "tst_sitecompression.moc"
