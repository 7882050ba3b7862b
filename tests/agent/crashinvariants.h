// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace ddd::test {

// What must hold in a data root after a crash and a restart (issue 11's
// crash matrix). Each check answers the violations it found as readable
// lines, empty when all is well, so a failing test says everything at once.
class CrashInvariants final
{
public:
    // On a stopped agent: the database, the blob store, staging, the build
    // work folder and the installed certificates.
    static QStringList onDisk(const QString &dataDir);
    // Builds still queued or running (read beside a running agent): after a
    // restart they must all end, none may wait forever.
    static int unfinishedBuilds(const QString &dataDir);
    // Blobs the precompressor has decided on (made or skipped their variants).
    static int decidedBlobs(const QString &dataDir);

private:
    static QStringList database(const QString &dataDir);
    static QStringList blobs(const QString &dataDir);
    static QStringList folders(const QString &dataDir);
    static QStringList certificates(const QString &dataDir);
};

} // namespace ddd::test
