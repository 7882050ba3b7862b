// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/appsettings.h"
#include "tests/support/tempdataroot.h"

#include <QSet>
#include <QSettings>
#include <QtTest>

using namespace ddd::app;
using Key = AppSettings::Key;

class TestAppSettings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keyTableNamesEveryKeyOnce()
    {
        QSet<QString> names;
        QSet<Key> keys;
        for (const AppSettings::KeyInfo &info : AppSettings::keys()) {
            QVERIFY2(!names.contains(info.name), qPrintable(info.name));
            names.insert(info.name);
            keys.insert(info.key);
            QCOMPARE(AppSettings::info(info.key).name, info.name);
        }
        QCOMPARE(keys.size(), AppSettings::keys().size());
    }

    void noKeyLooksLikeASecret()
    {
        for (const AppSettings::KeyInfo &info : AppSettings::keys())
            for (const char *word : {"token", "password", "secret"})
                QVERIFY2(!info.name.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(info.name));
    }

    void unsetKeysAnswerTheirDefaultAndValuesPersist()
    {
        ddd::test::TempDataRoot root;
        const QString ini = root.file(u"dashboard.ini"_qs);
        {
            AppSettings settings(ini);
            QCOMPARE(settings.value(Key::Language), AppSettings::info(Key::Language).defaultValue);
            settings.setValue(Key::Language, u"de"_qs);
            settings.sync();
        }
        AppSettings reopened(ini);
        QCOMPARE(reopened.value(Key::Language).toString(), u"de"_qs);
        QCOMPARE(QSettings(ini, QSettings::IniFormat).value(u"preferences/language"_qs).toString(), u"de"_qs);
    }

    void resetLayoutKeepsConnections()
    {
        ddd::test::TempDataRoot root;
        AppSettings settings(root.file(u"dashboard.ini"_qs));
        settings.setValue(Key::WindowGeometry, QByteArray("geometry"));
        settings.setAgents({AgentProfile::create(QUrl(u"https://agent.example.com:8443"_qs))});
        settings.resetScope(AppSettings::Scope::Layout);
        QCOMPARE(settings.value(Key::WindowGeometry).toByteArray(), QByteArray());
        QCOMPARE(settings.agents().size(), 1);
    }

    void agentsRoundTripAndDropBrokenEntries()
    {
        ddd::test::TempDataRoot root;
        AppSettings settings(root.file(u"dashboard.ini"_qs));
        AgentProfile first = AgentProfile::create(QUrl(u"https://agent.example.com:8443/ddd"_qs));
        first.email = u"owner@example.com"_qs;
        first.trustedFingerprint = u"AB:CD"_qs;
        const AgentProfile second = AgentProfile::create(QUrl(u"http://127.0.0.1:8080"_qs));
        settings.setAgents({first, second});
        QCOMPARE(settings.agents(), (QList<AgentProfile>{first, second}));
        QVERIFY(first.id != second.id);
        QCOMPARE(first.label(), u"agent.example.com:8443"_qs);

        settings.setValue(Key::Agents, QStringLiteral("[{\"id\": \"x\", \"url\": \"not a url\"}, {\"url\": \"http://a.example\"}]"));
        QVERIFY(settings.agents().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
