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

// The pre-flight check, run on a worker thread before anything is sent:
// core::archive::Preflight (the agent's own readers and rules: names,
// traversal, links, case collisions, sizes, counts; plus its advice about a
// missing index.html and large files), then the same readers once more to
// hash every file into the manifest the agent will check, and the diff
// against the live version's files. Like the agent, it stops at the first
// problem.
class SiteInspector final
{
    Q_DECLARE_TR_FUNCTIONS(SiteInspector)

public:
    static SiteInspection inspect(const QString &path, const QList<core::model::VersionFile> &liveFiles,
                                  const std::atomic_bool &cancelled);
};

} // namespace ddd::app
