// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildengine.h"
#include "core/build/buildlogsink.h"
#include "core/build/sandboxrunner.h"

#include "tests/support/sourcetree.h"

#include <QtTest>

using namespace ddd::core::build;
using ddd::core::Result;
using ddd::test::SourceTree;

namespace {

class RecordingLog final : public BuildLogSink
{
public:
    void output(const QByteArray &line) override { lines.append(line); }
    void note(const QByteArray &line) override
    {
        notes.append(line);
        lines.append(line);
    }
    QByteArray text() const { return lines.join('\n'); }

    QList<QByteArray> notes;
    QList<QByteArray> lines;
};

// A build of one source tree into a fresh output folder.
struct Run
{
    Result<BuildOutcome> outcome;
    RecordingLog log;
    QString output;
};

const QByteArray MinifyInput = "<!DOCTYPE html>\n<html>\n  <head>\n    <title>  T  </title>\n  </head>\n  <body>\n"
                               "    <p>   several    spaces   </p>\n"
                               "<pre>  keep\n     this   exactly\n</pre>\n"
                               "    <script>var s = \"</p>  x\";</script>\n  </body>\n</html>\n";

} // namespace

class TestBuildEngine final : public QObject
{
    Q_OBJECT

    SandboxRunner m_sandbox{SandboxRunner::Options{}};
    QTemporaryDir m_outputs;
    int m_runs = 0;

    BuildPolicy policy() const
    {
        BuildPolicy policy;
        policy.flagsAllowlist = {u"--baseURL"_qs, u"--minify"_qs};
        policy.limits.wallClockMs = 120'000;
        return policy;
    }

    std::unique_ptr<Run> build(const SourceTree &source, ddd::core::model::ProjectSettings settings = {},
                               const BuildPolicy &buildPolicy = {}, bool defaultPolicy = true)
    {
        auto run = std::make_unique<Run>(Run{ddd::core::Error::make(u"none"_qs, {}), {}, {}});
        run->output = m_outputs.filePath(QString::number(++m_runs));
        QDir().mkpath(run->output);
        BuildEngine engine(m_sandbox, defaultPolicy ? policy() : buildPolicy);
        run->outcome = engine.run(BuildRequest{source.path(), run->output, settings}, run->log, {});
        if (run->outcome) {
            for (const BuildPhase &phase : run->outcome->phases)
                qInfo("%s %s: %lld ms", qPrintable(generatorName(run->outcome->detection.generator)),
                      qPrintable(phase.name), phase.durationMs);
        } else {
            qInfo("refused: %s %s\n%s", qPrintable(run->outcome.error().code),
                  qPrintable(run->outcome.error().message), run->log.text().right(3000).constData());
        }
        return run;
    }

    static QByteArray siteFile(const Run &run, const QString &path)
    {
        return SourceTree::read(QDir(run.outcome->siteDirectory).filePath(path));
    }

    static QStringList phaseNames(const BuildOutcome &outcome)
    {
        QStringList names;
        for (const BuildPhase &phase : outcome.phases)
            names.append(phase.name);
        return names;
    }

    static SourceTree &hugoSite(SourceTree &tree, const QByteArray &config = "title = 'Hugo Test'\n")
    {
        return tree.file(u"hugo.toml"_qs, "baseURL = 'https://example.org/'\n" + config)
            .file(u"layouts/index.html"_qs, "<html><body><h1>{{ .Site.Title }}</h1>{{ .Content }}</body></html>\n")
            .file(u"content/_index.md"_qs, "---\ntitle: Home\n---\nHello from *Hugo*.\n");
    }

    static SourceTree &npmSite(SourceTree &tree, const QByteArray &buildJs)
    {
        return tree.file(u"package.json"_qs, R"({"name": "t", "private": true, "scripts": {"build": "node build.js"}})")
            .file(u"build.js"_qs, "const fs = require('fs');\nfs.mkdirSync('dist/about', {recursive: true});\n" + buildJs);
    }

private slots:
    void plainIsCopiedWithoutTheSandbox()
    {
        SourceTree source;
        source.file(u"site/index.html"_qs, MinifyInput).file(u"site/css/a.css"_qs, "body {  color: red; }");
        auto run = build(source);
        QVERIFY(run->outcome);
        QCOMPARE(run->outcome->detection.generator, Generator::Plain);
        QCOMPARE(run->outcome->detection.siteRoot, u"site"_qs);
        QCOMPARE(phaseNames(*run->outcome), QStringList{u"copy"_qs});
        // Deployed as is: not minified.
        QCOMPARE(siteFile(*run, u"index.html"_qs), MinifyInput);
        QCOMPARE(siteFile(*run, u"css/a.css"_qs), QByteArray("body {  color: red; }"));
    }

    void hugoBuilds()
    {
        SourceTree source;
        hugoSite(source);
        auto run = build(source);
        QVERIFY(run->outcome);
        const Detection &detection = run->outcome->detection;
        QCOMPARE(detection.generator, Generator::Hugo);
        QVERIFY2(detection.toolchain.startsWith(u"hugo 0."_qs), qPrintable(detection.toolchain));
        QCOMPARE(phaseNames(*run->outcome), (QStringList{u"build"_qs, u"minify"_qs}));
        QVERIFY(siteFile(*run, u"index.html"_qs).contains("<h1>Hugo Test</h1>"));
        QVERIFY(siteFile(*run, u"index.html"_qs).contains("Hello from <em>Hugo</em>."));
        QVERIFY(run->log.notes.contains("== toolchain: " + detection.toolchain.toUtf8()));
        // Nothing was written into the source (it is read-only inside).
        QVERIFY(!QFileInfo::exists(source.filePath(u"resources"_qs)));
        QVERIFY(!QFileInfo::exists(source.filePath(u".hugo_build.lock"_qs)));
    }

    void hugoSiteCannotWidenItsSecurityPolicy()
    {
        SourceTree source;
        hugoSite(source, "title = 'x'\n[security.exec]\nallow = ['.*']\n[security.funcs]\ngetenv = ['.*']\n"
                         "[security.http]\nurls = ['.*']\n");
        // Without the agent's overrides this prints /home/build.
        source.file(u"layouts/index.html"_qs, "<p>home=[{{ getenv \"HOME\" }}]</p>\n");
        auto run = build(source);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.failed"_qs);
        QCOMPARE(run->outcome.error().details.value(u"phase"_qs).toString(), u"build"_qs);
        QVERIFY(run->log.text().contains("is not whitelisted in policy \"security.funcs.getenv\""));
        QVERIFY(!run->log.text().contains("home=[/home"));
    }

    void flagsAreAppendedAndRedacted()
    {
        SourceTree source;
        hugoSite(source);
        source.file(u"layouts/index.html"_qs, "<p>{{ .Site.BaseURL }}</p>\n");
        ddd::core::model::ProjectSettings settings;
        settings.buildFlags = {u"--baseURL=https://secret-value.example/"_qs};
        auto run = build(source, settings);
        QVERIFY(run->outcome);
        QVERIFY(siteFile(*run, u"index.html"_qs).contains("https://secret-value.example/"));
        QCOMPARE(run->outcome->detection.command, u"hugo --noBuildLock -d /out --baseURL=[redacted]"_qs);
        for (const QByteArray &note : run->log.notes)
            QVERIFY2(!note.contains("secret-value"), note.constData());
    }

    void flagOffTheAllowListIsRefused()
    {
        SourceTree source;
        hugoSite(source);
        ddd::core::model::ProjectSettings settings;
        settings.buildFlags = {u"--minify"_qs, u"--cacheDir=/src"_qs};
        auto run = build(source, settings);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.flag_not_allowed"_qs);
        QCOMPARE(run->outcome.error().details.value(u"rejected"_qs).toArray(), QJsonArray{u"--cacheDir"_qs});
        QVERIFY(QDir(run->output).isEmpty());
    }

    void jekyllBuildsWithMinima()
    {
        SourceTree source;
        source.file(u"_config.yml"_qs, "title: Jekyll Test\ntheme: minima\nplugins:\n  - jekyll-feed\n  - jekyll-seo-tag\n")
            .file(u"index.md"_qs, "---\nlayout: home\n---\nWelcome to *Jekyll*.\n")
            .file(u"_posts/2026-01-02-hello.md"_qs, "---\nlayout: post\ntitle: Hello\n---\nA post.\n");
        auto run = build(source);
        QVERIFY(run->outcome);
        QCOMPARE(run->outcome->detection.generator, Generator::Jekyll);
        QVERIFY(siteFile(*run, u"index.html"_qs).contains("Jekyll Test"));
        QVERIFY(siteFile(*run, u"2026/01/02/hello.html"_qs).contains("A post."));
        QVERIFY(siteFile(*run, u"feed.xml"_qs).contains("<feed"));
        QVERIFY(!siteFile(*run, u"assets/main.css"_qs).isEmpty());
        QVERIFY(!QFileInfo::exists(source.filePath(u".jekyll-cache"_qs)));
    }

    void jekyllPluginDoesNotRun()
    {
        SourceTree source;
        source.file(u"_config.yml"_qs, "title: Plugins\nsafe: false\n")
            .file(u"index.html"_qs, "<p>hi</p>\n")
            .file(u"_plugins/marker.rb"_qs,
                  "module Marker\n  class Gen < Jekyll::Generator\n    safe true\n    def generate(site)\n"
                  "      page = Jekyll::PageWithoutAFile.new(site, site.source, '', 'plugin-ran.html')\n"
                  "      page.content = 'ran'\n      site.pages << page\n    end\n  end\nend\n");
        auto run = build(source);
        QVERIFY(run->outcome);
        QVERIFY(QFileInfo::exists(QDir(run->outcome->siteDirectory).filePath(u"index.html"_qs)));
        QVERIFY(!QFileInfo::exists(QDir(run->outcome->siteDirectory).filePath(u"plugin-ran.html"_qs)));
    }

    void mkdocsBuilds()
    {
        SourceTree source;
        source.file(u"mkdocs.yml"_qs, "site_name: MkDocs Test\nnav:\n  - Home: index.md\n  - Guide: guide.md\n")
            .file(u"docs/index.md"_qs, "# Welcome\n\nSome *docs*.\n")
            .file(u"docs/guide.md"_qs, "# Guide\n\n```\ncode\n```\n");
        auto run = build(source);
        QVERIFY(run->outcome);
        QCOMPARE(run->outcome->detection.generator, Generator::MkDocs);
        QVERIFY(siteFile(*run, u"index.html"_qs).contains("MkDocs Test"));
        QVERIFY(siteFile(*run, u"guide/index.html"_qs).contains("Guide"));
    }

    void npmBuildsWithoutDependencies()
    {
        SourceTree source;
        npmSite(source, "fs.writeFileSync('dist/index.html', '<p>npm ' + process.version + '</p>');\n"
                        "fs.writeFileSync('dist/about/index.html', '<p>about</p>');\n");
        auto run = build(source);
        QVERIFY(run->outcome);
        QCOMPARE(run->outcome->detection.generator, Generator::Npm);
        QVERIFY2(run->outcome->detection.toolchain.startsWith(u"node "_qs), qPrintable(run->outcome->detection.toolchain));
        QCOMPARE(phaseNames(*run->outcome), (QStringList{u"build"_qs, u"minify"_qs}));
        QVERIFY(siteFile(*run, u"index.html"_qs).startsWith("<p>npm v"));
        QCOMPARE(siteFile(*run, u"about/index.html"_qs), QByteArray("<p>about</p>"));
        // The writable work copy is gone; the source was never written.
        QVERIFY(!QFileInfo::exists(QDir(run->output).filePath(u"work"_qs)));
        QVERIFY(!QFileInfo::exists(source.filePath(u"dist"_qs)));
    }

    void npmDependenciesNeedTheNetworkPolicy()
    {
        SourceTree source;
        npmSite(source, "");
        source.file(u"package.json"_qs, R"({"scripts": {"build": "node build.js"}, "dependencies": {"left-pad": "1.3.0"}})");
        auto run = build(source);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.failed"_qs);
        QCOMPARE(run->outcome.error().details.value(u"reason"_qs).toString(), u"install_network_disabled"_qs);
    }

    void npmScriptOffTheOperatorsListIsRefused()
    {
        SourceTree source;
        source.file(u"package.json"_qs, R"({"scripts": {"export": "node build.js"}})");
        ddd::core::model::ProjectSettings settings;
        settings.build.npmScript = u"export"_qs;
        BuildPolicy narrow = policy();
        narrow.npmScripts = {u"build"_qs};
        auto run = build(source, settings, narrow, false);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.script_not_allowed"_qs);
    }

    void symlinkInTheOutputIsRefused()
    {
        SourceTree source;
        npmSite(source, "fs.writeFileSync('dist/index.html', 'x');\nfs.symlinkSync('/etc/passwd', 'dist/about/passwd');\n");
        auto run = build(source);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.output_invalid"_qs);
        QCOMPARE(run->outcome.error().details.value(u"path"_qs).toString(), u"about/passwd"_qs);
    }

    void failingBuildReportsPhaseAndExitCode()
    {
        SourceTree source;
        npmSite(source, "console.log('about to fail');\nprocess.exit(3);\n");
        auto run = build(source);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.failed"_qs);
        QCOMPARE(run->outcome.error().details.value(u"phase"_qs).toString(), u"build"_qs);
        QCOMPARE(run->outcome.error().details.value(u"exitCode"_qs).toInt(), 3);
        QVERIFY(run->log.lines.contains("about to fail"));
    }

    void missingOutputFolder()
    {
        SourceTree source;
        npmSite(source, "fs.rmSync('dist', {recursive: true});\n");
        auto run = build(source);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.output_missing"_qs);
    }

    void minifyShrinksHtmlButKeepsPre()
    {
        SourceTree source;
        npmSite(source, "fs.copyFileSync('page.html', 'dist/index.html');\n");
        source.file(u"page.html"_qs, MinifyInput);
        auto run = build(source);
        QVERIFY(run->outcome);
        const QByteArray minified = siteFile(*run, u"index.html"_qs);
        QVERIFY2(minified.size() < MinifyInput.size() - 20, minified.constData());
        QVERIFY(minified.contains("<pre>  keep\n     this   exactly\n</pre>"));
        QVERIFY(minified.contains("\"</p>  x\""));
        QVERIFY(minified.contains("<p>several spaces</p>"));
    }

    void optOutKeepsBytesIdentical()
    {
        SourceTree source;
        npmSite(source, "fs.copyFileSync('page.html', 'dist/index.html');\n");
        source.file(u"page.html"_qs, MinifyInput);
        ddd::core::model::ProjectSettings settings;
        settings.optOutMinify = true;
        auto run = build(source, settings);
        QVERIFY(run->outcome);
        QCOMPARE(siteFile(*run, u"index.html"_qs), MinifyInput);
        QCOMPARE(phaseNames(*run->outcome), QStringList{u"build"_qs});
        // The operator's "always" beats the project's opt-out.
        BuildPolicy always = policy();
        always.minify = BuildPolicy::Minify::Always;
        auto forced = build(source, settings, always, false);
        QVERIFY(forced->outcome);
        QVERIFY(siteFile(*forced, u"index.html"_qs).size() < MinifyInput.size());
    }

    void cancelKillsTheRunningPhase()
    {
        SourceTree source;
        npmSite(source, "console.log('building');\nsetInterval(() => {}, 1000);\n");
        // Stops the build as soon as its first line arrives: no timing involved.
        struct CancellingLog final : BuildLogSink
        {
            std::stop_source stop;
            void output(const QByteArray &line) override
            {
                if (line == "building")
                    stop.request_stop();
            }
            void note(const QByteArray &) override {}
        } log;
        const QString output = m_outputs.filePath(u"cancelled"_qs);
        QDir().mkpath(output);
        BuildEngine engine(m_sandbox, policy());
        const auto outcome = engine.run(BuildRequest{source.path(), output, {}}, log, log.stop.get_token());
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, u"build.cancelled"_qs);
        QCOMPARE(outcome.error().details.value(u"phase"_qs).toString(), u"build"_qs);
        QVERIFY(!QFileInfo::exists(QDir(output).filePath(u"work"_qs)));
    }

    void timeoutKillsTheRunningPhase()
    {
        SourceTree source;
        npmSite(source, "setInterval(() => {}, 1000);\n");
        BuildPolicy short_ = policy();
        short_.limits.wallClockMs = 3000;
        auto run = build(source, {}, short_, false);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.timeout"_qs);
        QCOMPARE(run->outcome.error().details.value(u"phase"_qs).toString(), u"build"_qs);
    }

    void undetectedSource()
    {
        SourceTree source;
        source.file(u"notes.txt"_qs, "nothing to build");
        auto run = build(source);
        QVERIFY(!run->outcome);
        QCOMPARE(run->outcome.error().code, u"build.undetected"_qs);
    }
};

QTEST_GUILESS_MAIN(TestBuildEngine)
#include "tst_buildengine.moc"
