// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The packages installed for real with dpkg, maintainer scripts and all, on
// throw-away overlays of /etc, /usr and /var (install-into-overlay.sh): the
// system users, the data root and config permissions, the installed agent
// running as `ddd` with the packaged config, an edited config kept, data kept
// on removal. Needs root (mount and dpkg), so CMake registers it only then.
#include "tests/packaging/packagebuild.h"

#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace ddd::test;

class TestPackageInstall : public QObject
{
    Q_OBJECT

    QHash<QString, QString> m_report; // key=value lines the script printed
    QString m_output;

private slots:
    void initTestCase()
    {
        PackageBuild packages;
        QVERIFY2(packages.make(QStringLiteral(DDD_BINARY_DIR)), qPrintable(packages.error()));
        QTemporaryDir scratch;
        const CommandResult install = CommandResult::run(
            u"unshare"_qs,
            {u"-m"_qs, u"--propagation"_qs, u"private"_qs, QStringLiteral(DDD_SOURCE_DIR) + u"/install-into-overlay.sh"_qs,
             scratch.path(), packages.deb(u"ddd-agent"_qs), packages.deb(u"ddd-dashboard"_qs)},
            300000);
        m_output = install.output;
        QVERIFY2(install.ok(), qPrintable(m_output));
        // dpkg talks on stderr too: only "key=value" lines with a lower-case key count.
        static const QRegularExpression reportLine(u"^([a-z_]+)=(.*)$"_qs);
        for (const QString &line : m_output.split(u'\n'))
            if (const QRegularExpressionMatch match = reportLine.match(line); match.hasMatch())
                m_report.insert(match.captured(1), match.captured(2));
    }

    void installsAndConfigures()
    {
        QCOMPARE(m_report.value(u"status"_qs), u"install ok installed"_qs);
        QCOMPARE(m_report.value(u"user"_qs), u"ddd:/var/lib/ddd:/usr/sbin/nologin"_qs);
        QCOMPARE(m_report.value(u"build_user"_qs), u"ddd-build:/usr/sbin/nologin"_qs);
        QCOMPARE(m_report.value(u"data_dir"_qs), u"ddd:ddd:700"_qs);
        QCOMPARE(m_report.value(u"config"_qs), u"root:ddd:640"_qs);
    }

    void installedAgentRunsAsItsUser()
    {
        QVERIFY2(m_report.value(u"health"_qs) == u"200"_qs, qPrintable(m_output));
        QCOMPARE(m_report.value(u"db_owner"_qs), u"ddd"_qs);
    }

    void upgradeKeepsEditedConfigAndRemovalKeepsData()
    {
        QCOMPARE(m_report.value(u"edit_kept"_qs), u"1"_qs);
        QVERIFY2(m_report.value(u"removed"_qs).startsWith(u"deinstall"_qs), qPrintable(m_report.value(u"removed"_qs)));
        QCOMPARE(m_report.value(u"data_kept"_qs), u"yes"_qs);
    }
};

QTEST_GUILESS_MAIN(TestPackageInstall)
#include "tst_packageinstall.moc"
