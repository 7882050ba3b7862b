// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// kill -9 while a certificate is renewed (new names: the installed pair is
// replaced), at the installer's two steps: the new pair written beside the
// old one, and the pair swapped in before the status file says so. A stand-in
// lego (a shell script with the openssl command) issues self-signed pairs
// whose two files start with the same line, so no pebble is needed and a
// pair mixed from two issuances shows. After the kill the installed pair is
// whole; after the restart the renewal completes and nothing is left over.
#include "tests/agent/crashagent.h"
#include "tests/agent/crashcheck.h"
#include "tests/agent/crashinvariants.h"
#include "tests/support/tempdataroot.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using ddd::test::CrashAgent;
using ddd::test::CrashCheck;
using ddd::test::CrashInvariants;

namespace {

const QString kDomain = u"blog.example.test"_qs;
const QString kAlias = u"www.blog.example.test"_qs;

// lego's command line, as LegoCommand builds it: --path DIR and -d NAME...
const char kFakeLego[] = R"sh(#!/bin/sh
path=; names=
while [ $# -gt 0 ]; do
    case "$1" in
        --path) path=$2; shift ;;
        -d) names="$names $2"; shift ;;
    esac
    shift
done
set -- $names
san=$(printf 'DNS:%s,' $names)
tmp=$(mktemp -d) || exit 1
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 90 -subj "/CN=$1" \
    -addext "subjectAltName=${san%,}" -keyout "$tmp/key" -out "$tmp/crt" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
mark="# issuance $(date +%s%N) for$names"
mkdir -p "$path/certificates"
{ echo "$mark"; cat "$tmp/crt"; } > "$path/certificates/$1.crt"
{ echo "$mark"; cat "$tmp/key"; } > "$path/certificates/$1.key"
rm -rf "$tmp"
)sh";

} // namespace

class TestCrashAcme final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tools;
    QString m_lego;

    QStringList acmeArguments() const
    {
        return {u"--acme-enabled"_qs, u"true"_qs, u"--acme-email"_qs, u"ops@example.com"_qs, u"--acme-directory-url"_qs,
                u"https://acme.invalid/directory"_qs, u"--acme-lego"_qs, m_lego};
    }

    static QString certificateState(CrashAgent &agent, qint64 project)
    {
        return agent.api().get(u"/api/v1/projects/%1/certificate"_qs.arg(project)).json().value(u"state"_qs).toString();
    }

    static QByteArray firstLine(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readLine() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_lego = m_tools.filePath(u"lego"_qs);
        QFile script(m_lego);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(kFakeLego);
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFile::ExeOwner));
    }

    void killDuringRenewal_data()
    {
        QTest::addColumn<QString>("crashPoint");
        QTest::newRow("new pair staged") << u"acme.pair_staged"_qs;
        QTest::newRow("new pair installed") << u"acme.pair_installed"_qs;
    }

    void killDuringRenewal()
    {
        QFETCH(QString, crashPoint);
        ddd::test::TempDataRoot root;
        CrashAgent agent(root.path(), acmeArguments());
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        CrashCheck::Site site;
        site.project = agent.createProject(u"Blog"_qs, &site.host, {{u"domain"_qs, kDomain}});
        QCOMPARE(agent.deploy(site.project, 1, true).status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(certificateState(agent, site.project), u"valid"_qs, 30000);
        const QString pair = root.file(u"certificates/"_qs + kDomain);
        const QByteArray first = firstLine(pair + u"/fullchain.pem"_qs);
        QVERIFY(first.startsWith("# issuance"));
        QTRY_VERIFY_WITH_TIMEOUT(CrashInvariants::decidedBlobs(root.path()) >= 1 + CrashAgent::kPages, 30000);
        agent.stop();

        // New names: the manager wakes, lego issues, the installer replaces.
        QVERIFY2(agent.start(crashPoint), qPrintable(agent.process().output()));
        agent.api().patch(u"/api/v1/projects/%1"_qs.arg(site.project), {{u"aliases"_qs, QJsonArray{kAlias}}});
        QVERIFY2(agent.process().waitForKill(), "the crash point was never reached");
        const QByteArray installed = firstLine(pair + u"/fullchain.pem"_qs);
        QCOMPARE(firstLine(pair + u"/privkey.pem"_qs), installed);
        QCOMPARE(installed == first, crashPoint == u"acme.pair_staged"_qs);

        // The restart finishes the renewal for the new names.
        QVERIFY2(agent.start(), qPrintable(agent.process().output()));
        QTRY_VERIFY_WITH_TIMEOUT(firstLine(pair + u"/fullchain.pem"_qs).contains(kAlias.toUtf8())
                                     && certificateState(agent, site.project) == u"valid"_qs, 30000);
        agent.stop();
        const QStringList violations = CrashCheck::afterCrash(agent, {site}, CrashCheck::oneOf({1}));
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestCrashAcme)
#include "tst_crashacme.moc"
