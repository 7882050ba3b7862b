// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/siteinspection.h"
#include "core/model/versionfile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>

namespace ddd::app {

// The pre-flight check, run on a worker thread before anything is sent. It
// applies the same core rules the agent enforces (core/archive EntryRules:
// names, traversal, links, case collisions, sizes, counts), hashes every file
// into a manifest, and diffs it against the live version's files. Folders
// report every problem at once; an archive stops at its first problem, as
// the agent's reader does.
class SiteInspector final
{
    Q_DECLARE_TR_FUNCTIONS(SiteInspector)

public:
    static SiteInspection inspect(const QString &path, const QList<core::model::VersionFile> &liveFiles,
                                  const std::atomic_bool &cancelled);
};

} // namespace ddd::app
