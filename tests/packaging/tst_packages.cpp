// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `make package`: the Debian packages cpack makes from this build tree, looked
// at from outside (control fields, file lists, maintainer scripts), the unit
// checked by systemd-analyze, and the packaged agent started with the
// packaged config.
#include "tests/packaging/packagebuild.h"
#include "tests/support/agentprocess.h"
#include "tests/support/httptestclient.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ddd::test;

class TestPackages : public QObject
{
    Q_OBJECT

    PackageBuild m_packages;
    QTemporaryDir m_agentRoot; // ddd-agent's files, unpacked

    static QString readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_packages.make(QStringLiteral(DDD_BINARY_DIR)), qPrintable(m_packages.error()));
        QVERIFY(m_packages.extract(u"ddd-agent"_qs, m_agentRoot.path()));
    }

    void agentPackageNamesWhatItNeeds()
    {
        const QString depends = m_packages.field(u"ddd-agent"_qs, u"Depends"_qs);
        // adduser for the maintainer scripts, bubblewrap for builds, the
        // shared libraries found by dpkg-shlibdeps.
        for (const QString &package : {u"adduser"_qs, u"bubblewrap"_qs, u"libqt6core6"_qs, u"libarchive13"_qs})
            QVERIFY2(depends.contains(package), qPrintable(package + u" missing from: "_qs + depends));
        QVERIFY(!depends.contains(u"libqt6widgets6"_qs)); // the agent is headless
        QVERIFY(m_packages.field(u"ddd-agent"_qs, u"Recommends"_qs).contains(u"hugo"_qs));
        QVERIFY(m_packages.field(u"ddd-agent"_qs, u"Recommends"_qs).contains(u"lego"_qs));
    }

    void agentPackageInstallsBinaryUnitAndConfig()
    {
        const QStringList files = m_packages.contents(u"ddd-agent"_qs);
        for (const QString &path : {u"/usr/bin/ddd-agent"_qs, u"/usr/lib/systemd/system/ddd-agent.service"_qs,
                                    u"/etc/ddd/agent.toml"_qs})
            QVERIFY2(files.contains(path), qPrintable(path + u" not in the package"_qs));
        for (const QString &path : files)
            QVERIFY2(!path.startsWith(u"/usr/local"_qs) && !path.startsWith(u"/var"_qs), qPrintable(path));
        // An edited config survives upgrades.
        QCOMPARE(m_packages.controlFile(u"ddd-agent"_qs, u"conffiles"_qs).trimmed(), u"/etc/ddd/agent.toml"_qs);
    }

    // `ddd` comes as its own package: the binary, its manual page, no GUI.
    void cliPackageInstallsBinaryAndManualPage()
    {
        const QStringList files = m_packages.contents(u"ddd"_qs);
        QVERIFY2(files.contains(u"/usr/bin/ddd"_qs), qPrintable(files.join(u'\n')));
        QVERIFY2(std::any_of(files.cbegin(), files.cend(),
                             [](const QString &path) { return path.startsWith(u"/usr/share/man/man1/ddd.1"_qs); }),
                 qPrintable(files.join(u'\n')));
        const QString depends = m_packages.field(u"ddd"_qs, u"Depends"_qs);
        QVERIFY2(depends.contains(u"libqt6network6"_qs), qPrintable(depends));
        QVERIFY(!depends.contains(u"libqt6widgets6"_qs));
    }

    void maintainerScriptsAreValidShell()
    {
        QTemporaryDir scripts;
        for (const QString &name : {u"postinst"_qs, u"prerm"_qs, u"postrm"_qs}) {
            const QString script = m_packages.controlFile(u"ddd-agent"_qs, name);
            QVERIFY2(script.startsWith(u"#!/bin/sh"_qs), qPrintable(name));
            QFile file(scripts.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(script.toUtf8());
            file.close();
            const CommandResult syntax = CommandResult::run(u"sh"_qs, {u"-n"_qs, file.fileName()});
            QVERIFY2(syntax.ok(), qPrintable(name + u": "_qs + syntax.output));
        }
        const QString postinst = m_packages.controlFile(u"ddd-agent"_qs, u"postinst"_qs);
        QVERIFY(postinst.contains(u"adduser --system"_qs));
        QVERIFY(postinst.contains(u"chmod 0640 /etc/ddd/agent.toml"_qs));
    }

    void unitIsHardened()
    {
        const QString unit = readFile(m_agentRoot.filePath(u"usr/lib/systemd/system/ddd-agent.service"_qs));
        for (const QString &line :
             {u"ExecStart=/usr/bin/ddd-agent --config /etc/ddd/agent.toml"_qs, u"User=ddd"_qs,
              u"NoNewPrivileges=yes"_qs, u"ProtectSystem=strict"_qs, u"ReadWritePaths=/var/lib/ddd"_qs,
              u"AmbientCapabilities=CAP_NET_BIND_SERVICE"_qs, u"CapabilityBoundingSet=CAP_NET_BIND_SERVICE"_qs})
            QVERIFY2(unit.contains(u'\n' + line + u'\n'), qPrintable(line));
        QVERIFY(!unit.contains(u"DynamicUser"_qs)); // the package makes the user: files keep an owner
    }

    // systemd-analyze checks every key and that ExecStart exists; it answers 0
    // even for unknown keys, so any output at all is a failure.
    void unitPassesSystemdAnalyze()
    {
        QTemporaryDir units;
        QString unit = readFile(m_agentRoot.filePath(u"usr/lib/systemd/system/ddd-agent.service"_qs));
        unit.replace(u"ExecStart=/usr/bin/ddd-agent"_qs, u"ExecStart="_qs + m_agentRoot.filePath(u"usr/bin/ddd-agent"_qs));
        QFile file(units.filePath(u"ddd-agent.service"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(unit.toUtf8());
        file.close();
        const CommandResult verify = CommandResult::run(u"systemd-analyze"_qs, {u"verify"_qs, file.fileName()});
        QVERIFY2(verify.ok() && verify.output.trimmed().isEmpty(), qPrintable(verify.output));
    }

    void packagedAgentStartsWithPackagedConfig()
    {
        QTemporaryDir data;
        AgentProcess agent(m_agentRoot.filePath(u"usr/bin/ddd-agent"_qs), data.path());
        // The packaged config says /var/lib/ddd and port 80; the command line
        // outranks it, everything else comes from the file.
        QVERIFY2(agent.start({}, {u"--config"_qs, m_agentRoot.filePath(u"etc/ddd/agent.toml"_qs)}),
                 qPrintable(agent.output()));
        QCOMPARE(HttpTestClient(agent.apiPort()).get(u"/api/v1/health"_qs).status, 200);
        agent.stop();
    }

    void dashboardPackageCarriesDesktopEntryAndMetadata()
    {
        const QStringList files = m_packages.contents(u"ddd-dashboard"_qs);
        for (const QString &path : {u"/usr/bin/ddd-dashboard"_qs, u"/usr/share/applications/ddd-dashboard.desktop"_qs,
                                    u"/usr/share/icons/hicolor/256x256/apps/ddd-dashboard.png"_qs,
                                    u"/usr/share/metainfo/io.github.dragdropdeploy.Dashboard.metainfo.xml"_qs})
            QVERIFY2(files.contains(path), qPrintable(path + u" not in the package"_qs));
        QTemporaryDir root;
        QVERIFY(m_packages.extract(u"ddd-dashboard"_qs, root.path()));
        const CommandResult valid = CommandResult::run(
            u"appstreamcli"_qs,
            {u"validate"_qs, u"--no-net"_qs,
             root.filePath(u"usr/share/metainfo/io.github.dragdropdeploy.Dashboard.metainfo.xml"_qs)});
        QVERIFY2(valid.ok(), qPrintable(valid.output));
    }
};

QTEST_GUILESS_MAIN(TestPackages)
#include "tst_packages.moc"
