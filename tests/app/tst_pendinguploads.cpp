// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/appsettings.h"
#include "app/pendinguploads.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

using namespace ddd::app;
using Entry = PendingUploads::Entry;

class TestPendingUploads final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void survivesARestartAndReplacesPerProject()
    {
        ddd::test::TempDataRoot root;
        const QString ini = root.file(u"dashboard.ini"_qs);
        const Entry first{u"agent-a"_qs, 7, u"Site"_qs, u"/home/me/site"_qs, u"9"_qs, {u"aa"_qs, u"bb"_qs}, true};
        const Entry other{u"agent-b"_qs, 7, u"Site"_qs, u"/home/me/other"_qs, u"3"_qs, {u"cc"_qs}, false};
        {
            AppSettings settings(ini);
            PendingUploads pending(settings);
            pending.save(first);
            pending.save(other);
            Entry newer = first;
            newer.remaining = {u"bb"_qs};
            pending.save(newer);
        }
        AppSettings settings(ini);
        PendingUploads pending(settings);
        QCOMPARE(pending.forAgent(u"agent-a"_qs).size(), 1);
        QCOMPARE(pending.find(u"agent-a"_qs, 7)->remaining, QStringList{u"bb"_qs});
        QCOMPARE(*pending.find(u"agent-b"_qs, 7), other);
        pending.remove(u"agent-a"_qs, 7);
        QVERIFY(!pending.find(u"agent-a"_qs, 7));
        QVERIFY(pending.find(u"agent-b"_qs, 7));
    }

    void incompleteEntriesAreIgnored()
    {
        QVERIFY(!Entry::fromJson(Entry{u"a"_qs, 0, {}, u"/p"_qs, u"1"_qs, {}, false}.toJson()));
        QVERIFY(!Entry::fromJson(Entry{u"a"_qs, 7, {}, u"/p"_qs, QString(), {}, false}.toJson()));
        QVERIFY(Entry::fromJson(Entry{u"a"_qs, 7, {}, u"/p"_qs, u"1"_qs, {}, false}.toJson()));
    }
};

QTEST_GUILESS_MAIN(TestPendingUploads)
#include "tst_pendinguploads.moc"
