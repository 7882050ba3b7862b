// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A 100,000-file version through the real agent: activation, rollback,
// restart, a damaged and a missing version index at start-up, retention and
// project removal, checked by the bytes served on sampled paths. Speed
// belongs in bench/activation.py, never here.
#include "agent/agent.h"
#include "core/deploy/versionindex.h"
#include "tests/support/agentfixture.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QFile>
#include <QtTest>

using namespace ddd::test;
using ddd::core::deploy::VersionIndex;

namespace {

const QString kPassword = u"correct horse battery"_qs;
constexpr int kFiles = 100000;
constexpr int kSamples[] = {0, 1, 255, 256, 4097, 12345, 50000, 77777, 99998, 99999};

QByteArray pathOf(int i)
{
    return "d" + QByteArray::number(i % 97) + "/f" + QByteArray::number(i) + ".txt";
}

// Four distinct contents per version: few blobs to send (each blob PUT of an
// upload session costs time proportional to its manifest), every sampled
// path still checkable.
QByteArray contentOf(int version, int i)
{
    return "v" + QByteArray::number(version) + "-" + QByteArray::number(i % 4) + "\n";
}

QByteArray hashOf(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestLargeVersion final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_host;
    qint64 m_v1 = 0;
    qint64 m_v2 = 0;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    qint64 deploy(const QByteArray &archive)
    {
        const HttpReply reply = api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project),
                                           archive, {{"Content-Type", "application/octet-stream"}});
        if (reply.status != 201)
            qWarning() << reply.status << reply.body.left(300);
        return reply.json().value(u"id"_qs).toInteger();
    }

    // The incremental protocol: a 100,000-entry manifest naming five small
    // blobs, only those sent. Much faster than unpacking an archive, and the
    // version is the same.
    qint64 deployLarge(int version)
    {
        QJsonArray files;
        QHash<QByteArray, QByteArray> blobs;
        const auto add = [&](const QByteArray &path, const QByteArray &content) {
            const QByteArray hash = blobs.contains(content) ? blobs.value(content) : hashOf(content);
            blobs.insert(content, hash);
            files.append(QJsonObject{{u"path"_qs, QString::fromUtf8(path)}, {u"sha256"_qs, QString::fromLatin1(hash)},
                                     {u"size"_qs, content.size()}});
        };
        for (int i = 0; i < kFiles; ++i)
            add(pathOf(i), contentOf(version, i));
        add("index.html", "<h1>v" + QByteArray::number(version) + "</h1>");
        const HttpReply plan = api().post(u"/api/v1/projects/%1/uploads"_qs.arg(m_project), {{u"files"_qs, files}});
        if (plan.status != 201 && plan.status != 200)
            qWarning() << plan.status << plan.body.left(300);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        const QJsonArray missing = plan.json().value(u"missing"_qs).toArray();
        for (auto it = blobs.cbegin(); it != blobs.cend(); ++it)
            if (missing.contains(QString::fromLatin1(it.value())))
                api().send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(it.value())), it.key());
        const HttpReply done = api().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"activate"_qs, true}});
        if (done.status != 201)
            qWarning() << done.status << done.body.left(300);
        return done.json().value(u"id"_qs).toInteger();
    }

    bool serves(int version)
    {
        HttpTestClient site(m_agent->sitePort());
        for (int i : kSamples) {
            const HttpReply reply = site.get(u"/"_qs + QString::fromLatin1(pathOf(i)), m_host);
            if (reply.status != 200 || reply.body != contentOf(version, i)) {
                qWarning() << "path" << pathOf(i) << reply.status << reply.body;
                return false;
            }
        }
        return site.get(u"/d3/f100000.txt"_qs, m_host).status == 404;
    }

    int activate(qint64 versionId)
    {
        return api().send("POST", u"/api/v1/deploys/%1/activate"_qs.arg(versionId)).status;
    }

    QString indexPath(qint64 versionId) const
    {
        return m_agent->dataDir() + u"/indexes/%1.idx"_qs.arg(versionId);
    }

    bool indexIsSound(qint64 versionId) const
    {
        auto index = VersionIndex::open(indexPath(versionId), versionId);
        return index && (*index)->size() == kFiles + 1 && (*index)->verify();
    }

    void restart()
    {
        m_agent->stop();
        QVERIFY(m_agent->start());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.maxArchiveEntries = 2 * kFiles;
        m_agent->config.maxJsonBodyBytes = qint64(64) << 20;
        m_agent->config.retainVersions = 1;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Large"_qs}});
        m_project = project.json().value(u"id"_qs).toInteger();
        m_host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
        QVERIFY(m_project > 0);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void largeVersionsGoLiveAndRollBack()
    {
        m_v1 = deployLarge(1);
        QVERIFY(m_v1 > 0);
        QVERIFY(serves(1));
        QVERIFY(indexIsSound(m_v1));
        m_v2 = deployLarge(2);
        QVERIFY(m_v2 > 0);
        QVERIFY(serves(2));
        QCOMPARE(api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {}).status, 200);
        QVERIFY(serves(1));
        QCOMPARE(activate(m_v2), 200);
        QVERIFY(serves(2));
    }

    void restartServesTheSameVersion()
    {
        restart();
        QVERIFY(serves(2));
        QCOMPARE(activate(m_v1), 200);
        QVERIFY(serves(1));
        QCOMPARE(activate(m_v2), 200);
        QVERIFY(serves(2));
    }

    void damagedAndMissingIndexesAreRebuiltAtStartup()
    {
        m_agent->stop();
        QFile live(indexPath(m_v2));
        QVERIFY(live.resize(live.size() / 2)); // the live version's: truncated
        QVERIFY(QFile::remove(indexPath(m_v1))); // as in a data directory from before indexes
        QVERIFY(m_agent->start());
        QVERIFY(indexIsSound(m_v2));
        QVERIFY(indexIsSound(m_v1));
        QVERIFY(serves(2));
        QCOMPARE(activate(m_v1), 200);
        QVERIFY(serves(1));
        QCOMPARE(activate(m_v2), 200);
    }

    void aMissingIndexIsWrittenWhenActivating()
    {
        QVERIFY(QFile::remove(indexPath(m_v1))); // deleted behind the agent's back
        QCOMPARE(activate(m_v1), 200);
        QVERIFY(serves(1));
        QVERIFY(indexIsSound(m_v1));
        QCOMPARE(activate(m_v2), 200);
        QVERIFY(serves(2));
    }

    void retentionDeletesTheIndexOfARemovedVersion()
    {
        // v3 live, v2 the previous live one: with one version retained, v1 goes.
        const qint64 v3 = deploy(ZipBuilder().file("index.html", "<h1>v3</h1>").build());
        QVERIFY(v3 > 0);
        QCOMPARE(HttpTestClient(m_agent->sitePort()).get(u"/"_qs, m_host).body, QByteArray("<h1>v3</h1>"));
        QCOMPARE(api().get(u"/api/v1/deploys/%1"_qs.arg(m_v1)).status, 404);
        QVERIFY(!QFile::exists(indexPath(m_v1)));
        QVERIFY(indexIsSound(m_v2));
        QCOMPARE(api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {}).status, 200);
        QVERIFY(serves(2));
    }

    void projectRemovalDeletesItsIndexes()
    {
        QCOMPARE(api().del(u"/api/v1/projects/%1"_qs.arg(m_project)).status, 204);
        QVERIFY(!QFile::exists(indexPath(m_v2)));
        QCOMPARE(QDir(m_agent->dataDir() + u"/indexes"_qs).entryList(QDir::Files), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestLargeVersion)
#include "tst_largeversion.moc"
