// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/builddetector.h"

#include "tests/support/sourcetree.h"

#include <QtTest>

using ddd::core::build::BuildDetector;
using ddd::core::build::Detection;
using ddd::core::build::Generator;
using ddd::test::SourceTree;

class TestBuildDetector final : public QObject
{
    Q_OBJECT

    static Detection detected(const SourceTree &tree, const BuildDetector::Choice &choice = {})
    {
        const auto detection = BuildDetector::detect(tree.path(), choice);
        if (!detection)
            qWarning() << detection.error().code << detection.error().message;
        return detection ? *detection : Detection{Generator::Plain, u"<failed>"_qs, {}, {}, {}};
    }

    static QString refusalReason(const SourceTree &tree, const BuildDetector::Choice &choice = {})
    {
        const auto detection = BuildDetector::detect(tree.path(), choice);
        if (detection)
            return u"<detected "_qs + ddd::core::build::generatorName(detection->generator) + u'>';
        if (detection.error().code != u"build.undetected"_qs)
            return u"<wrong code "_qs + detection.error().code + u'>';
        return detection.error().details.value(u"reason"_qs).toString();
    }

private slots:
    void hugoNeedsConfigAndAContentFolder_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("folder");
        for (const char *config : {"hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml", "config.json"})
            for (const char *folder : {"content", "layouts", "themes"})
                QTest::newRow(qPrintable(QString::fromLatin1(config) + u'+' + QString::fromLatin1(folder)))
                    << QString::fromLatin1(config) << QString::fromLatin1(folder);
    }

    void hugoNeedsConfigAndAContentFolder()
    {
        QFETCH(QString, config);
        QFETCH(QString, folder);
        SourceTree tree;
        tree.file(config, "title = 'x'\n").folder(folder);
        const Detection detection = detected(tree);
        QCOMPARE(detection.generator, Generator::Hugo);
        QCOMPARE(detection.siteRoot, QString());
        QCOMPARE(detection.outputDir, u"public"_qs);
        QCOMPARE(detection.command, u"hugo --noBuildLock -d /out"_qs);
        QCOMPARE(detection.toolchain, QString()); // filled by the agent only
    }

    void hugoConfigAloneIsNotHugo()
    {
        SourceTree tree;
        tree.file(u"config.toml"_qs, "x = 1\n").file(u"index.html"_qs, "<p>hi</p>");
        QCOMPARE(detected(tree).generator, Generator::Plain);
        SourceTree bare;
        bare.file(u"config.toml"_qs, "x = 1\n");
        QCOMPARE(refusalReason(bare), u"nothing_found"_qs);
    }

    void jekyllAndMkDocs_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<Generator>("generator");
        QTest::addColumn<QString>("outputDir");
        QTest::addColumn<QString>("command");
        QTest::newRow("_config.yml") << u"_config.yml"_qs << Generator::Jekyll << u"_site"_qs
                                     << u"jekyll build --safe --disable-disk-cache --destination /out"_qs;
        QTest::newRow("_config.yaml") << u"_config.yaml"_qs << Generator::Jekyll << u"_site"_qs
                                      << u"jekyll build --safe --disable-disk-cache --destination /out"_qs;
        QTest::newRow("mkdocs.yml") << u"mkdocs.yml"_qs << Generator::MkDocs << u"site"_qs
                                    << u"mkdocs build --site-dir /out"_qs;
        QTest::newRow("mkdocs.yaml") << u"mkdocs.yaml"_qs << Generator::MkDocs << u"site"_qs
                                     << u"mkdocs build --site-dir /out"_qs;
    }

    void jekyllAndMkDocs()
    {
        QFETCH(QString, config);
        QFETCH(Generator, generator);
        QFETCH(QString, outputDir);
        QFETCH(QString, command);
        SourceTree tree;
        tree.file(config, "title: x\n").file(u"index.html"_qs, "<p>hi</p>");
        const Detection detection = detected(tree);
        QCOMPARE(detection.generator, generator);
        QCOMPARE(detection.outputDir, outputDir);
        QCOMPARE(detection.command, command);
    }

    void hugoWinsOverJekyllAndNpm()
    {
        SourceTree tree;
        tree.file(u"hugo.toml"_qs, "").folder(u"content"_qs).file(u"_config.yml"_qs, "")
            .file(u"package.json"_qs, R"({"scripts": {"build": "x"}})");
        QCOMPARE(detected(tree).generator, Generator::Hugo);
    }

    void npmNeedsTheScript()
    {
        SourceTree tree;
        tree.file(u"package.json"_qs, R"({"scripts": {"build": "node build.js", "test": "x"}})");
        Detection detection = detected(tree);
        QCOMPARE(detection.generator, Generator::Npm);
        QCOMPARE(detection.outputDir, u"dist"_qs);
        QCOMPARE(detection.command, u"npm run build"_qs);

        BuildDetector::Choice exportScript;
        exportScript.npmScript = u"export"_qs;
        QCOMPARE(refusalReason(tree, exportScript), u"nothing_found"_qs);
        exportScript.generator = Generator::Npm;
        QCOMPARE(refusalReason(tree, exportScript), u"npm_script_missing"_qs);
    }

    void npmOutputFolderFollowsTheFramework_data()
    {
        QTest::addColumn<QByteArray>("dependencies");
        QTest::addColumn<QString>("outputDir");
        QTest::newRow("none") << QByteArray("{}") << u"dist"_qs;
        QTest::newRow("eleventy") << QByteArray(R"({"@11ty/eleventy": "^2"})") << u"_site"_qs;
        QTest::newRow("vite") << QByteArray(R"({"vite": "^5"})") << u"dist"_qs;
        QTest::newRow("astro") << QByteArray(R"({"astro": "^4", "vite": "^5"})") << u"dist"_qs;
        QTest::newRow("next") << QByteArray(R"({"next": "^14", "react": "^18"})") << u"out"_qs;
        QTest::newRow("sveltekit static") << QByteArray(R"({"@sveltejs/adapter-static": "^3", "vite": "^5"})")
                                          << u"build"_qs;
    }

    void npmOutputFolderFollowsTheFramework()
    {
        QFETCH(QByteArray, dependencies);
        QFETCH(QString, outputDir);
        SourceTree tree;
        tree.file(u"package.json"_qs, R"({"scripts": {"build": "x"}, "devDependencies": )" + dependencies + "}");
        const Detection detection = detected(tree);
        QCOMPARE(detection.generator, Generator::Npm);
        QCOMPARE(detection.outputDir, outputDir);
        QCOMPARE(detection.command, dependencies == "{}" ? u"npm run build"_qs
                                                          : u"npm ci --ignore-scripts && npm run build"_qs);
    }

    void npmOutputFolderFromSettings()
    {
        SourceTree tree;
        tree.file(u"package.json"_qs, R"({"scripts": {"build": "x"}, "dependencies": {"next": "1"}})")
            .folder(u"node_modules"_qs);
        BuildDetector::Choice choice;
        choice.outputDir = u"build/html"_qs;
        const Detection detection = detected(tree, choice);
        QCOMPARE(detection.outputDir, u"build/html"_qs);
        // Vendored dependencies need no install phase.
        QCOMPARE(detection.command, u"npm run build"_qs);
    }

    void brokenPackageJson()
    {
        SourceTree tree;
        tree.file(u"package.json"_qs, "{not json").file(u"index.html"_qs, "<p>hi</p>");
        QCOMPARE(detected(tree).generator, Generator::Plain);
        BuildDetector::Choice npm;
        npm.generator = Generator::Npm;
        QCOMPARE(refusalReason(tree, npm), u"package_json_invalid"_qs);
        SourceTree none;
        QCOMPARE(refusalReason(none, npm), u"package_json_missing"_qs);
    }

    void plainAtTheRootOrInTheOnlyTopFolder()
    {
        SourceTree root;
        root.file(u"index.html"_qs, "<p>hi</p>").folder(u"assets"_qs);
        QCOMPARE(detected(root), (Detection{Generator::Plain, QString(), QString(), QString(), QString()}));

        SourceTree nested;
        nested.file(u"my site/index.html"_qs, "<p>hi</p>").file(u"__MACOSX/._index.html"_qs, "x")
            .file(u".DS_Store"_qs, "x");
        QCOMPARE(detected(nested), (Detection{Generator::Plain, u"my site"_qs, QString(), QString(), QString()}));
    }

    void nothingToDetect()
    {
        SourceTree twoFolders;
        twoFolders.file(u"a/index.html"_qs, "x").file(u"b/index.html"_qs, "x");
        QCOMPARE(refusalReason(twoFolders), u"nothing_found"_qs);
        SourceTree folderAndFile;
        folderAndFile.file(u"a/index.html"_qs, "x").file(u"readme.txt"_qs, "x");
        QCOMPARE(refusalReason(folderAndFile), u"nothing_found"_qs);
        SourceTree deeper;
        deeper.file(u"a/b/index.html"_qs, "x");
        QCOMPARE(refusalReason(deeper), u"nothing_found"_qs);
        SourceTree empty;
        QCOMPARE(refusalReason(empty), u"nothing_found"_qs);
        QCOMPARE(BuildDetector::detect(empty.filePath(u"missing"_qs), {}).error().details.value(u"reason"_qs).toString(),
                 u"no_source"_qs);
    }

    void linksDoNotCount()
    {
        SourceTree target;
        target.file(u"index.html"_qs, "x").file(u"_config.yml"_qs, "x");
        SourceTree tree;
        tree.symlink(u"index.html"_qs, target.filePath(u"index.html"_qs))
            .symlink(u"_config.yml"_qs, target.filePath(u"_config.yml"_qs));
        QCOMPARE(refusalReason(tree), u"nothing_found"_qs);
    }

    void choiceOverridesDetection()
    {
        SourceTree tree;
        tree.file(u"hugo.toml"_qs, "").folder(u"content"_qs).file(u"index.html"_qs, "x");
        BuildDetector::Choice choice;
        choice.generator = Generator::Plain;
        QCOMPARE(detected(tree, choice).generator, Generator::Plain);
        choice.generator = Generator::Jekyll;
        QCOMPARE(detected(tree, choice).generator, Generator::Jekyll);
        QCOMPARE(detected(tree, choice).outputDir, u"_site"_qs);
        // A project that says "plain" deploys its root even without index.html.
        SourceTree assets;
        assets.file(u"a.css"_qs, "x").file(u"b.js"_qs, "x");
        choice.generator = Generator::Plain;
        QCOMPARE(detected(assets, choice).siteRoot, QString());
    }
};

QTEST_GUILESS_MAIN(TestBuildDetector)
#include "tst_builddetector.moc"
