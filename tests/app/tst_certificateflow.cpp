// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The dashboard's HTTPS line fed by a real agent that obtains its
// certificate from pebble on loopback: valid with its expiry, then a failed
// order (a new alias that points nowhere) with the CA's reason while the
// certificate stays. With
// DDD_SCREENSHOT_DIR set (under Xvfb) it also saves the project view:
//   DDD_SCREENSHOT_DIR=docs/screenshots xvfb-run -s '-screen 0 1280x800x24' build/tests/app/tst_certificateflow
#include "agent/agent.h"
#include "app/agentview.h"
#include "app/dashboardactions.h"
#include "tests/agent/pebbleserver.h"
#include "tests/app/dashboarddriver.h"
#include "tests/support/agentfixture.h"

#include <QLabel>
#include <QtTest>

using ddd::app::MainWindow;
using ddd::test::DashboardDriver;
using ddd::test::HttpTestClient;

namespace {

const QString Email = u"owner@example.com"_qs;
const QString Password = u"a long passphrase here"_qs;
constexpr int IssuanceTimeoutMs = 120000;

} // namespace

class TestCertificateFlow final : public QObject
{
    Q_OBJECT

    ddd::test::PebbleServer m_pebble;
    ddd::test::AgentFixture m_agent;
    std::unique_ptr<DashboardDriver> m_dashboard;
    qint64 m_projectId = 0;

    QLabel *line() { return m_dashboard->window().findChild<QLabel *>(u"addressCertificate"_qs); }

    QString state()
    {
        HttpTestClient http(m_agent.apiPort());
        http.setToken(m_agent.login(Email, Password));
        return http.get(u"/api/v1/projects/%1/certificate"_qs.arg(m_projectId)).json().value(u"state"_qs).toString();
    }

    void screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("DDD_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(300); // layouts and fonts settle
        QVERIFY(m_dashboard->window().grab().save(dir + u'/' + name + u".png"_qs));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent.clock.setMs(QDateTime::currentMSecsSinceEpoch());
        m_agent.config.acmeEnabled = true;
        m_agent.config.acmeEmail = u"ops@example.com"_qs;
        m_agent.config.acmeDirectoryUrl = m_pebble.directoryUrl();
        m_agent.config.acmeCaCertificates = m_pebble.listenerCaFile();
        m_agent.config.acmeRenewDays = 3000; // due again after a day
        m_agent.accessLogWriter = [](const QByteArray &) {};
        QVERIFY(m_agent.start());
        QVERIFY2(m_pebble.start(m_agent.sitePort()), qPrintable(m_pebble.output()));
        QVERIFY(m_agent.addUser(Email, Password));
        HttpTestClient http(m_agent.apiPort());
        http.setToken(m_agent.login(Email, Password));
        const auto created = http.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Spring sale"_qs}});
        m_projectId = created.json().value(u"id"_qs).toInteger();
        QCOMPARE(http.patch(u"/api/v1/projects/%1"_qs.arg(m_projectId),
                            {{u"domain"_qs, u"www.example.test"_qs}, {u"aliases"_qs, QJsonArray{u"example.test"_qs}}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(state(), u"valid"_qs, IssuanceTimeoutMs);
    }

    void projectViewShowsTheValidCertificate()
    {
        m_dashboard = std::make_unique<DashboardDriver>();
        m_dashboard->openWindow();
        QVERIFY(m_dashboard->connect(QUrl(u"http://127.0.0.1:%1"_qs.arg(m_agent.apiPort())), Email, Password));
        QTRY_VERIFY(m_dashboard->window().currentAgentView());
        m_dashboard->window().actions().showVersions->trigger();
        QTRY_VERIFY(line()->isVisible());
        QVERIFY2(line()->text().startsWith(u"Certificate valid until"_qs), qPrintable(line()->text()));
        QVERIFY(line()->text().contains(u"www.example.test, example.test"_qs));
        screenshot(u"project-certificate"_qs);
    }

    void projectViewShowsAFailedRenewal()
    {
        // A name never validated before: pebble would reuse the valid
        // authorization of one that was, 1% of the time, and not fail.
        QVERIFY(m_pebble.setAddress(u"shop.example.test"_qs, u"127.0.0.2"_qs)); // nothing listens there
        HttpTestClient http(m_agent.apiPort());
        http.setToken(m_agent.login(Email, Password));
        QCOMPARE(http.patch(u"/api/v1/projects/%1"_qs.arg(m_projectId),
                            {{u"aliases"_qs, QJsonArray{u"example.test"_qs, u"shop.example.test"_qs}}})
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(state(), u"failed"_qs, IssuanceTimeoutMs);
        m_dashboard->window().actions().refresh->trigger();
        QTRY_VERIFY(line()->text().startsWith(u"Renewal failed"_qs));
        QVERIFY2(line()->text().contains(u"shop.example.test"_qs) && line()->text().contains(u"stays valid until"_qs),
                 qPrintable(line()->text()));
        screenshot(u"project-certificate-failed"_qs);
    }
};

QTEST_MAIN(TestCertificateFlow)
#include "tst_certificateflow.moc"
