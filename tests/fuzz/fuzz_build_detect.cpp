// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Build detection (BuildDetector::detect) on arbitrary source trees, as a
// dropped folder or pushed repository may hold. The input is decoded into a
// small tree in a fresh directory: the first byte chooses the override
// (generator, npm script, output folder), then "name\n content\0" records,
// names normalised by SafePath like archive entries. Properties: a
// detection's site root is the root or a folder of the tree, its output
// folder is a normal relative path inside the source, and a refusal is a
// build.* code.
#include "core/build/builddetector.h"
#include "core/util/safepath.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QDir>

using namespace ddd::core::build;
using ddd::fuzz::violated;

namespace {

BuildDetector::Choice choiceFrom(quint8 selector, ddd::fuzz::InputReader &input)
{
    BuildDetector::Choice choice;
    if (selector & 0x08)
        choice.generator = Generator(selector % 5);
    if (selector & 0x10)
        choice.npmScript = QString::fromUtf8(input.until('\n'));
    if (selector & 0x20)
        choice.outputDir = QString::fromUtf8(input.until('\n'));
    return choice;
}

void writeTree(const QString &root, ddd::fuzz::InputReader &input)
{
    for (int files = 0; !input.atEnd() && files < 32; ++files) {
        const QByteArray name = input.until('\n');
        const QByteArray content = input.until('\0');
        const auto path = ddd::core::SafePath::fromArchiveEntry(name);
        if (!path.ok() || path.value().isEmpty())
            continue;
        if (path.value().endsWith(u'/'))
            QDir().mkpath(root + u'/' + path.value());
        else
            (void)ddd::fuzz::writeFile(root + u'/' + path.value(), content); // a name below a file fails: fine
    }
}

void checkDetection(const Detection &detection, const QString &root)
{
    if (!detection.siteRoot.isEmpty() && !QFileInfo(root + u'/' + detection.siteRoot).isDir())
        violated("the site root is a folder of the tree", detection.siteRoot);
    if (detection.outputDir.isEmpty())
        return;
    const auto output = ddd::core::SafePath::fromArchiveEntry(detection.outputDir.toUtf8());
    const QString resolved = QDir::cleanPath(root + u'/' + detection.siteRoot + u'/' + detection.outputDir);
    if (!output.ok() || !resolved.startsWith(root + u'/'))
        violated("the output folder is a relative path inside the source", detection.outputDir);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::fuzz::InputReader input(ddd::fuzz::bytes(data, size));
    const BuildDetector::Choice choice = choiceFrom(input.byte(), input);
    const QString root = ddd::fuzz::scratchRoot() + u"/tree"_qs;
    QDir(root).removeRecursively();
    QDir().mkpath(root);
    writeTree(root, input);
    const auto detection = BuildDetector::detect(root, choice);
    if (detection.ok())
        checkDetection(detection.value(), root);
    else if (!detection.error().code.startsWith(u"build."))
        violated("a refusal is a build.* code", detection.error().code);
    return 0;
}
