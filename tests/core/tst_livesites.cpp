// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/livesites.h"
#include "core/deploy/versionindexwriter.h"

#include <QtTest>

using namespace ddd::core::deploy;

class TestLiveSites final : public QObject
{
    Q_OBJECT

    static std::shared_ptr<const ProjectSite> site(qint64 project, int number, std::optional<QString> domain)
    {
        auto s = std::make_shared<ProjectSite>();
        s->projectId = project;
        s->versionId = project * 100 + number;
        s->versionNumber = number;
        s->slug = u"slug%1"_qs.arg(project);
        s->domain = std::move(domain);
        VersionIndexWriter writer(s->versionId);
        if (!writer.add("index.html", QByteArray(64, 'a'), number))
            qFatal("cannot index");
        s->index = *VersionIndex::fromBytes(*writer.bytes(), s->versionId);
        return s;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void looksUpByDomainAndStagingHost()
    {
        LiveSites sites(u"Example.TEST"_qs);
        sites.publish(site(1, 1, u"www.one.test"_qs));
        QCOMPARE(sites.lookup(u"www.one.test"_qs)->projectId, 1);
        QCOMPARE(sites.lookup(u"slug1.example.test"_qs)->projectId, 1);
        QVERIFY(!sites.lookup(u"unknown.test"_qs));
        QVERIFY(!sites.lookup(u"slug1"_qs));
    }

    void publishingSwapsWithoutDisturbingReaders()
    {
        LiveSites sites(u"localhost"_qs);
        sites.publish(site(1, 1, u"one.test"_qs));
        const auto before = sites.current(); // a request in flight holds this
        sites.publish(site(1, 2, u"one.test"_qs));
        QCOMPARE(before->byHost.value(u"one.test"_qs)->versionNumber, 1);
        QCOMPARE(sites.lookup(u"one.test"_qs)->versionNumber, 2);
    }

    void domainChangeDropsTheOldHost()
    {
        LiveSites sites(u"localhost"_qs);
        sites.publish(site(1, 1, u"old.test"_qs));
        sites.publish(site(1, 2, u"new.test"_qs));
        QVERIFY(!sites.lookup(u"old.test"_qs));
        QCOMPARE(sites.lookup(u"new.test"_qs)->versionNumber, 2);
    }

    void withdrawAndReset()
    {
        LiveSites sites(u"localhost"_qs);
        sites.publish(site(1, 1, u"one.test"_qs));
        sites.publish(site(2, 1, std::nullopt));
        sites.withdraw(1);
        QVERIFY(!sites.lookup(u"one.test"_qs));
        QVERIFY(!sites.lookup(u"slug1.localhost"_qs));
        QCOMPARE(sites.lookup(u"slug2.localhost"_qs)->projectId, 2);
        sites.reset({site(3, 4, u"three.test"_qs)});
        QVERIFY(!sites.lookup(u"slug2.localhost"_qs));
        QCOMPARE(sites.current()->byProject.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLiveSites)
#include "tst_livesites.moc"
