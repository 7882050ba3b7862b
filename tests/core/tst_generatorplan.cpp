// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/generatorplan.h"

#include "tests/support/sourcetree.h"

#include <QtTest>

using ddd::core::build::BuildPlan;
using ddd::core::build::Detection;
using ddd::core::build::Generator;
using ddd::core::build::GeneratorPlan;
using ddd::core::build::SandboxSpec;
using ddd::test::SourceTree;

namespace {

QString env(const SandboxSpec &spec, const QString &name)
{
    for (const auto &[key, value] : spec.environment) {
        if (key == name)
            return value;
    }
    return u"<unset>"_qs;
}

} // namespace

class TestGeneratorPlan final : public QObject
{
    Q_OBJECT

    SourceTree m_source;
    QTemporaryDir m_output;

    GeneratorPlan::Input input(Generator generator, QString outputDir = {})
    {
        GeneratorPlan::Input in;
        in.detection = Detection{generator, QString(), {}, outputDir, {}};
        in.sourceDirectory = m_source.path();
        in.outputDirectory = m_output.path();
        return in;
    }

    BuildPlan planned(const GeneratorPlan::Input &in)
    {
        const auto plan = GeneratorPlan::make(in);
        if (!plan)
            qFatal("plan refused: %s", qPrintable(plan.error().message));
        return *plan;
    }

private slots:
    void hugoPinsItsSecurityPolicyThroughTheEnvironment()
    {
        GeneratorPlan::Input in = input(Generator::Hugo);
        in.flags = {u"--minify"_qs, u"--baseURL=https://secret.example/"_qs};
        const BuildPlan plan = planned(in);
        QCOMPARE(plan.phases.size(), 1);
        const SandboxSpec &spec = plan.phases.first().spec;
        QCOMPARE(spec.argv, (QStringList{u"hugo"_qs, u"--noBuildLock"_qs, u"--source"_qs, u"/src"_qs, u"-d"_qs, u"/out"_qs,
                                         u"--minify"_qs, u"--baseURL=https://secret.example/"_qs}));
        QCOMPARE(env(spec, u"HUGO_SECURITY_EXEC_ALLOW"_qs), u"none"_qs);
        QCOMPARE(env(spec, u"HUGO_SECURITY_HTTP_URLS"_qs), u"none"_qs);
        QCOMPARE(env(spec, u"HUGO_SECURITY_FUNCS_GETENV"_qs), u"^HUGO_"_qs);
        QVERIFY(env(spec, u"HUGO_RESOURCEDIR"_qs).startsWith(u"/tmp/"_qs));
        QVERIFY(!spec.network);
        QCOMPARE(spec.sourceDir, m_source.path());
        QCOMPARE(spec.outputDir, m_output.filePath(u"site"_qs));
        QCOMPARE(plan.siteDirectory, m_output.filePath(u"site"_qs));
        QVERIFY(plan.workDirectory.isEmpty());
        // The log never sees a flag's value.
        QCOMPARE(plan.phases.first().command,
                 u"hugo --noBuildLock --source /src -d /out --minify --baseURL=[redacted]"_qs);
        QCOMPARE(GeneratorPlan::displayCommand(Generator::Hugo, {}, in.flags, false),
                 u"hugo --noBuildLock -d /out --minify --baseURL=[redacted]"_qs);
    }

    void jekyllRunsSafeWithTheAgentsPolicyLast()
    {
        m_source.file(u"_config.yaml"_qs, "whitelist: [evil]\n");
        const BuildPlan plan = planned(input(Generator::Jekyll));
        const SandboxSpec &spec = plan.phases.first().spec;
        QVERIFY(spec.argv.contains(u"--safe"_qs));
        QVERIFY(spec.argv.contains(u"--disable-disk-cache"_qs));
        const qsizetype config = spec.argv.indexOf(u"--config"_qs);
        QVERIFY(config > 0);
        QCOMPARE(spec.argv.at(config + 1), u"/src/_config.yaml,/etc/ddd/jekyll-policy.yml"_qs);
        QCOMPARE(env(spec, u"JEKYLL_NO_BUNDLER_REQUIRE"_qs), u"true"_qs);
        QCOMPARE(spec.files.size(), 1);
        QCOMPARE(spec.files.first().first, u"/etc/ddd/jekyll-policy.yml"_qs);
        QVERIFY(spec.files.first().second.contains("safe: true"));
        QVERIFY(spec.files.first().second.contains("  - jekyll-seo-tag\n"));
        QVERIFY(!spec.files.first().second.contains("evil"));
    }

    void mkdocsBuildsReadOnly()
    {
        const BuildPlan plan = planned(input(Generator::MkDocs));
        QCOMPARE(plan.phases.first().spec.argv,
                 (QStringList{u"mkdocs"_qs, u"build"_qs, u"--config-file"_qs, u"/src/mkdocs.yml"_qs, u"--site-dir"_qs, u"/out"_qs}));
        QCOMPARE(plan.phases.first().spec.workingDirectory, u"/src"_qs);
    }

    void npmWithoutDependenciesHasOnlyAnOfflineBuild()
    {
        m_source.file(u"package.json"_qs, R"({"scripts": {"export": "node x.js"}})");
        GeneratorPlan::Input in = input(Generator::Npm, u"out/html"_qs);
        in.npmScript = u"export"_qs;
        in.flags = {u"--token=abc"_qs};
        in.installNetwork = true;
        const BuildPlan plan = planned(in);
        QCOMPARE(plan.phases.size(), 1);
        const SandboxSpec &spec = plan.phases.first().spec;
        QVERIFY(!spec.network);
        QCOMPARE(spec.argv.first(), u"sh"_qs);
        // Script name and flags are positional parameters, never script text.
        QCOMPARE(spec.argv.mid(3), (QStringList{u"export"_qs, u"--token=abc"_qs}));
        QVERIFY(!spec.argv.at(2).contains(u"abc"_qs));
        QCOMPARE(env(spec, u"DDD_OUTPUT_DIR"_qs), u"out/html"_qs);
        QCOMPARE(spec.outputDir, m_output.path());
        QCOMPARE(plan.workDirectory, m_output.filePath(u"work"_qs));
        QCOMPARE(plan.phases.first().command, u"npm run export --token=[redacted]"_qs);
    }

    void npmInstallGetsTheNetworkOnlyWhenAllowed()
    {
        m_source.file(u"package.json"_qs, R"({"scripts": {"build": "x"}, "dependencies": {"left-pad": "1"}})");
        GeneratorPlan::Input in = input(Generator::Npm, u"dist"_qs);
        const auto refused = GeneratorPlan::make(in);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"build.failed"_qs);
        QCOMPARE(refused.error().details.value(u"reason"_qs).toString(), u"install_network_disabled"_qs);
        QCOMPARE(refused.error().details.value(u"phase"_qs).toString(), u"install"_qs);

        in.installNetwork = true;
        const BuildPlan plan = planned(in);
        QCOMPARE(plan.phases.size(), 2);
        QCOMPARE(plan.phases.at(0).name, u"install"_qs);
        QVERIFY(plan.phases.at(0).spec.network);
        QVERIFY(plan.phases.at(0).spec.argv.at(2).contains(u"--ignore-scripts"_qs));
        QCOMPARE(plan.phases.at(1).name, u"build"_qs);
        QVERIFY(!plan.phases.at(1).spec.network);

        // Vendored dependencies: no install phase at all.
        m_source.folder(u"node_modules/left-pad"_qs);
        in.installNetwork = false;
        QCOMPARE(planned(in).phases.size(), 1);
    }

    void plainHasNoSandboxPhase()
    {
        const BuildPlan plan = planned(input(Generator::Plain));
        QVERIFY(plan.phases.isEmpty());
        QCOMPARE(plan.siteDirectory, m_output.filePath(u"site"_qs));
        QCOMPARE(GeneratorPlan::displayCommand(Generator::Plain, {}, {u"--x"_qs}, false), QString());
    }

    void minifyRunsInPlace()
    {
        const SandboxSpec spec = GeneratorPlan::minifySpec(u"/host/site"_qs, u"/host/src"_qs, {});
        QCOMPARE(spec.workingDirectory, u"/out"_qs);
        QCOMPARE(spec.outputDir, u"/host/site"_qs);
        QCOMPARE(spec.argv.first(), u"minify"_qs);
        QCOMPARE(spec.argv.mid(spec.argv.size() - 3), (QStringList{u"-o"_qs, u"./"_qs, u"."_qs}));
        QVERIFY(!spec.network);
    }

    void redaction()
    {
        QCOMPARE(GeneratorPlan::redactFlag(u"--minify"_qs), u"--minify"_qs);
        QCOMPARE(GeneratorPlan::redactFlag(u"--token=a=b"_qs), u"--token=[redacted]"_qs);
        QCOMPARE(GeneratorPlan::redactFlag(u"--empty="_qs), u"--empty=[redacted]"_qs);
    }
};

QTEST_GUILESS_MAIN(TestGeneratorPlan)
#include "tst_generatorplan.moc"
