// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The client library's incremental deploy against the real agent: a redeploy
// told against the live version sends a small fraction of what the whole
// manifest would take, and a base the agent no longer has falls back to the
// whole manifest. A counting TCP relay between them measures the bytes.
#include "core/client/apiclient.h"
#include "core/client/resumableupload.h"
#include "tests/support/agentfixture.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace ddd::core;
using ddd::test::AgentFixture;
using ddd::test::HttpTestClient;

namespace {

const QString kPassword = u"correct horse battery"_qs;
constexpr int kFiles = 200;

// Relays connections to the agent and counts what the client sends.
class CountingRelay final : public QObject
{
public:
    explicit CountingRelay(quint16 target) : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_qs.arg(m_server.serverPort())); }
    qint64 sent() const { return m_sent; }
    void reset() { m_sent = 0; }

private:
    void relay(QTcpSocket *client)
    {
        auto *agent = new QTcpSocket(client);
        agent->connectToHost(QHostAddress::LocalHost, m_target);
        connect(client, &QTcpSocket::readyRead, agent, [this, client, agent] {
            const QByteArray bytes = client->readAll();
            m_sent += bytes.size();
            agent->write(bytes);
        });
        connect(agent, &QTcpSocket::readyRead, client, [client, agent] { client->write(agent->readAll()); });
        connect(agent, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

    QTcpServer m_server;
    quint16 m_target;
    qint64 m_sent = 0;
};

struct Site
{
    QHash<QString, QByteArray> bytes; // sha256 -> content
    QList<model::VersionFile> files;

    void put(const QString &path, const QByteArray &content)
    {
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        bytes.insert(hash, content);
        for (model::VersionFile &file : files)
            if (file.path == path) {
                file = {path, hash, content.size()};
                return;
            }
        files.append({path, hash, content.size()});
    }
};

} // namespace

class TestLeanClient final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    std::unique_ptr<CountingRelay> m_relay;
    std::unique_ptr<client::ApiClient> m_api;
    qint64 m_project = 0;
    QByteArray m_host;
    Site m_site;

    Result<model::Version> deploy(const std::optional<std::pair<qint64, QList<model::VersionFile>>> &base)
    {
        const QHash<QString, QByteArray> bytes = m_site.bytes;
        client::ResumableUpload upload(*m_api, m_project, m_site.files, [bytes](const QString &hash) {
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(bytes.value(hash));
            buffer->open(QIODevice::ReadOnly);
            return std::unique_ptr<QIODevice>(std::move(buffer));
        });
        if (base)
            upload.setBase(base->first, base->second);
        std::optional<Result<model::Version>> result;
        connect(&upload, &client::ResumableUpload::finished, this,
                [&result](const Result<model::Version> &version) { result.emplace(version); });
        upload.start(true);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000); }();
        return result.value_or(Error::make(u"test.timeout"_qs, u"no answer"_qs));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        const QString token = m_agent->login(u"owner@example.com"_qs, kPassword);
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        const QJsonObject project = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Client"_qs}}).json();
        m_project = project.value(u"id"_qs).toInteger();
        m_host = project.value(u"stagingHost"_qs).toString().toLatin1();
        m_relay = std::make_unique<CountingRelay>(m_agent->apiPort());
        m_api = std::make_unique<client::ApiClient>(m_relay->url());
        m_api->setToken(token);
        for (int i = 0; i < kFiles; ++i)
            m_site.put(u"section%1/page%2.html"_qs.arg(i % 10).arg(i),
                       "<html><body><h1>Page " + QByteArray::number(i) + "</h1>" + QByteArray(400, 'p') + "</body></html>");
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_relay.reset();
        m_agent.reset();
    }

    void redeployAgainstTheLiveVersionSendsOnlyTheChange()
    {
        const Result<model::Version> first = deploy(std::nullopt);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().code));
        const QList<model::VersionFile> before = m_site.files;
        // What the whole manifest alone weighs as plain JSON, as the protocol began.
        const qint64 plainManifest = client::LeanManifest::json(before, std::nullopt).size();

        m_site.put(u"section1/page1.html"_qs, "<html><body><h1>Changed one</h1>" + QByteArray(400, 'c') + "</body></html>");
        m_site.put(u"section2/page2.html"_qs, "<html><body><h1>Changed two</h1>" + QByteArray(400, 'd') + "</body></html>");
        m_relay->reset();
        const Result<model::Version> second = deploy(std::pair{first->id, before});
        QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().code));
        QCOMPARE(second->diff.changed, 2);
        // Two entries, two compressed blobs and four requests' headers.
        QVERIFY2(m_relay->sent() < plainManifest / 4,
                 qPrintable(u"sent %1 bytes; the plain manifest is %2"_qs.arg(m_relay->sent()).arg(plainManifest)));

        HttpTestClient site(m_agent->sitePort());
        QVERIFY(site.get(u"/section1/page1.html"_qs, m_host).body.contains("Changed one"));
        QVERIFY(site.get(u"/section3/page3.html"_qs, m_host).body.contains("Page 3"));
    }

    void goneBaseFallsBackToTheWholeManifest()
    {
        m_site.put(u"section4/page4.html"_qs, "<p>after the base went away</p>");
        const Result<model::Version> version = deploy(std::pair{qint64(987654), m_site.files});
        QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().code));
        QCOMPARE(version->fileCount, kFiles);
        HttpTestClient site(m_agent->sitePort());
        QCOMPARE(site.get(u"/section4/page4.html"_qs, m_host).body, QByteArray("<p>after the base went away</p>"));
    }
};

QTEST_GUILESS_MAIN(TestLeanClient)
#include "tst_leanclient.moc"
