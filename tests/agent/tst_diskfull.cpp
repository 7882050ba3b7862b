// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A full disk answers 507 storage.disk_full with nothing half-written, on
// every upload path: a real agent on a small tmpfs data root (the tests run
// as root), filled to a chosen margin. After each refusal nothing is left
// in staging, no version is stuck, the live site is unchanged, and once
// space is freed the next deploy works. SQLite's own SQLITE_FULL maps to the
// same code. (A Content-Length above the free space is refused before the
// body is read: tst_uploadrefusals.)
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "tests/support/agentprocess.h"
#include "tests/support/commandresult.h"
#include "tests/support/httptestclient.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QtTest>

using ddd::test::AgentProcess;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::ZipBuilder;

namespace {

const QString kEmail = u"owner@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;

// Text that deflate shrinks to about 60%: a zip small enough to spool that
// unpacks to more than the disk has left, far from the zip-bomb ratio.
QByteArray hexNoise(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size / 2, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes.toHex();
}

// A tmpfs of `megabytes` mounted on a fresh directory for one test.
class SmallDisk final
{
public:
    explicit SmallDisk(int megabytes)
    {
        m_mounted = m_directory.isValid()
            && ddd::test::CommandResult::run(u"mount"_qs, {u"-t"_qs, u"tmpfs"_qs, u"-o"_qs, u"size=%1m"_qs.arg(megabytes),
                                               u"tmpfs"_qs, m_directory.path()}, 30000).ok();
    }
    ~SmallDisk()
    {
        if (m_mounted)
            ddd::test::CommandResult::run(u"umount"_qs, {m_directory.path()}, 30000);
    }
    bool mounted() const { return m_mounted; }
    QString path() const { return m_directory.path(); }
    qint64 available() const { return QStorageInfo(m_directory.path()).bytesAvailable(); }

    // Takes space until only `margin` bytes are left.
    bool fillLeaving(qint64 margin)
    {
        QFile filler(m_directory.path() + u"/filler"_qs);
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Append))
            return false;
        const QByteArray chunk(64 * 1024, 'f');
        while (available() > margin + chunk.size())
            if (filler.write(chunk) != chunk.size() || !filler.flush())
                return false;
        return true;
    }
    void freeSpace() { QFile::remove(m_directory.path() + u"/filler"_qs); }

private:
    QTemporaryDir m_directory;
    bool m_mounted = false;
};

} // namespace

class TestDiskFull final : public QObject
{
    Q_OBJECT

    struct Site
    {
        QString token;
        qint64 project = 0;
        QByteArray host;
    };

    std::unique_ptr<SmallDisk> m_disk;
    std::unique_ptr<AgentProcess> m_agent;
    Site m_site;

    HttpTestClient api() const
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_site.token);
        return http;
    }

    HttpReply deployZip(const QByteArray &archive)
    {
        return api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_site.project), archive,
                          {{"Content-Type", "application/zip"}});
    }

    QByteArray served(const QString &path) const
    {
        return HttpTestClient(m_agent->sitePort()).get(path, m_site.host).body;
    }

    QStringList stagingLeftovers() const
    {
        QStringList entries = QDir(dataDir() + u"/staging"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        entries.removeAll(u"partial"_qs);
        entries.removeAll(u"archives"_qs); // open archive upload sessions
        return entries;
    }

    QString dataDir() const { return m_disk->path() + u"/data"_qs; }

    // Nothing half-written: staging empty, no version stuck, old site served,
    // and with space again a deploy goes live.
    void expectNothingHalfWritten()
    {
        QTRY_COMPARE_WITH_TIMEOUT(stagingLeftovers(), QStringList(), 10000);
        for (const QJsonValue &version : api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_site.project)).items()) {
            const QString status = version.toObject().value(u"status"_qs).toString();
            QVERIFY2(status == u"live" || status == u"retired" || status == u"ready", qPrintable(status));
        }
        QCOMPARE(served(u"/"_qs), QByteArray("<h1>one</h1>"));
        m_disk->freeSpace();
        ZipBuilder zip;
        zip.file("index.html", "<h1>two</h1>");
        QCOMPARE(deployZip(zip.build()).status, 201);
        QCOMPARE(served(u"/"_qs), QByteArray("<h1>two</h1>"));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_disk = std::make_unique<SmallDisk>(24);
        QVERIFY2(m_disk->mounted(), "cannot mount a tmpfs (the tests run as root)");
        m_agent = std::make_unique<AgentProcess>(QStringLiteral(DDD_AGENT_BINARY), dataDir());
        QVERIFY(m_agent->addUser(kEmail, kPassword));
        QVERIFY2(m_agent->start(), qPrintable(m_agent->output()));
        HttpTestClient http(m_agent->apiPort());
        m_site.token = http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, kEmail}, {u"password"_qs, kPassword}})
                           .json().value(u"token"_qs).toString();
        const QJsonObject project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Full"_qs}}).json();
        m_site.project = project.value(u"id"_qs).toInteger();
        m_site.host = project.value(u"stagingHost"_qs).toString().toLatin1();
        ZipBuilder zip;
        zip.file("index.html", "<h1>one</h1>");
        QCOMPARE(deployZip(zip.build()).status, 201);
    }

    void cleanup()
    {
        m_agent.reset(); // stops the agent before its disk goes
        m_disk.reset();
    }

    void archiveThatUnpacksPastTheDisk()
    {
        ZipBuilder zip;
        for (int i = 0; i < 4; ++i)
            zip.file("big" + QByteArray::number(i) + ".txt", hexNoise(1 << 20, quint32(i)));
        const QByteArray archive = zip.build();
        QVERIFY(m_disk->fillLeaving(archive.size() + 1024 * 1024));
        const HttpReply reply = deployZip(archive);
        QCOMPARE(reply.status, 507);
        QCOMPARE(reply.errorCode(), u"storage.disk_full"_qs);
        expectNothingHalfWritten();
    }

    void incrementalBlobLargerThanTheDisk()
    {
        const QByteArray content = hexNoise(3 << 20, 9);
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const QJsonArray files{QJsonObject{{u"path"_qs, u"big.txt"_qs}, {u"sha256"_qs, hash}, {u"size"_qs, content.size()}}};
        const HttpReply plan = api().post(u"/api/v1/projects/%1/uploads"_qs.arg(m_site.project), {{u"files"_qs, files}});
        QVERIFY2(plan.status == 201 || plan.status == 200, plan.body.constData());
        // The disk runs out within the last 256 KiB of the body, when the
        // client has sent it all: the 507 is then read, not lost to a reset.
        QVERIFY(m_disk->fillLeaving(content.size() - 256 * 1024));
        const HttpReply put = api().send(
            "PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(plan.json().value(u"uploadId"_qs).toString(), hash), content);
        QCOMPARE(put.status, 507);
        QCOMPARE(put.errorCode(), u"storage.disk_full"_qs);
        expectNothingHalfWritten();
    }

    // A piece of an archive upload session that meets a full disk: 507, and
    // the session stays at its last whole write, resumable once there is room.
    void archiveSessionKeepsItsOffset()
    {
        const QByteArray archive =
            ZipBuilder().file("index.html", "<h1>session</h1>").file("big.txt", hexNoise(3 << 20, 11), false).build();
        const HttpReply created = api().post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_site.project),
                                             {{u"size"_qs, archive.size()}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_qs).toString();
        QVERIFY(m_disk->fillLeaving(archive.size() - 256 * 1024));
        const HttpReply full = api().send("PATCH", u"/api/v1/archive-uploads/"_qs + id, archive, {{"Upload-Offset", "0"}});
        QCOMPARE(full.status, 507);
        QCOMPARE(full.errorCode(), u"storage.disk_full"_qs);
        const qint64 offset = api().get(u"/api/v1/archive-uploads/"_qs + id).json().value(u"offset"_qs).toInteger();
        QVERIFY(offset < archive.size());
        QCOMPARE(QFileInfo(dataDir() + u"/staging/archives/"_qs + id + u"/archive.part"_qs).size(), offset);
        m_disk->freeSpace();
        const HttpReply rest = api().send("PATCH", u"/api/v1/archive-uploads/"_qs + id, archive.mid(offset),
                                          {{"Upload-Offset", QByteArray::number(offset)}});
        QCOMPARE(rest.status, 200);
        QCOMPARE(api().post(u"/api/v1/archive-uploads/%1/complete"_qs.arg(id), {{u"activate"_qs, true}}).status, 201);
        QCOMPARE(served(u"/"_qs), QByteArray("<h1>session</h1>"));
        QCOMPARE(QDir(dataDir() + u"/staging/archives"_qs).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }

    // SQLITE_FULL (a commit that cannot grow the database) is storage.disk_full too.
    void databaseFullIsDiskFull()
    {
        m_agent.reset();
        auto db = ddd::core::storage::Database::open(m_disk->path() + u"/full.db"_qs);
        QVERIFY(db.ok());
        QVERIFY(db->exec(u"CREATE TABLE t (data BLOB)"_qs).ok());
        QVERIFY(m_disk->fillLeaving(256 * 1024));
        QString code;
        for (int i = 0; i < 64 && code.isEmpty(); ++i) {
            auto insert = db->prepare(u"INSERT INTO t VALUES (randomblob(65536))"_qs);
            QVERIFY(insert.ok());
            if (auto done = insert->run(); !done)
                code = done.error().code;
        }
        QCOMPARE(code, u"storage.disk_full"_qs);
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
