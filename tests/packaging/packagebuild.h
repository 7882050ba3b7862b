// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "tests/support/commandresult.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace ddd::test {

// The Debian packages `make package` makes, built by cpack from this build
// tree into a temporary directory, with the tools to look inside them.
class PackageBuild final
{
public:
    // Runs cpack; false (with the reason in error()) when it failed.
    bool make(const QString &buildDirectory);
    QString error() const { return m_error; }

    // Path of <name>_<version>_<arch>.deb, or empty when cpack made none.
    QString deb(const QString &package) const;
    // dpkg-deb -f/-c/-x, and one control file (postinst, conffiles, ...).
    QString field(const QString &package, const QString &name) const;
    QStringList contents(const QString &package) const;
    bool extract(const QString &package, const QString &root) const;
    QString controlFile(const QString &package, const QString &name) const;

private:
    QTemporaryDir m_directory;
    QString m_error;
};

} // namespace ddd::test
