// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/packaging/packagebuild.h"

#include <QDir>
#include <QFile>

namespace ddd::test {

bool PackageBuild::make(const QString &buildDirectory)
{
    if (!m_directory.isValid()) {
        m_error = u"no temporary directory"_qs;
        return false;
    }
    // -B puts the packages (and cpack's scratch tree) outside the build tree,
    // so a test never mixes with what `make package` left there.
    const CommandResult cpack = CommandResult::run(u"cpack"_qs, {u"-G"_qs, u"DEB"_qs, u"--config"_qs,
                                                  buildDirectory + u"/CPackConfig.cmake"_qs, u"-B"_qs,
                                                  m_directory.path()},
                                    300000);
    if (!cpack.ok())
        m_error = cpack.output;
    return cpack.ok();
}

QString PackageBuild::deb(const QString &package) const
{
    const QStringList found =
        QDir(m_directory.path()).entryList({package + u"_*.deb"_qs}, QDir::Files, QDir::Name);
    return found.isEmpty() ? QString() : m_directory.filePath(found.first());
}

QString PackageBuild::field(const QString &package, const QString &name) const
{
    return CommandResult::run(u"dpkg-deb"_qs, {u"-f"_qs, deb(package), name}).output.trimmed();
}

QStringList PackageBuild::contents(const QString &package) const
{
    // "-rwxr-xr-x root/root 123 2026-12-03 13:32 ./usr/bin/ddd-agent": the path is last.
    QStringList paths;
    const QString listing = CommandResult::run(u"dpkg-deb"_qs, {u"-c"_qs, deb(package)}).output;
    for (const QString &line : listing.split(u'\n', Qt::SkipEmptyParts))
        paths.append(line.section(u' ', -1).mid(1)); // "./usr/bin/x" -> "/usr/bin/x"
    return paths;
}

bool PackageBuild::extract(const QString &package, const QString &root) const
{
    return CommandResult::run(u"dpkg-deb"_qs, {u"-x"_qs, deb(package), root}).ok();
}

QString PackageBuild::controlFile(const QString &package, const QString &name) const
{
    const CommandResult info = CommandResult::run(u"dpkg-deb"_qs, {u"-I"_qs, deb(package), name});
    return info.ok() ? info.output : QString();
}

} // namespace ddd::test
