// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The crash matrix's checks can fail: each damage a crash could leave,
// planted in a real agent's data root, is reported by CrashInvariants.
#include "core/storage/database.h"
#include "tests/agent/crashagent.h"
#include "tests/agent/crashinvariants.h"
#include "tests/support/tempdataroot.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using ddd::test::CrashAgent;
using ddd::test::CrashInvariants;

namespace {

bool plant(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

bool reports(const QStringList &violations, const QString &start)
{
    return std::any_of(violations.cbegin(), violations.cend(), [&](const QString &line) { return line.startsWith(start); });
}

} // namespace

class TestCrashInvariants final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reportsEveryPlantedDamage()
    {
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path());
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        QCOMPARE(agent.deploy(agent.createProject(u"Sound"_qs, nullptr), 1, true).status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(CrashInvariants::decidedBlobs(root.path()) >= 1 + CrashAgent::kPages, 30000);
        agent.stop();
        QCOMPARE(CrashInvariants::onDisk(root.path()), QStringList());

        const QString orphan = QString(64, u'a');
        QVERIFY(plant(root.file(u"blobs/aa/"_qs + orphan), "nobody names me"));
        QVERIFY(plant(root.file(u"blobs/aa/"_qs + orphan + u".br"_qs), "no row"));
        QVERIFY(plant(root.file(u"staging/ingest-1/x"_qs), "left"));
        QVERIFY(plant(root.file(u"work/build-1/out/index.html"_qs), "left"));
        QVERIFY(plant(root.file(u"certificates/half.example/fullchain.pem"_qs), "# one\n"));
        QVERIFY(plant(root.file(u"certificates/mixed.example/fullchain.pem"_qs), "# one\n"));
        QVERIFY(plant(root.file(u"certificates/mixed.example/privkey.pem"_qs), "# two\n"));
        auto db = ddd::core::storage::Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db);
        QVERIFY(db->exec(u"UPDATE versions SET status = 'processing'"_qs));
        QVERIFY(db->exec(u"DELETE FROM version_files WHERE path = 'pages/p0.html'"_qs)); // its blob: an orphan

        const QStringList found = CrashInvariants::onDisk(root.path());
        for (const QString &kind : {u"orphaned blob: "_qs + orphan, u"variant without its row"_qs, u"left in staging: ingest-1"_qs,
                                    u"left in the build work folder"_qs, u"half-installed certificate: half.example"_qs,
                                    u"certificate and key of different issuances"_qs, u"version left half-made"_qs,
                                    u"live pointer not at the live version"_qs})
            QVERIFY2(reports(found, kind), qPrintable(kind + u" not in:\n"_qs + found.join(u'\n')));
        QCOMPARE(found.filter(u"orphaned blob"_qs).size(), 2);
    }

    void reportsAMissingBlob()
    {
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path());
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        QCOMPARE(agent.deploy(agent.createProject(u"Sound"_qs, nullptr), 1, true).status, 201);
        agent.stop();
        // The shard folders all exist; the first one holding a blob loses it.
        QString blob;
        for (const QString &shard : QDir(root.file(u"blobs"_qs)).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            if (const QStringList files = QDir(root.file(u"blobs/"_qs + shard)).entryList(QDir::Files); !files.isEmpty()) {
                blob = shard + u'/' + files.first().left(64);
                break;
            }
        QVERIFY(QFile::remove(root.file(u"blobs/"_qs + blob)));
        const QStringList found = CrashInvariants::onDisk(root.path());
        QVERIFY2(reports(found, u"blob of a servable version missing"_qs), qPrintable(blob + u": "_qs + found.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCrashInvariants)
#include "tst_crashinvariants.moc"
